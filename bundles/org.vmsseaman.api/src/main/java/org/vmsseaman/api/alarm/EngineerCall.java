package org.vmsseaman.api.alarm;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The engineer call of an unattended machinery space: started when an alarm is not acknowledged
 * within its group's time, escalated to all engineers and the bridge after a second time, and ended
 * when every alarm behind it has been acknowledged.
 *
 * @param stage the current stage
 * @param since when the current stage began, or null at {@link Stage#NONE}
 * @param causes the unacknowledged occurrences behind it, oldest first
 */
public record EngineerCall(Stage stage, Instant since, List<Long> causes) {

    public EngineerCall {
        causes = List.copyOf(causes);
    }

    /** Stages of the engineer call. */
    public enum Stage {
        /** No call. */
        NONE,
        /** The duty engineer is called. */
        DUTY_ENGINEER,
        /** The duty engineer did not respond: all engineers and the bridge are called. */
        ALL_ENGINEERS_AND_BRIDGE;

        /** The lower-case label used in JSON. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
