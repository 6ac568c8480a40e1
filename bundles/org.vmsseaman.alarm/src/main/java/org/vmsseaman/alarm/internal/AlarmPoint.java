package org.vmsseaman.alarm.internal;

import org.vmsseaman.api.alarm.AlarmState;
import org.vmsseaman.api.alarm.AlarmType;
import org.vmsseaman.api.project.AlarmPriority;

/**
 * One alarm: its definition, the tracking of its condition, its open occurrence and its service state.
 * Changed only on the engine's lock.
 */
final class AlarmPoint {

    enum Service {
        IN_SERVICE,
        SHELVED,
        OUT_OF_SERVICE
    }

    final int index;
    final String id;
    final AlarmType type;
    /** The tag watched, or the device for a communication fault. */
    final String source;

    final String group;
    final AlarmPriority priority;
    final String message;
    final boolean ackRequired;
    final long onDelay; // µs
    final long offDelay; // µs
    /** Limit and discrete alarms; null otherwise. */
    final Comparison comparison;
    /** Deviation and rate-of-change: the allowed deviation or rate. */
    final double setpoint;

    final double deadband;
    /** The reference tag of a deviation alarm, else null. */
    final String reference;
    /** The tag that suppresses it by design, else null. */
    final String suppressedBy;

    // condition tracking
    boolean raw;
    long rawSince;
    boolean active;
    double previous = Double.NaN; // rate of change: previous value and its time
    long previousTime;

    // annunciation and service (changed only by AlarmEngine.apply)
    Occurrence occ;
    Service service = Service.IN_SERVICE;
    long shelvedUntil;
    String serviceBy;
    String serviceReason;
    boolean suppressed;

    @SuppressWarnings("checkstyle:ParameterNumber")
    AlarmPoint(
            int index,
            String id,
            AlarmType type,
            String source,
            String group,
            AlarmPriority priority,
            String message,
            boolean ackRequired,
            long onDelay,
            long offDelay,
            Comparison comparison,
            double setpoint,
            double deadband,
            String reference,
            String suppressedBy) {
        this.index = index;
        this.id = id;
        this.type = type;
        this.source = source;
        this.group = group;
        this.priority = priority;
        this.message = message;
        this.ackRequired = ackRequired;
        this.onDelay = onDelay;
        this.offDelay = offDelay;
        this.comparison = comparison;
        this.setpoint = setpoint;
        this.deadband = deadband;
        this.reference = reference;
        this.suppressedBy = suppressedBy;
    }

    /** Whether a present condition is annunciated: in service and not suppressed. */
    boolean enabled() {
        return service == Service.IN_SERVICE && !suppressed;
    }

    /** Whether it has an occurrence nobody acknowledged yet. */
    boolean unacknowledged() {
        return occ != null && !occ.acked;
    }

    AlarmState state() {
        if (service == Service.OUT_OF_SERVICE) {
            return AlarmState.OUT_OF_SERVICE;
        }
        if (service == Service.SHELVED) {
            return AlarmState.SHELVED;
        }
        if (occ != null) {
            if (occ.clearedAt != 0) {
                return AlarmState.RTN_UNACKNOWLEDGED;
            }
            return occ.acked ? AlarmState.ACKNOWLEDGED : AlarmState.UNACKNOWLEDGED;
        }
        return suppressed ? AlarmState.SUPPRESSED : AlarmState.NORMAL;
    }
}
