package org.vmsseaman.historian.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vmsseaman.historian.internal.Fixture.T0;
import static org.vmsseaman.historian.internal.Fixture.tag;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vmsseaman.api.historian.Sample;
import org.vmsseaman.api.tag.DataType;
import org.vmsseaman.api.tag.HistorianPolicy;
import org.vmsseaman.api.tag.Quality;
import org.vmsseaman.api.tag.TagValue;

/**
 * Queries answer the same before compaction, after it (rollups, sorted chunks, merged days) and with samples
 * arriving late for compacted time, all checked against values computed here from what was published. The
 * values are multiples of 1/8, so sums are exact and averages must match to the bit.
 */
class CompactionTest {

    private static final long SECOND = 1_000_000L;
    private static final long MINUTE = 60 * SECOND;
    private static final long HOUR = 60 * MINUTE;
    private static final long FROM = T0 - 2 * HOUR; // the data crosses two day boundaries
    private static final long TO = T0 + 26 * HOUR;
    private static final String[] DOUBLES = {"c.a", "c.b", "c.c"};
    private static final String BOOL = "c.run";
    private static final long[] STEPS = {7 * SECOND, MINUTE, 90 * SECOND, 10 * MINUTE, HOUR, 3 * HOUR, 24 * HOUR};

    @TempDir
    Path dir;

    private final Map<String, Expected> expected = new HashMap<>();
    private final Random random = new Random(7);

    @Test
    void queriesAnswerTheSameBeforeAndAfterCompactionAndWithLateSamples() throws Exception {
        HistorianPolicy everyChange = new HistorianPolicy(true, 0.0, Duration.ofDays(1));
        try (Fixture f = new Fixture(
                dir.resolve("historian.duckdb"),
                50,
                tag(DOUBLES[0], DataType.DOUBLE, everyChange),
                tag(DOUBLES[1], DataType.DOUBLE, everyChange),
                tag(DOUBLES[2], DataType.DOUBLE, everyChange),
                tag(BOOL, DataType.BOOLEAN, everyChange))) {
            f.publish(generate());
            f.awaitIdle();
            checkAll(f, "in arrival order");

            f.historian.runMaintenance();
            assertThat(count(f, "samples")).isZero();
            assertThat(count(f, "samples_day")).isPositive(); // the two closed days
            assertThat(count(f, "samples_chunk")).isPositive(); // the day that has only two hours
            assertThat(f.historian.stats().compactedUntil()).isEqualTo(TO);
            checkAll(f, "compacted");

            // late samples for a merged day, a compacted chunk and a minute that has none yet
            List<TagValue> late = new ArrayList<>();
            late.add(late(DOUBLES[0], FROM + 3 * HOUR + 17 * SECOND, 1001.125));
            late.add(late(DOUBLES[0], T0 + 25 * HOUR + 59 * SECOND + 999_999, 1002.5));
            late.add(late(DOUBLES[1], T0 + 5 * HOUR + 30 * MINUTE + 1, -3.75));
            late.add(late(DOUBLES[1], T0 + 5 * HOUR + 30 * MINUTE + 2, -4.0));
            late.sort(Comparator.comparingLong(TagValue::sourceTime));
            f.publish(late);
            f.awaitIdle();
            assertThat(count(f, "samples")).isEqualTo(late.size());
            checkAll(f, "with late samples not compacted yet");

            f.historian.runMaintenance();
            assertThat(count(f, "samples")).isZero();
            checkAll(f, "with late samples compacted");
            assertThat(f.historian.stats().totalSamples())
                    .isEqualTo(expected.values().stream()
                            .mapToLong(
                                    e -> e.raw(Long.MIN_VALUE, Long.MAX_VALUE).size())
                            .sum());

            f.restart();
            checkAll(f, "after a restart");
        }
    }

