package org.vmsseaman.api.project;

import java.time.Duration;

/**
 * An alarm on a tag, as the vessel project defines it. The alarm engine gives it meaning; the
 * project only validates and keeps it.
 *
 * @param id alarm id, unique in the project, e.g. {@code me.lube_oil.pressure.ll}
 * @param tagId the tag watched
 * @param kind what is watched
 * @param operator comparison for LIMIT/DISCRETE: one of {@code > >= < <= == !=}
 * @param setpoint limit (LIMIT), alarm state (DISCRETE; 1/0 for booleans), allowed deviation
 *     (DEVIATION) or allowed change per second (RATE_OF_CHANGE)
 * @param referenceTag the reference tag of a DEVIATION alarm, else empty
 * @param priority IMO priority
 * @param group alarm group (machinery system) for escalation and display
 * @param onDelay the condition must hold this long before the alarm is raised
 * @param offDelay the condition must be gone this long before the alarm returns to normal
 * @param deadband applied when leaving the alarm state (hysteresis), in the tag's unit, {@code >= 0}
 * @param ackRequired whether an operator must acknowledge it
 * @param message text shown to the operator
 * @param suppressedBy id of a boolean tag that suppresses this alarm by design while true
 *     (e.g. "engine stopped"), else empty
 */
public record AlarmDefinition(
        String id,
        String tagId,
        AlarmKind kind,
        String operator,
        double setpoint,
        String referenceTag,
        AlarmPriority priority,
        String group,
        Duration onDelay,
        Duration offDelay,
        double deadband,
        boolean ackRequired,
        String message,
        String suppressedBy) {}
