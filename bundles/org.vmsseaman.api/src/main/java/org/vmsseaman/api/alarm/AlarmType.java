package org.vmsseaman.api.alarm;

import java.util.Locale;

/** What raises an alarm. */
public enum AlarmType {
    /** A value compared with a limit (HH/H/L/LL). */
    LIMIT,
    /** A discrete value equal to or different from an alarm state. */
    DISCRETE,
    /** A value deviating from a reference tag. */
    DEVIATION,
    /** A value changing faster than allowed per second. */
    RATE_OF_CHANGE,
    /** Automatic: a tag with alarms reports a failed sensor or a broken wire. */
    SENSOR_FAULT,
    /** Automatic: a device stopped communicating. */
    COMMUNICATION_FAULT,
    /** The watch (dead-man) timer was not reset in time. */
    WATCH_TIMER,
    /**
     * Automatic: the monitoring system itself is failing, e.g. the historian is not recording or lost
     * recorded values (self-monitoring, as class rules for unattended machinery spaces require).
     *
     * @since 1.1
     */
    SYSTEM_FAULT;

    /** The lower-case label used in JSON. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
