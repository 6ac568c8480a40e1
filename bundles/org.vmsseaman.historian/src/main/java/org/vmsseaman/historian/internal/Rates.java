package org.vmsseaman.historian.internal;

/**
 * Received and stored per second, between the two latest readings of the counters at least a second
 * apart: whoever reads the statistics (health, the alarm engine's self-monitoring) sets the window.
 * Thread-safe.
 */
final class Rates {

    private static final long MIN_WINDOW_NANOS = 1_000_000_000L;

    private boolean started;
    private long time;
    private long received;
    private long stored;
    private double receivedPerSecond;
    private double storedPerSecond;

    /**
     * Takes a reading of the counters at {@code nanos} ({@link System#nanoTime}).
     *
     * @return {received per second, stored per second}
     */
    synchronized double[] update(long nanos, long receivedNow, long storedNow) {
        if (!started) {
            started = true;
        } else if (nanos - time >= MIN_WINDOW_NANOS) {
            double seconds = (nanos - time) / 1e9;
            receivedPerSecond = (receivedNow - received) / seconds;
            storedPerSecond = (storedNow - stored) / seconds;
        } else {
            return new double[] {receivedPerSecond, storedPerSecond};
        }
        time = nanos;
        received = receivedNow;
        stored = storedNow;
        return new double[] {receivedPerSecond, storedPerSecond};
    }
}
