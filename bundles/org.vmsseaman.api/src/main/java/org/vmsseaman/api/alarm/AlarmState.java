package org.vmsseaman.api.alarm;

import java.util.Locale;

/**
 * The state of one alarm, after IEC 62682 / ISA-18.2.
 *
 * <p>The first four states follow the alarm's condition and acknowledgement. The last three take
 * an alarm out of annunciation: {@link #SHELVED} and {@link #OUT_OF_SERVICE} by a user,
 * {@link #SUPPRESSED} by design while its suppressing condition holds. An alarm that is
 * returned-to-normal unacknowledged stays {@link #RTN_UNACKNOWLEDGED} when suppression starts, so a
 * suppression never hides an alarm nobody has seen.
 */
public enum AlarmState {
    /** The condition is absent and nothing is waiting for acknowledgement. */
    NORMAL,
    /** The condition is present and not acknowledged. */
    UNACKNOWLEDGED,
    /** The condition is present and acknowledged. */
    ACKNOWLEDGED,
    /** The condition has gone but the alarm was never acknowledged; kept until it is. */
    RTN_UNACKNOWLEDGED,
    /** Shelved by a user for a limited time; it returns by itself when the time is up. */
    SHELVED,
    /** Suppressed by design while its suppressing condition holds (e.g. engine stopped). */
    SUPPRESSED,
    /** Taken out of service by a user (e.g. a sensor under repair) until returned to service. */
    OUT_OF_SERVICE;

    /** Whether the alarm is annunciated: present or waiting for acknowledgement. */
    public boolean isAnnunciated() {
        return this == UNACKNOWLEDGED || this == ACKNOWLEDGED || this == RTN_UNACKNOWLEDGED;
    }

    /** Whether an operator still has to acknowledge it. */
    public boolean isUnacknowledged() {
        return this == UNACKNOWLEDGED || this == RTN_UNACKNOWLEDGED;
    }

    /** The lower-case label used in JSON and query parameters, e.g. {@code rtn_unacknowledged}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
