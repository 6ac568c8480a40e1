package org.vmsseaman.alarm.internal;

import java.time.Instant;
import org.vmsseaman.api.tag.TagValue;

/** Microseconds since the epoch, the engine's time unit. */
final class TimeUtil {

    private TimeUtil() {}

    static long micros(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000L);
    }

    static Instant instant(long micros) {
        return TagValue.toInstant(micros);
    }
}
