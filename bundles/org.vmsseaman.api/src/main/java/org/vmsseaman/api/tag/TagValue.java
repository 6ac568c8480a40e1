package org.vmsseaman.api.tag;

import java.time.Instant;
import java.util.Objects;

/**
 * One value of one tag, as it travels from a driver through the tag store to subscribers.
 *
 * <p>Timestamps are microseconds since the epoch, UTC. {@code sourceTime} is the device's or
 * bus's time if it sent one, else equal to {@code receiveTime}. A BAD value carries the last value
 * received (or {@code null} if there never was one), so screens can show what the sensor last said
 * next to the fault.
 *
 * @param tagId the tag's id
 * @param value the scaled value, of the tag's {@link DataType#javaType()}; null only if none was ever received
 * @param quality the value's quality
 * @param sourceTime device/bus timestamp, µs since the epoch UTC
 * @param receiveTime time the platform received it, µs since the epoch UTC
 * @param raw the value as the device sent it before scaling, or null
 */
public record TagValue(String tagId, Object value, Quality quality, long sourceTime, long receiveTime, Object raw) {

    public TagValue {
        Objects.requireNonNull(tagId, "tagId");
        Objects.requireNonNull(quality, "quality");
    }

    /** A GOOD value received now, without a separate source time or raw value. */
    public static TagValue good(String tagId, Object value, long nowMicros) {
        return new TagValue(tagId, value, Quality.GOOD, nowMicros, nowMicros, null);
    }

    /** This value with another quality and receive time, keeping value, raw value and source time. */
    public TagValue withQuality(Quality newQuality, long receiveMicros) {
        return new TagValue(tagId, value, newQuality, sourceTime, receiveMicros, raw);
    }

    /** The value as a double, or NaN if it is not numeric or boolean. */
    public double doubleValue() {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof Boolean b) {
            return b ? 1.0 : 0.0;
        }
        return Double.NaN;
    }

    /** {@link #sourceTime()} as an instant. */
    public Instant sourceInstant() {
        return toInstant(sourceTime);
    }

    /** {@link #receiveTime()} as an instant. */
    public Instant receiveInstant() {
        return toInstant(receiveTime);
    }

    /** Microseconds since the epoch to an instant. */
    public static Instant toInstant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }

    /** The current time in microseconds since the epoch. */
    public static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }
}
