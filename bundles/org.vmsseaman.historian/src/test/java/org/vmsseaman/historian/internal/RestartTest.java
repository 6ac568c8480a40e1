package org.vmsseaman.historian.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vmsseaman.historian.internal.Fixture.T0;
import static org.vmsseaman.historian.internal.Fixture.tag;
import static org.vmsseaman.historian.internal.Fixture.value;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vmsseaman.api.tag.DataType;
import org.vmsseaman.api.tag.TagValue;

class RestartTest {

    @TempDir
    Path dir;

    @Test
    void committedDataSurvivesARestartAndNewTagsGetNewKeys() {
        try (Fixture f = new Fixture(
                dir.resolve("data/historian.duckdb"),
                50,
                tag("a.one", DataType.DOUBLE),
                tag("a.two", DataType.DOUBLE))) {
            f.publish(value("a.one", 1.0, T0));
            f.awaitIdle();

            f.restart();

            assertThat(f.values("a.one")).containsExactly(1.0);
            f.publish(value("a.one", 2.0, T0 + 1), value("a.two", 20.0, T0 + 1));
            f.awaitIdle();
            assertThat(f.values("a.one")).containsExactly(1.0, 2.0);
            assertThat(f.values("a.two")).containsExactly(20.0);
        }
    }

    @Test
    void aCleanStopCommitsEverythingPending() {
        Path file = dir.resolve("historian.duckdb");
        List<TagValue> batch = new ArrayList<>();
        // below a quarter of the buffer capacity (100,000), which would wake the writer early
        for (int i = 0; i < 20_000; i++) {
            batch.add(value("a.one", (double) i, T0 + i));
        }
        // a commit interval far longer than the test: only the stop can commit
        try (Fixture f = new Fixture(file, 600_000, tag("a.one", DataType.DOUBLE))) {
            f.publish(batch);
            Fixture.await(() -> f.historian.stats().received() == batch.size(), java.time.Duration.ofSeconds(10));
            assertThat(f.historian.stats().stored()).isZero();

            f.restart();

            assertThat(f.all("a.one")).hasSize(batch.size());
            assertThat(f.historian.stats().totalSamples()).isEqualTo(batch.size());
        }
    }
}
