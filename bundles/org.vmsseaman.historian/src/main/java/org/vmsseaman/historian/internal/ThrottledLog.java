package org.vmsseaman.historian.internal;

/** Decides whether a repeated problem is logged now: the first time, then at most once per interval. */
final class ThrottledLog {

    private final long intervalNanos;
    private long lastNanos;
    private boolean logged;

    ThrottledLog(long intervalSeconds) {
        this.intervalNanos = intervalSeconds * 1_000_000_000L;
    }

    /** {@code true} if the caller should log now. */
    synchronized boolean shouldLog() {
        long now = System.nanoTime();
        if (!logged || now - lastNanos >= intervalNanos) {
            logged = true;
            lastNanos = now;
            return true;
        }
        return false;
    }
}
