package org.vmsseaman.api.project;

import java.util.Locale;

/** What an alarm definition watches. */
public enum AlarmKind {
    /** The value compared with a setpoint by an operator ({@code > >= < <= == !=}). */
    LIMIT,
    /** A discrete (boolean or enum) value equal to or different from an alarm state. */
    DISCRETE,
    /** The value deviates from a reference tag by more than the setpoint. */
    DEVIATION,
    /** The value changes faster than the setpoint per second. */
    RATE_OF_CHANGE;

    /** The lower-case label used in project files, e.g. {@code rate_of_change}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
