package org.vmsseaman.api.tagstore;

import java.util.Objects;
import java.util.function.Predicate;

/**
 * Options of a tag store subscription.
 *
 * @param name a name for logs, statistics and health, e.g. {@code historian}
 * @param mode lossless or coalescing
 * @param capacity the most updates (lossless) or tags (coalescing) buffered, {@code > 0}
 * @param filter which tag ids the subscriber wants; never null. It runs on the publishing thread, so it
 *     must be cheap and depend only on the tag id
 * @param maxBatch the most updates handed over in one {@code onBatch} call, {@code > 0}
 * @param immediate {@code true} to have every publish delivered as soon as the delivery thread is free,
 *     for latency-critical subscribers such as the alarm engine; {@code false} (the default) lets the
 *     tag store gather updates for up to its configured delivery linger (1 ms) into fewer, larger
 *     batches, which costs less CPU per update
 * @since 1.1
 */
public record SubscriptionOptions(
        String name, SubscriptionMode mode, int capacity, Predicate<String> filter, int maxBatch, boolean immediate) {

    /** The default buffer capacity of a lossless subscription: 10 s at 100,000 updates/s. */
    public static final int DEFAULT_LOSSLESS_CAPACITY = 1_000_000;

    public SubscriptionOptions {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(filter, "filter");
        if (capacity <= 0 || maxBatch <= 0) {
            throw new IllegalArgumentException("capacity and maxBatch must be positive");
        }
    }

    /** Options with the default, gathering delivery (not {@link #immediate()}). */
    public SubscriptionOptions(
            String name, SubscriptionMode mode, int capacity, Predicate<String> filter, int maxBatch) {
        this(name, mode, capacity, filter, maxBatch, false);
    }

    /** A lossless subscription to all tags with the default capacity. */
    public static SubscriptionOptions lossless(String name) {
        return new SubscriptionOptions(name, SubscriptionMode.LOSSLESS, DEFAULT_LOSSLESS_CAPACITY, id -> true, 10_000);
    }

    /** A coalescing subscription to all tags. */
    public static SubscriptionOptions coalescing(String name) {
        return new SubscriptionOptions(name, SubscriptionMode.COALESCING, 1_000_000, id -> true, 10_000);
    }

    /** These options with another tag filter. */
    public SubscriptionOptions withFilter(Predicate<String> newFilter) {
        return new SubscriptionOptions(name, mode, capacity, newFilter, maxBatch, immediate);
    }

    /** These options with another capacity. */
    public SubscriptionOptions withCapacity(int newCapacity) {
        return new SubscriptionOptions(name, mode, newCapacity, filter, maxBatch, immediate);
    }

    /**
     * These options with immediate delivery: no linger, each publish handed over as soon as the
     * delivery thread is free.
     *
     * @since 1.1
     */
    public SubscriptionOptions withImmediateDelivery() {
        return new SubscriptionOptions(name, mode, capacity, filter, maxBatch, true);
    }
}
