package org.vmsseaman.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.vmsseaman.api.tag.TagValue;

/** The cached ISO-8601 formatting writes exactly what {@code Instant.toString()} writes. */
class IsoTimeTest {

    private static void same(long micros) {
        assertThat(IsoTime.text(micros))
                .as("%d µs", micros)
                .isEqualTo(TagValue.toInstant(micros).toString());
    }

    @Test
    void everyFractionShapeAndSecondBoundaryAsInstantWritesIt() {
        long base = 1_795_000_000_000_000L; // 2026-11
        for (long m : new long[] {0, 1, 999, 1_000, 999_000, 999_999, 1_000_000, 59_999_999, 60_000_000}) {
            same(base + m);
            same(base - m);
            same(m);
            same(-m);
        }
        same(base + 3_600_000_000L * 24);
    }

    @Test
    void randomTimesFromYearZeroToBeyond9999IncludingNegativeOnes() {
        SplittableRandom r = new SplittableRandom(7);
        long span = 400_000_000_000_000_000L; // about ±12,700 years around 1970
        for (int i = 0; i < 200_000; i++) {
            long m = r.nextLong(-span, span);
            switch (i % 3) {
                case 0 -> m -= Math.floorMod(m, 1_000_000L); // whole seconds
                case 1 -> m -= Math.floorMod(m, 1_000L); // milliseconds
                default -> {}
            }
            same(m);
        }
        for (int i = 0; i < 100_000; i++) { // runs within one second and across the next, as the stream has them
            same(1_795_000_000_000_000L + r.nextLong(2_000_000L));
        }
    }
}
