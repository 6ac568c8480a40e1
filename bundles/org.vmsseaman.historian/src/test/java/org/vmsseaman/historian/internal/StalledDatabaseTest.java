package org.vmsseaman.historian.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vmsseaman.historian.internal.Fixture.T0;
import static org.vmsseaman.historian.internal.Fixture.tag;
import static org.vmsseaman.historian.internal.Fixture.value;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vmsseaman.api.tag.DataType;

class StalledDatabaseTest {

    @TempDir
    Path dir;

    @Test
    void failingCommitsKeepTheSamplesAndRetryUntilTheDatabaseAcceptsThem() throws Exception {
        try (Fixture f = new Fixture(dir.resolve("historian.duckdb"), 50, tag("a.one", DataType.DOUBLE))) {
            f.publish(value("a.one", 1.0, T0));
            f.awaitIdle();

            try (Connection c = f.historian.database().connect();
                    Statement st = c.createStatement()) {
                st.execute("ALTER TABLE samples RENAME TO samples_away"); // every append now fails
                f.publish(value("a.one", 2.0, T0 + 1), value("a.one", 3.0, T0 + 2));
                f.publish(value("a.one", 4.0, T0 + 3));
                Fixture.await(() -> f.historian.writer().failedCommits() >= 2, Duration.ofSeconds(10));
                assertThat(f.historian.stats().backlog()).isEqualTo(3);
                assertThat(f.historian.stats().stored()).isEqualTo(1);

                st.execute("ALTER TABLE samples_away RENAME TO samples");
            }
            f.awaitStored(4, Duration.ofSeconds(10));

            assertThat(f.values("a.one")).containsExactly(1.0, 2.0, 3.0, 4.0);
            assertThat(f.historian.stats().backlog()).isZero();
        }
    }
}
