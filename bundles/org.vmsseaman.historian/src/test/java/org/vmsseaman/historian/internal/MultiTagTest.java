package org.vmsseaman.historian.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vmsseaman.historian.internal.Fixture.T0;
import static org.vmsseaman.historian.internal.ThreeTags.A;
import static org.vmsseaman.historian.internal.ThreeTags.ALL;
import static org.vmsseaman.historian.internal.ThreeTags.B;
import static org.vmsseaman.historian.internal.ThreeTags.FROM;
import static org.vmsseaman.historian.internal.ThreeTags.HOUR;
import static org.vmsseaman.historian.internal.ThreeTags.MINUTE;
import static org.vmsseaman.historian.internal.ThreeTags.RUN;
import static org.vmsseaman.historian.internal.ThreeTags.SECOND;
import static org.vmsseaman.historian.internal.ThreeTags.SILENT;
import static org.vmsseaman.historian.internal.ThreeTags.TO;
import static org.vmsseaman.historian.internal.ThreeTags.at;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vmsseaman.api.historian.Bucket;
import org.vmsseaman.api.historian.Sample;
import org.vmsseaman.api.tag.Quality;
import org.vmsseaman.api.tag.TagValue;

/** Queries of several tags at once answer, per tag, exactly what the single-tag queries answer. */
class MultiTagTest {

    private static final long[][] RANGES = {{FROM, TO}, {T0 + 37 * SECOND + 500_000, T0 + HOUR + 13 * SECOND}};
    private static final long[] STEPS = {7 * SECOND, MINUTE, 10 * MINUTE, HOUR};
    private static final List<String> REQUEST = List.of(RUN, "no.such", A, SILENT, B, A);

    @TempDir
    Path dir;

    @Test
    void severalTagsAnswerLikeOneTagAtATimeBeforeAndAfterCompactionAndWithLateSamples() {
        try (Fixture f = ThreeTags.record(dir.resolve("historian.duckdb"))) {
            checkAll(f, "in arrival order");
            f.historian.runMaintenance();
            assertThat(f.historian.stats().compactedUntil()).isEqualTo(TO);
            checkAll(f, "compacted");

            long late = T0 + 30 * MINUTE + 1;
            f.publish(new TagValue(B, 1234.5, Quality.GOOD, late, late, null));
            f.awaitIdle();
            assertThat(f.historian.raw(B, at(late), at(late + 1), 10, false)).hasSize(1);
            checkAll(f, "with a late sample");
        }
    }

    @Test
    void theResultHasEveryDistinctRequestedTagInRequestOrder() {
        try (Fixture f = ThreeTags.record(dir.resolve("historian.duckdb"))) {
            Map<String, List<Sample>> raw = f.historian.raw(REQUEST, at(FROM), at(TO), 3, false);
            Map<String, List<Bucket>> buckets = f.historian.aggregate(REQUEST, at(FROM), at(TO), Duration.ofHours(1));

            List<String> distinct = List.of(RUN, "no.such", A, SILENT, B);
            assertThat(raw.keySet()).containsExactlyElementsOf(distinct);
            assertThat(buckets.keySet()).containsExactlyElementsOf(distinct);
            assertThat(raw.get("no.such")).isEmpty();
            assertThat(raw.get(SILENT)).isEmpty();
            assertThat(raw.get(A))
                    .hasSize(3)
                    .first()
                    .extracting(Sample::quality)
                    .isEqualTo(Quality.BAD_NOT_CONNECTED);
            assertThat(buckets.get(B)).hasSize(3);
            assertThat(f.historian.raw(List.of(), at(FROM), at(TO), 3, false)).isEmpty();
        }
    }

    @Test
    void invalidArgumentsAreRefusedLikeTheSingleTagCalls() {
        try (Fixture f = ThreeTags.record(dir.resolve("historian.duckdb"))) {
            List<String> withNull = new ArrayList<>(List.of(A));
            withNull.add(null);
            assertThatThrownBy(() -> f.historian.raw((List<String>) null, at(FROM), at(TO), 10, false))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("tagIds");
            assertThatThrownBy(() -> f.historian.raw(withNull, at(FROM), at(TO), 10, false))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("tagIds");
            assertThatThrownBy(() -> f.historian.raw(ALL, at(FROM), at(TO), 0, false))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("limit");
            assertThatThrownBy(() -> f.historian.raw(ALL, at(TO), at(FROM), 10, false))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("is after until");
            assertThatThrownBy(() -> f.historian.aggregate(ALL, at(FROM), at(TO), Duration.ZERO))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("interval");
        }
    }

    private static void checkAll(Fixture f, String when) {
        for (long[] r : RANGES) {
            for (boolean newestFirst : new boolean[] {false, true}) {
                for (int limit : new int[] {1, 17, 1_000_000}) {
                    Map<String, List<Sample>> all = f.historian.raw(ALL, at(r[0]), at(r[1]), limit, newestFirst);
                    for (String id : ALL) {
                        assertThat(all.get(id))
                                .as(
                                        "%s: raw %s [%d, %d) limit %d newest first %b",
                                        when, id, r[0], r[1], limit, newestFirst)
                                .isEqualTo(f.historian.raw(id, at(r[0]), at(r[1]), limit, newestFirst));
                    }
                }
            }
            for (long step : STEPS) {
                Duration interval = Duration.ofNanos(step * 1000);
                Map<String, List<Bucket>> all = f.historian.aggregate(ALL, at(r[0]), at(r[1]), interval);
                for (String id : ALL) {
                    assertThat(all.get(id))
                            .as("%s: aggregate %s [%d, %d) by %d µs", when, id, r[0], r[1], step)
                            .isEqualTo(f.historian.aggregate(id, at(r[0]), at(r[1]), interval));
                }
            }
        }
        assertThat(f.historian.raw(A, at(FROM), at(TO), 1_000_000, false)).hasSizeGreaterThan(300);
    }
}
