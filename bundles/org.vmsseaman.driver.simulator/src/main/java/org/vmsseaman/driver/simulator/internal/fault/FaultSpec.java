package org.vmsseaman.driver.simulator.internal.fault;

import java.util.Objects;
import org.vmsseaman.api.tag.Quality;

/**
 * A validated simulated fault.
 *
 * @param name a name for logs (the configuration's PID)
 * @param device device id, empty for every simulator device
 * @param tags glob of tag ids, empty for all
 * @param type what the fault does
 * @param startDelaySeconds delay after the device first sees the fault, {@code >= 0}
 * @param durationSeconds how long it lasts once started, 0 for until removed
 * @param magnitude SPIKE height / OUT_OF_RANGE target, in normal spans
 * @param periodSeconds SPIKE interval / OUT_OF_RANGE ramp time, {@code >= 0}
 * @param quality the quality of BAD_QUALITY, not GOOD
 */
public record FaultSpec(
        String name,
        String device,
        String tags,
        FaultType type,
        double startDelaySeconds,
        double durationSeconds,
        double magnitude,
        double periodSeconds,
        Quality quality) {

    public FaultSpec {
        Objects.requireNonNull(type, "type");
        name = name == null ? type.name() : name;
        device = device == null ? "" : device.trim();
        tags = tags == null ? "" : tags.trim();
        quality = quality == null ? Quality.BAD_SENSOR_FAILURE : quality;
        requireNonNegative("startDelaySeconds", startDelaySeconds);
        requireNonNegative("durationSeconds", durationSeconds);
        requireNonNegative("periodSeconds", periodSeconds);
        if (!Double.isFinite(magnitude)) {
            throw new IllegalArgumentException("magnitude must be a finite number, was " + magnitude);
        }
        if (type == FaultType.BAD_QUALITY && quality.isGood()) {
            throw new IllegalArgumentException("quality of a BAD_QUALITY fault must not be GOOD");
        }
    }

    private static void requireNonNegative(String attribute, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(attribute + " must be a number >= 0, was " + value);
        }
    }

    /** A fault with the documented defaults for everything but device, tags and type. */
    public static FaultSpec of(String device, String tags, FaultType type) {
        return new FaultSpec(null, device, tags, type, 0, 0, 2.0, 10, Quality.BAD_SENSOR_FAILURE);
    }

    /** The spec of a configuration. */
    static FaultSpec from(FaultConfig c, String name) {
        return new FaultSpec(
                name,
                c.device(),
                c.tags(),
                c.type(),
                c.startDelaySeconds(),
                c.durationSeconds(),
                c.magnitude(),
                c.periodSeconds(),
                c.quality());
    }

    /** {@code true} if the fault applies to the device {@code deviceId}. */
    public boolean appliesToDevice(String deviceId) {
        return device.isEmpty() || device.equals(deviceId);
    }

    public FaultSpec withTiming(double startDelay, double duration) {
        return new FaultSpec(name, device, tags, type, startDelay, duration, magnitude, periodSeconds, quality);
    }

    public FaultSpec withShape(double newMagnitude, double newPeriod) {
        return new FaultSpec(
                name, device, tags, type, startDelaySeconds, durationSeconds, newMagnitude, newPeriod, quality);
    }

    public FaultSpec withQuality(Quality newQuality) {
        return new FaultSpec(
                name, device, tags, type, startDelaySeconds, durationSeconds, magnitude, periodSeconds, newQuality);
    }
}
