package org.vmsseaman.rest.internal;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.vmsseaman.api.tag.TagValue;

/**
 * Microsecond timestamps as ISO-8601 UTC text, exactly as {@link java.time.Instant#toString()} writes
 * them ({@code 2026-11-22T04:58:01.123456Z}: no fraction, or 3 or 6 digits), but with the date and time of
 * day formatted once per second: the realtime stream writes two timestamps per value, 100,000 values a
 * second. Thread-safe.
 */
final class IsoTime {

    /** The last second formatted, {@code yyyy-MM-ddTHH:mm:ss}. */
    private record Second(long epochSecond, String text) {}

    private static final long MIN_SECOND = LocalDateTime.of(0, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
    private static final long MAX_SECOND =
            LocalDateTime.of(9999, 12, 31, 23, 59, 59).toEpochSecond(ZoneOffset.UTC);

    private static volatile Second last = new Second(0, "1970-01-01T00:00:00");

    private IsoTime() {}

    /** {@code micros} since the epoch as {@code Instant.toString()} would write it. */
    static String text(long micros) {
        long second = Math.floorDiv(micros, 1_000_000L);
        int fraction = (int) Math.floorMod(micros, 1_000_000L);
        if (second < MIN_SECOND || second > MAX_SECOND) {
            return TagValue.toInstant(micros).toString(); // signed years: left to java.time
        }
        Second s = last;
        if (s.epochSecond != second) {
            String t = LocalDateTime.ofEpochSecond(second, 0, ZoneOffset.UTC).toString();
            s = new Second(second, t.length() == 16 ? t + ":00" : t); // LocalDateTime omits ":00" seconds
            last = s;
        }
        StringBuilder b = new StringBuilder(28).append(s.text);
        if (fraction != 0) {
            b.append('.');
            if (fraction % 1000 == 0) {
                digits(b, fraction / 1000, 3);
            } else {
                digits(b, fraction, 6);
            }
        }
        return b.append('Z').toString();
    }

    private static void digits(StringBuilder b, int value, int count) {
        for (int div = count == 3 ? 100 : 100_000; div > 0; div /= 10) {
            b.append((char) ('0' + value / div % 10));
        }
    }
}
