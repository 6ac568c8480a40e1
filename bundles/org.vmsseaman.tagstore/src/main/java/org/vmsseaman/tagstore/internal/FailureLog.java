package org.vmsseaman.tagstore.internal;

import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs a subscriber's first failure with its stack trace, later ones at most once per interval. */
final class FailureLog {

    private final Logger logger = LoggerFactory.getLogger(FailureLog.class);
    private final String subscription;
    private final long intervalNanos;
    private boolean loggedOnce;
    private long nextLogAt;
    private long suppressed;

    FailureLog(String subscription, long intervalSeconds) {
        this.subscription = subscription;
        this.intervalNanos = TimeUnit.SECONDS.toNanos(Math.max(1, intervalSeconds));
    }

    synchronized void failed(String callback, Throwable failure) {
        long now = System.nanoTime();
        if (!loggedOnce) {
            loggedOnce = true;
            nextLogAt = now + intervalNanos;
            logger.warn(
                    "Tag store subscriber '{}' threw from {}; delivery continues, further failures are summarised every {} s",
                    subscription,
                    callback,
                    TimeUnit.NANOSECONDS.toSeconds(intervalNanos),
                    failure);
        } else if (now - nextLogAt >= 0) {
            nextLogAt = now + intervalNanos;
            logger.warn(
                    "Tag store subscriber '{}' failed {} more times; latest from {}: {}",
                    subscription,
                    suppressed + 1,
                    callback,
                    failure.toString());
            suppressed = 0;
        } else {
            suppressed++;
        }
    }
}
