package org.vmsseaman.historian.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vmsseaman.historian.internal.Fixture.T0;
import static org.vmsseaman.historian.internal.Fixture.tag;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vmsseaman.api.historian.HistorianStats;
import org.vmsseaman.api.historian.Sample;
import org.vmsseaman.api.tag.DataType;
import org.vmsseaman.api.tag.HistorianPolicy;
import org.vmsseaman.api.tag.Quality;
import org.vmsseaman.api.tag.TagDefinition;
import org.vmsseaman.api.tag.TagValue;

/** Raw and rollup retention and the disk budget, on real files; the data is from 2025, long past. */
class RetentionTest {

    private static final long SECOND = 1_000_000L;
    private static final long MINUTE = 60 * SECOND;
    private static final long HOUR = 60 * MINUTE;
    private static final long DAY = 24 * HOUR;
    private static final HistorianPolicy EVERY_CHANGE = new HistorianPolicy(true, 0.0, Duration.ofDays(1));

    @TempDir
    Path dir;

    @Test
    void rawSamplesPastTheirRetentionGoButTheirRollupsStay() {
        HistorianSettings settings = new HistorianSettings(50, 100_000).withRetention(1, 0, 0);
        Expected expected = new Expected();
        try (Fixture f = new Fixture(dir.resolve("historian.duckdb"), settings, definitions(1))) {
            f.publish(generate(1, T0, T0 + 2 * HOUR, 10 * SECOND, expected));
            f.awaitIdle();

            f.historian.runMaintenance();

            assertThat(f.all("r.t0")).isEmpty();
            HistorianStats stats = f.historian.stats();
            assertThat(stats.totalSamples()).isZero();
            assertThat(stats.oldestSample()).isZero();
            for (Duration step : List.of(Duration.ofMinutes(1), Duration.ofMinutes(15), Duration.ofHours(1))) {
                long micros = step.toSeconds() * SECOND;
                assertThat(f.historian.aggregate("r.t0", at(T0), at(T0 + 2 * HOUR), step))
                        .as("rollups by %s", step)
                        .isEqualTo(expected.buckets(T0, T0 + 2 * HOUR, micros));
            }
            // an interval that is not whole minutes needs the raw samples, which are gone
            assertThat(f.historian.aggregate("r.t0", at(T0), at(T0 + 2 * HOUR), Duration.ofSeconds(30)))
                    .isEmpty();
        }
    }

    @Test
    void rollupsPastTheirRetentionGoToo() {
        HistorianSettings settings = new HistorianSettings(50, 100_000).withRetention(1, 2, 0);
        try (Fixture f = new Fixture(dir.resolve("historian.duckdb"), settings, definitions(1))) {
            f.publish(generate(1, T0, T0 + HOUR, 10 * SECOND, new Expected()));
            f.awaitIdle();

            f.historian.runMaintenance();

            assertThat(f.historian.aggregate("r.t0", at(T0), at(T0 + HOUR), Duration.ofMinutes(1)))
                    .isEmpty();
            assertThat(f.historian.aggregate("r.t0", at(T0), at(T0 + HOUR), Duration.ofHours(1)))
                    .isEmpty();
        }
    }

    @Test
    void overTheDiskBudgetTheOldestRawDayGoesFirstAndTheStatisticsSaySo() throws Exception {
        Path file = dir.resolve("historian.duckdb");
        int tags = 10;
        Expected first = new Expected();
        long used;
        long total;
        try (Fixture f = new Fixture(file, new HistorianSettings(50, 1_000_000), definitions(tags))) {
            for (int d = 0; d < 3; d++) {
                f.publish(
                        generate(tags, T0 + d * DAY, T0 + (d + 1) * DAY, 4 * SECOND, d == 0 ? first : new Expected()));
                f.awaitIdle();
            }
            f.historian.runMaintenance();
            try (Connection c = f.historian.database().connect()) {
                c.createStatement().execute("CHECKPOINT");
                used = f.historian.database().usedBytes(c);
            }
            total = f.historian.stats().totalSamples();
            assertThat(f.historian.stats().lastEvictionTime()).isZero();
        }

        HistorianSettings budget = new HistorianSettings(50, 100_000).withRetention(0, 0, used * 4 / 5);
        try (Fixture f = new Fixture(file, budget, definitions(tags))) {
            long before = TagValue.nowMicros();
            f.historian.runMaintenance();

            HistorianStats stats = f.historian.stats();
            assertThat(stats.lastEvictionTime()).isGreaterThanOrEqualTo(before);
            assertThat(stats.evictedFrom()).isEqualTo(T0);
            // whole days, oldest first; how many depends on how much space DuckDB frees per day
            long until = stats.evictedUntil();
            assertThat(until).isGreaterThanOrEqualTo(T0 + DAY);
            assertThat((until - T0) % DAY).isZero();
            long daysLeft = (T0 + 3 * DAY - until) / DAY;
            List<Sample> day1 = f.historian.raw("r.t0", at(T0), at(until), 10, false);
            assertThat(day1).isEmpty();
            assertThat(f.historian.raw("r.t0", at(until), at(T0 + 3 * DAY), 1_000_000, false))
                    .hasSize((int) (daysLeft * DAY / (4 * SECOND)));
            assertThat(stats.totalSamples()).isEqualTo(total * daysLeft / 3);
            assertThat(stats.oldestSample()).isEqualTo(daysLeft == 0 ? 0 : until);
            // the rollups of the removed day are kept
            assertThat(f.historian.aggregate("r.t0", at(T0), at(T0 + DAY), Duration.ofHours(1)))
                    .isEqualTo(first.buckets(T0, T0 + DAY, HOUR));
            try (Connection c = f.historian.database().connect()) {
                System.out.printf(
                        "Disk budget %d B (4/5 of %d B in use): removed %d of 3 days, now %d B in use%n",
                        used * 4 / 5, used, 3 - daysLeft, f.historian.database().usedBytes(c));
            }
        }
    }

    private static TagDefinition[] definitions(int n) {
        TagDefinition[] defs = new TagDefinition[n];
        for (int i = 0; i < n; i++) {
            defs[i] = tag("r.t" + i, DataType.DOUBLE, EVERY_CHANGE);
        }
        return defs;
    }

    /** Every tag one sample per {@code every} over {@code [from, to)}, values multiples of 1/8; tag 0 recorded. */
    private static List<TagValue> generate(int tags, long from, long to, long every, Expected tag0) {
        Random random = new Random(from);
        List<TagValue> values = new ArrayList<>();
        double[] last = new double[tags];
        for (long t = from; t < to; t += every) {
            for (int i = 0; i < tags; i++) {
                double v = random.nextInt(100_000) / 8.0;
                if (v == last[i]) {
                    v += 0.125;
                }
                last[i] = v;
                values.add(new TagValue("r.t" + i, v, Quality.GOOD, t + i, t + i, null));
                if (i == 0) {
                    tag0.add(new Sample(t, v, null, Quality.GOOD));
                }
            }
        }
        return values;
    }

    private static Instant at(long micros) {
        return TagValue.toInstant(micros);
    }
}
