package org.vmsseaman.api.tag;

import java.time.Duration;

/**
 * How the historian records a tag.
 *
 * <p>A value is stored when it differs from the last stored value by more than {@code deadband}
 * (absolute, in the tag's unit; 0 stores every change), when {@code maxInterval} has passed since
 * the last stored sample, or when its quality changed. {@code enabled = false} stores nothing.
 *
 * @param enabled whether the tag is recorded at all
 * @param deadband absolute deadband in the tag's unit, {@code >= 0}
 * @param maxInterval store at least this often even without change; never null, positive
 */
public record HistorianPolicy(boolean enabled, double deadband, Duration maxInterval) {
    /** Record every change, and at least once a minute. */
    public static final HistorianPolicy DEFAULT = new HistorianPolicy(true, 0.0, Duration.ofMinutes(1));

    public HistorianPolicy {
        if (!(deadband >= 0.0)) {
            throw new IllegalArgumentException("historian deadband must be >= 0, was " + deadband);
        }
        if (maxInterval == null || maxInterval.isNegative() || maxInterval.isZero()) {
            throw new IllegalArgumentException("historian maxInterval must be positive, was " + maxInterval);
        }
    }
}