    /** Every tag sampled at random intervals of 1-90 s over {@code [FROM, TO)}, in time order. */
    private List<TagValue> generate() {
        List<TagValue> all = new ArrayList<>();
        for (String id : DOUBLES) {
            Expected e = expected.computeIfAbsent(id, k -> new Expected());
            // no value yet: BAD without a value, stored because it is the first sample
            all.add(new TagValue(id, null, Quality.BAD_NOT_CONNECTED, FROM, FROM, null));
            e.add(new Sample(FROM, null, null, Quality.BAD_NOT_CONNECTED));
            double last = Double.NaN;
            for (long t = FROM + 1 + random.nextInt(90) * SECOND; t < TO; t += (1 + random.nextInt(90)) * SECOND) {
                t += random.nextInt(1000); // not on whole seconds
                double v = random.nextInt(800) / 8.0;
                if (v == last) {
                    v += 0.125; // every sample a change, so the policy stores all
                }
                last = v;
                Quality q = random.nextInt(10) == 0 ? Quality.UNCERTAIN_SUBSTITUTED : Quality.GOOD;
                all.add(new TagValue(id, v, q, t, t, null));
                e.add(new Sample(t, v, null, q));
            }
        }
        Expected run = expected.computeIfAbsent(BOOL, k -> new Expected());
        boolean on = false;
        for (long t = FROM + 5 * SECOND; t < TO; t += (1 + random.nextInt(600)) * SECOND) {
            on = !on;
            Quality q = random.nextInt(5) == 0 ? Quality.BAD_STALE : Quality.GOOD;
            all.add(new TagValue(BOOL, on, q, t, t, null));
            run.add(new Sample(t, null, on, q));
        }
        all.sort(Comparator.comparingLong(TagValue::sourceTime));
        return all;
    }

    private TagValue late(String id, long time, double value) {
        expected.get(id).add(new Sample(time, value, null, Quality.GOOD));
        return new TagValue(id, value, Quality.GOOD, time, time, null);
    }

    private void checkAll(Fixture f, String when) {
        long[][] ranges = {
            {FROM, TO}, {T0 + 37 * SECOND + 500_000, T0 + 20 * HOUR + 13 * SECOND}, {Long.MIN_VALUE, Long.MAX_VALUE}
        };
        for (String id : expected.keySet()) {
            Expected e = expected.get(id);
            assertThat(f.all(id)).as("%s: raw %s", when, id).isEqualTo(e.raw(Long.MIN_VALUE, Long.MAX_VALUE));
            assertThat(f.historian.raw(id, at(T0), at(T0 + HOUR), 1_000_000, true))
                    .as("%s: raw newest first %s", when, id)
                    .isEqualTo(reversed(e.raw(T0, T0 + HOUR)));
            for (long[] r : ranges) {
                for (long step : STEPS) {
                    assertThat(f.historian.aggregate(id, at(r[0]), at(r[1]), Duration.ofNanos(step * 1000)))
                            .as("%s: aggregate %s over [%d, %d) by %d µs", when, id, r[0], r[1], step)
                            .isEqualTo(e.buckets(r[0], r[1], step));
                }
            }
            for (long t : new long[] {FROM - 1, FROM, T0, T0 + 5 * HOUR + 30 * MINUTE + 1, TO, TO + HOUR}) {
                assertThat(f.historian.valueAt(id, at(t)))
                        .as("%s: valueAt %s %d", when, id, t)
                        .isEqualTo(e.valueAt(t));
            }
        }
    }

    private static List<Sample> reversed(List<Sample> samples) {
        List<Sample> copy = new ArrayList<>(samples);
        java.util.Collections.reverse(copy);
        return copy;
    }

    private static java.time.Instant at(long micros) {
        if (micros == Long.MIN_VALUE) {
            return java.time.Instant.MIN;
        }
        return micros == Long.MAX_VALUE ? java.time.Instant.MAX : TagValue.toInstant(micros);
    }

    static long count(Fixture f, String table) throws Exception {
        try (Connection c = f.historian.database().connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
