package org.vmsseaman.tagstore.internal;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/** Update rate over a sliding window, from a small ring of (time, running total) samples. */
final class RateMeter {

    private static final long SAMPLE_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    private final long windowNanos;
    private final long[] times;
    private final long[] totals;
    private int newest = -1;
    private int count;
    private volatile long nextSampleAt;

    RateMeter(long windowSeconds) {
        this.windowNanos = TimeUnit.SECONDS.toNanos(Math.max(1, windowSeconds));
        int slots = (int) (windowNanos / SAMPLE_INTERVAL_NANOS) + 2;
        this.times = new long[slots];
        this.totals = new long[slots];
        this.nextSampleAt = System.nanoTime();
    }

    /** Records {@code total} (the running total before the caller adds more) if a sample is due; cheap otherwise. */
    void maybeSample(long now, LongSupplier total) {
        if (now - nextSampleAt >= 0) {
            record(now, total.getAsLong());
        }
    }

    /** The rate per second between the oldest sample inside the window and {@code total} now. */
    synchronized double rate(long now, long total) {
        double rate = 0.0;
        for (int i = 0; i < count; i++) {
            int slot = Math.floorMod(newest - count + 1 + i, times.length);
            long age = now - times[slot];
            if (age <= windowNanos) {
                rate = age > 0 ? (total - totals[slot]) * 1e9 / age : 0.0;
                break;
            }
        }
        record(now, total);
        return rate;
    }

    private synchronized void record(long now, long total) {
        if (now - nextSampleAt < 0) {
            return;
        }
        newest = (newest + 1) % times.length;
        times[newest] = now;
        totals[newest] = total;
        count = Math.min(count + 1, times.length);
        nextSampleAt = now + SAMPLE_INTERVAL_NANOS;
    }
}
