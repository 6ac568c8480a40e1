package org.vmsseaman.api.alarm;

import java.util.Locale;

/** What happened to an alarm, as recorded in the journal. */
public enum Transition {
    /** A new occurrence: the condition held for the on-delay. */
    RAISED,
    /** The condition came back before a returned-to-normal alarm was acknowledged (same occurrence). */
    REACTIVATED,
    /** A user acknowledged the occurrence. */
    ACKNOWLEDGED,
    /** The condition was gone for the off-delay (beyond the deadband). */
    CLEARED,
    /** A user shelved the alarm; the detail says why and until when. */
    SHELVED,
    /** A user unshelved the alarm. */
    UNSHELVED,
    /** The shelving time ran out and the alarm returned by itself. */
    SHELVE_EXPIRED,
    /** The suppressing condition started. */
    SUPPRESSED,
    /** The suppressing condition ended. */
    UNSUPPRESSED,
    /** A user took the alarm out of service. */
    REMOVED_FROM_SERVICE,
    /** A user returned the alarm to service. */
    RETURNED_TO_SERVICE,
    /**
     * An unacknowledged warning ran past its time and was escalated to an alarm (Bridge Alert
     * Management): this occurrence ends and a new one of priority alarm is raised.
     */
    ESCALATED,
    /** The engineer call started or went to its next stage; the detail names the stage. */
    ENGINEER_CALL,
    /** Every alarm behind the engineer call was acknowledged. */
    ENGINEER_CALL_CLEARED,
    /** A user started the watch timer. */
    WATCH_STARTED,
    /** A user reset the watch timer. */
    WATCH_RESET,
    /** The watch timer reached its pre-warning time without a reset. */
    WATCH_PREWARNING,
    /** A user stopped the watch timer. */
    WATCH_STOPPED;

    /** The lower-case label used in JSON. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
