package org.vmsseaman.api.project;

import java.util.Locale;

/** Alert priorities of the IMO Code on Alerts and Indicators (A.1021(26)), highest first. */
public enum AlarmPriority {
    EMERGENCY,
    ALARM,
    WARNING,
    CAUTION;

    /** The lower-case label used in project files. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
