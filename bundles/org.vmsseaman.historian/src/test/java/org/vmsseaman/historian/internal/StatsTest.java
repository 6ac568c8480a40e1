package org.vmsseaman.historian.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vmsseaman.historian.internal.Fixture.T0;
import static org.vmsseaman.historian.internal.Fixture.tag;
import static org.vmsseaman.historian.internal.Fixture.value;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vmsseaman.api.historian.HistorianStats;
import org.vmsseaman.api.tag.DataType;
import org.vmsseaman.api.tag.TagValue;

class StatsTest {

    @TempDir
    Path dir;

    @Test
    void countersFollowWhatWasReceivedStoredAndLost() {
        try (Fixture f = new Fixture(dir.resolve("historian.duckdb"), 50, tag("a.one", DataType.DOUBLE))) {
            HistorianStats before = f.historian.stats();
            assertThat(before.received()).isZero();
            assertThat(before.stored()).isZero();
            assertThat(before.totalSamples()).isZero();
            assertThat(before.oldestSample()).isZero();
            assertThat(before.lastCommitTime()).isZero();

            long started = TagValue.nowMicros();
            f.publish(value("a.one", 1.0, T0 + 5), value("a.one", 1.0, T0 + 6), value("a.one", 2.0, T0 + 7));
            f.awaitIdle();

            HistorianStats after = f.historian.stats();
            assertThat(after.received()).isEqualTo(3);
            assertThat(after.stored()).isEqualTo(2); // the repeated 1.0 is not a change
            assertThat(after.backlog()).isZero();
            assertThat(after.lost()).isZero();
            assertThat(after.totalSamples()).isEqualTo(2);
            assertThat(after.oldestSample()).isEqualTo(T0 + 5);
            assertThat(after.lastCommitTime()).isGreaterThanOrEqualTo(started);
            assertThat(after.lastCommitMillis()).isNotNegative();
            assertThat(after.fileBytes()).isPositive();

            f.historian.recorder().onGap(17); // what the tag store calls when its buffer overflowed
            assertThat(f.historian.stats().lost()).isEqualTo(17);
        }
    }
}
