package org.vmsseaman.historian.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.vmsseaman.historian.internal.Fixture.T0;
import static org.vmsseaman.historian.internal.Fixture.tag;
import static org.vmsseaman.historian.internal.Fixture.value;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vmsseaman.api.historian.Bucket;
import org.vmsseaman.api.tag.DataType;
import org.vmsseaman.api.tag.HistorianPolicy;
import org.vmsseaman.api.tag.Quality;
import org.vmsseaman.api.tag.TagValue;

class AggregateTest {

    private static final long SECOND = 1_000_000L;
    private static final long MINUTE = 60 * SECOND;

    @TempDir
    Path dir;

    @Test
    void oneMinuteBucketsMatchAPlainJavaComputation() {
        HistorianPolicy everySample = new HistorianPolicy(true, 0.0, Duration.ofHours(1));
        try (Fixture f =
                new Fixture(dir.resolve("historian.duckdb"), 50, tag("me.temp", DataType.DOUBLE, everySample))) {
            // 600 distinct values, one per second over 10 minutes; every 7th UNCERTAIN
            Random random = new Random(42);
            long[] times = new long[600];
            double[] values = new double[600];
            boolean[] good = new boolean[600];
            List<TagValue> batch = new ArrayList<>();
            for (int i = 0; i < 600; i++) {
                times[i] = T0 + i * SECOND + 1234;
                values[i] = 70 + random.nextDouble() * 10 + i * 1e-6; // never equal: all stored
                good[i] = i % 7 != 0;
                batch.add(
                        value("me.temp", values[i], good[i] ? Quality.GOOD : Quality.UNCERTAIN_SUBSTITUTED, times[i]));
            }
            f.publish(batch);
            f.awaitIdle();

            List<Bucket> buckets = f.historian.aggregate(
                    "me.temp", TagValue.toInstant(T0), TagValue.toInstant(T0 + 10 * MINUTE), Duration.ofMinutes(1));

            assertThat(buckets).hasSize(10);
            for (int m = 0; m < 10; m++) {
                Bucket b = buckets.get(m);
                int from = m * 60;
                int to = from + 60;
                double sum = 0;
                double min = Double.MAX_VALUE;
                double max = -Double.MAX_VALUE;
                int goodCount = 0;
                for (int i = from; i < to; i++) {
                    sum += values[i];
                    min = Math.min(min, values[i]);
                    max = Math.max(max, values[i]);
                    goodCount += good[i] ? 1 : 0;
                }
                assertThat(b.start()).isEqualTo(T0 + m * MINUTE);
                assertThat(b.end()).isEqualTo(T0 + (m + 1) * MINUTE);
                assertThat(b.count()).isEqualTo(60);
                assertThat(b.avg()).isCloseTo(sum / 60, within(1e-9));
                assertThat(b.min()).isEqualTo(min);
                assertThat(b.max()).isEqualTo(max);
                assertThat(b.first()).isEqualTo(values[from]);
                assertThat(b.last()).isEqualTo(values[to - 1]);
                assertThat(b.goodShare()).isCloseTo(goodCount / 60.0, within(1e-12));
            }
        }
    }

    @Test
    void bucketsAreAlignedToTheEpochEmptyOnesAreLeftOutAndBooleansCountAsOneAndZero() {
        HistorianPolicy everySample = new HistorianPolicy(true, 0.0, Duration.ofHours(1));
        try (Fixture f =
                new Fixture(dir.resolve("historian.duckdb"), 50, tag("me.run", DataType.BOOLEAN, everySample))) {
            f.publish(
                    value("me.run", true, T0 + 10 * SECOND),
                    value("me.run", false, T0 + 20 * SECOND),
                    value("me.run", true, T0 + 30 * SECOND),
                    value("me.run", false, T0 + 3 * MINUTE + 5 * SECOND));
            f.awaitIdle();

            // a range starting mid-bucket still yields buckets aligned to whole minutes
            List<Bucket> buckets = f.historian.aggregate(
                    "me.run",
                    TagValue.toInstant(T0 + 5 * SECOND),
                    TagValue.toInstant(T0 + 10 * MINUTE),
                    Duration.ofMinutes(1));

            assertThat(buckets)
                    .containsExactly(
                            new Bucket(T0, T0 + MINUTE, 3, 2.0 / 3, 0.0, 1.0, 1.0, 1.0, 1.0),
                            new Bucket(T0 + 3 * MINUTE, T0 + 4 * MINUTE, 1, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0));
        }
    }
}
