package org.vmsseaman.historian.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vmsseaman.historian.internal.Fixture.T0;
import static org.vmsseaman.historian.internal.Fixture.tag;
import static org.vmsseaman.historian.internal.Fixture.value;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vmsseaman.api.tag.DataType;
import org.vmsseaman.api.tag.TagValue;

/** After a full round (the writer was behind) the next samples are committed at once, not at the next deadline. */
class BacklogCatchUpTest {

    private static final long INTERVAL_MILLIS = 20_000;
    private static final int CAPACITY = 4_000; // a round starts early at a quarter of it: 1,000 samples

    @TempDir
    Path dir;

    @Test
    void samplesArrivingAfterAFullRoundAreCommittedWithoutWaitingForTheInterval() throws Exception {
        HistorianSettings settings = new HistorianSettings(INTERVAL_MILLIS, CAPACITY);
        try (Fixture f = new Fixture(dir.resolve("historian.duckdb"), settings, tag("a.one", DataType.DOUBLE))) {
            f.publish(values(0, 3_000)); // more than a quarter of the buffer: a full round at once
            f.awaitStored(3_000, Duration.ofSeconds(10));

            long start = System.nanoTime();
            f.publish(values(3_000, 900)); // below the early-start size: used to wait for the 20 s interval
            f.awaitStored(3_900, Duration.ofSeconds(5));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));

            f.publish(values(3_900, 10)); // after that short round the writer waits for the interval again
            Thread.sleep(1_000);
            assertThat(f.historian.stats().stored()).isEqualTo(3_900);
            assertThat(f.historian.stats().backlog()).isEqualTo(10);
        }
    }

    private static List<TagValue> values(int from, int n) {
        List<TagValue> result = new ArrayList<>(n);
        for (int i = from; i < from + n; i++) {
            result.add(value("a.one", (double) i, T0 + i));
        }
        return result;
    }
}
