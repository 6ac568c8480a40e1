package org.vmsseaman.tagstore.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the tag store (PID {@code org.vmsseaman.tagstore}). */
@ObjectClassDefinition(name = "VMS Seaman tag store", description = "Live tag values and their fan-out to subscribers.")
public @interface TagStoreConfig {

    @AttributeDefinition(
            name = "Delivery linger (µs)",
            description =
                    "When updates arrive faster than this, a subscriber's delivery thread waits up to this long to hand them over"
                            + " in one larger batch (a full batch goes at once). Adds at most this latency; 0 wakes the thread for every publish.")
    long deliveryLingerMicros() default 1_000;

    @AttributeDefinition(
            name = "Close timeout (ms)",
            description = "Longest time closing a subscription waits for a subscriber callback in progress.")
    long closeTimeoutMillis() default 2_000;

    @AttributeDefinition(
            name = "Failure log interval (s)",
            description =
                    "A failing subscriber is logged with its stack trace once, then summarised at most this often.")
    long failureLogIntervalSeconds() default 60;

    @AttributeDefinition(
            name = "Rate window (s)",
            description = "The update rate in the statistics is averaged over this many seconds.")
    long rateWindowSeconds() default 5;
}
