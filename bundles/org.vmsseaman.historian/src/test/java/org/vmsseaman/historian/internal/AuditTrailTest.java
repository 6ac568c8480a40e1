package org.vmsseaman.historian.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vmsseaman.api.security.AuditEntry;
import org.vmsseaman.api.security.AuditEntry.Outcome;

class AuditTrailTest {

    private static final Instant T = Instant.parse("2026-11-22T00:00:00Z");
    private static final int N = 5_000;

    @TempDir
    Path dir;

    private static AuditEntry entry(int i) {
        return new AuditEntry(
                T.plusMillis(i),
                "user" + (i % 7),
                i % 2 == 0 ? "alarm.ack" : "login",
                i % 3 == 0 ? null : "alarm-" + i,
                Outcome.values()[i % 3],
                i % 5 == 0 ? null : "detail " + i,
                i % 4 == 0 ? null : "10.0.0." + (i % 250));
    }

    @Test
    void entriesAreReadBackByRangeAndLimitAndSurviveARestart() {
        Path file = dir.resolve("data/historian.duckdb");
        try (Fixture f = new Fixture(file, 50)) {
            // appended newest first: the answer is still oldest first
            for (int i = N - 1; i >= 0; i--) {
                f.historian.append(entry(i));
            }
            List<AuditEntry> all = f.historian.read(Fixture.ALL_FROM, Fixture.ALL_TO, 1_000_000);
            assertThat(all).hasSize(N);
            for (int i = 0; i < N; i++) {
                assertThat(all.get(i)).isEqualTo(entry(i));
            }
            // since inclusive, until exclusive, limit from the oldest
            assertThat(f.historian.read(T.plusMillis(100), T.plusMillis(200), 1_000))
                    .containsExactlyElementsOf(all.subList(100, 200));
            assertThat(f.historian.read(T.plusMillis(100), T.plusMillis(200), 10))
                    .containsExactlyElementsOf(all.subList(100, 110));
            assertThat(f.historian.read(T.minusSeconds(60), T, 10)).isEmpty();
            assertThatThrownBy(() -> f.historian.read(T, T.minusSeconds(1), 10))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> f.historian.read(T, T.plusSeconds(1), 0))
                    .isInstanceOf(IllegalArgumentException.class);

            f.restart();

            assertThat(f.historian.read(Fixture.ALL_FROM, Fixture.ALL_TO, 1_000_000))
                    .containsExactlyElementsOf(all);
            // entries of the same time stay in the order appended, across the restart
            AuditEntry later = new AuditEntry(T, "admin", "user.create", "bob", Outcome.SUCCESS, null, null);
            f.historian.append(later);
            assertThat(f.historian.read(T, T.plusMillis(1), 10)).containsExactly(entry(0), later);
        }
    }

    @Test
    void entriesQueuedAtTheStopAreCommittedAndAppendAfterCloseThrows() throws Exception {
        Path file = dir.resolve("historian.duckdb");
        try (Fixture f = new Fixture(file, 50)) {
            for (int i = 0; i < N; i++) {
                f.historian.append(entry(i));
            }
            HistorianImpl stopped = f.historian;
            f.restart(); // no read before: the stop itself commits the queue
            assertThat(f.historian.read(Fixture.ALL_FROM, Fixture.ALL_TO, 1_000_000))
                    .hasSize(N);
            assertThatThrownBy(() -> stopped.append(entry(0))).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> stopped.read(Fixture.ALL_FROM, Fixture.ALL_TO, 1))
                    .isInstanceOf(IllegalStateException.class);
            try (var conn = f.historian.database().connect();
                    Statement st = conn.createStatement();
                    ResultSet rs = st.executeQuery("SELECT count(*), count(DISTINCT seq), min(seq) FROM audit")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(N);
                assertThat(rs.getLong(2)).isEqualTo(N);
                assertThat(rs.getLong(3)).isEqualTo(1);
            }
        }
    }
}
