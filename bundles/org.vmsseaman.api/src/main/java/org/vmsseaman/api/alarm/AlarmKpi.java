package org.vmsseaman.api.alarm;

import java.time.Instant;
import java.util.List;

/**
 * Alarm-system performance after IEC 62682 / ISA-18.2, over the last 24 hours (activations are
 * raises and reactivations).
 *
 * @param time when these figures were taken
 * @param last10Minutes activations in the last 10 minutes
 * @param last24Hours activations in the last 24 hours
 * @param maxPer10Minutes the most activations in any 10-minute window of the last 24 hours
 * @param flood whether the last 10 minutes are a flood (more than 10 activations)
 * @param floodMinutes minutes of the last 24 hours spent in a flood
 * @param chattering alarms with 3 or more activations within one minute in the last 24 hours
 * @param standing alarms whose condition has been present for more than 24 hours
 * @param topBadActors the alarms with the most activations in the last 24 hours, most first (up to 10)
 * @param unacknowledged alarms waiting for acknowledgement now
 * @param shelved alarms shelved now
 * @param suppressed alarms suppressed by design now
 * @param outOfService alarms out of service now
 */
public record AlarmKpi(
        Instant time,
        int last10Minutes,
        int last24Hours,
        int maxPer10Minutes,
        boolean flood,
        long floodMinutes,
        List<String> chattering,
        List<String> standing,
        List<Count> topBadActors,
        int unacknowledged,
        int shelved,
        int suppressed,
        int outOfService) {

    public AlarmKpi {
        chattering = List.copyOf(chattering);
        standing = List.copyOf(standing);
        topBadActors = List.copyOf(topBadActors);
    }

    /** Activations of one alarm. */
    public record Count(String alarmId, int activations) {}
}
