package org.vmsseaman.api.alarm;

import java.time.Instant;
import org.vmsseaman.api.project.AlarmPriority;

/**
 * The current status of one alarm: its definition's identity and its open occurrence, if any.
 *
 * @param id the alarm id from the project (or an automatic one, e.g. {@code me.lube_oil.inlet_pressure.sensor_fault})
 * @param occurrence id of the open occurrence, stable for its lifetime and across restarts; 0 if none
 * @param type what raises it
 * @param source the tag it watches, or for a communication fault the device
 * @param group alarm group (machinery system) for escalation and display
 * @param priority priority of the open occurrence (an escalated warning is an alarm), else the defined one
 * @param message text shown to the operator
 * @param state its state
 * @param active whether its condition is present (after delays and deadband)
 * @param raisedAt when the open occurrence was raised, or null
 * @param value the value that raised it (or the value when it returned), or null
 * @param acknowledgedAt when the open occurrence was acknowledged, or null
 * @param acknowledgedBy who acknowledged it, or null
 * @param clearedAt when the condition of the open occurrence went away, or null while present
 * @param escalatedFrom the occurrence this one escalated from, 0 if none
 * @param shelvedUntil when shelving ends by itself, or null if not shelved
 * @param serviceBy who shelved it or took it out of service, or null
 * @param serviceReason why it was shelved or taken out of service, or null
 */
public record Alarm(
        String id,
        long occurrence,
        AlarmType type,
        String source,
        String group,
        AlarmPriority priority,
        String message,
        AlarmState state,
        boolean active,
        Instant raisedAt,
        Object value,
        Instant acknowledgedAt,
        String acknowledgedBy,
        Instant clearedAt,
        long escalatedFrom,
        Instant shelvedUntil,
        String serviceBy,
        String serviceReason) {}
