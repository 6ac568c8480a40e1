package org.vmsseaman.driver.nmea2000.internal.bus;

import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.vmsseaman.driver.nmea2000.internal.can.CanFrame;

/**
 * Replays frames at their recorded pace times a speed factor: before a frame that is due later, it flushes
 * what was decoded so far (so values appear when they would have) and sleeps. A timestamp that goes backwards
 * (a loop, midnight in a RAW log) starts the timing again. Frames without a timestamp pass at once.
 */
public final class ReplayPacer implements Consumer<CanFrame> {

    /** Shorter waits are not slept, to keep bursts of frames together. */
    private static final long MIN_SLEEP_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

    private final double speed;
    private final Consumer<CanFrame> next;
    private final Runnable flush;
    private long baseMicros = -1;
    private long startNanos;

    /**
     * @param speed replay speed factor, &gt; 0 (1 = as recorded)
     * @param next where frames go
     * @param flush publishes what was decoded so far, called before sleeping
     */
    public ReplayPacer(double speed, Consumer<CanFrame> next, Runnable flush) {
        this.speed = speed;
        this.next = next;
        this.flush = flush;
    }

    @Override
    public void accept(CanFrame frame) {
        long t = frame.timestampMicros;
        if (t >= 0) {
            if (baseMicros < 0 || t < baseMicros) {
                baseMicros = t;
                startNanos = System.nanoTime();
            }
            long due = startNanos + (long) ((t - baseMicros) * 1000 / speed);
            long wait = due - System.nanoTime();
            if (wait > MIN_SLEEP_NANOS) {
                flush.run();
                try {
                    TimeUnit.NANOSECONDS.sleep(wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt(); // closing: the reader sees the flag and stops
                    return;
                }
            }
        }
        next.accept(frame);
    }

    /** Starts the timing again with the next frame (replay looped). */
    public void reset() {
        baseMicros = -1;
    }
}
