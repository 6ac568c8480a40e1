package org.vmsseaman.api.alarm;

import java.time.Instant;
import org.vmsseaman.api.project.AlarmPriority;

/**
 * One entry of the alarm journal: a transition of one alarm, with time, value and user.
 *
 * @param seq position in the journal, increasing without gaps from 1, stable across restarts
 * @param time when it happened
 * @param alarmId the alarm (for engineer-call and watch entries {@code system.engineer_call} or {@code system.watch})
 * @param occurrence the occurrence it belongs to, 0 if none
 * @param transition what happened
 * @param state the alarm's state after it
 * @param priority priority of the occurrence (or the defined one)
 * @param value the tag's value at that moment, or null
 * @param user who did it, or {@code system} for automatic transitions
 * @param detail more words: shelving or out-of-service reason, engineer-call stage; empty if none
 * @param related the other occurrence of an escalation (for {@link Transition#ESCALATED} the new one, for
 *     the {@link Transition#RAISED} that follows it the warning it came from), else 0
 * @param until for {@link Transition#SHELVED}, when the shelving ends by itself; else null
 */
public record AlarmEvent(
        long seq,
        Instant time,
        String alarmId,
        long occurrence,
        Transition transition,
        AlarmState state,
        AlarmPriority priority,
        Object value,
        String user,
        String detail,
        long related,
        Instant until) {

    /** The user name of automatic transitions. */
    public static final String SYSTEM = "system";
}
