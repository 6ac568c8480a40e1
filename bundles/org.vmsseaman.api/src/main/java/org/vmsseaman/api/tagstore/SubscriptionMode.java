package org.vmsseaman.api.tagstore;

/** How a subscription buffers updates its subscriber has not yet taken. */
public enum SubscriptionMode {
    /**
     * Every update, in order, up to the buffer capacity; an overflow is dropped, counted, reported
     * in statistics and health, and announced to the subscriber. For historian and alarm engine.
     */
    LOSSLESS,
    /** Only the latest value per tag since the last delivery. For screens and remote clients. */
    COALESCING
}
