package org.vmsseaman.historian.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vmsseaman.historian.internal.Fixture.T0;
import static org.vmsseaman.historian.internal.Fixture.tag;
import static org.vmsseaman.historian.internal.Fixture.value;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.duckdb.DuckDBDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vmsseaman.api.historian.Recovery;
import org.vmsseaman.api.tag.DataType;

class DamagedFileTest {

    @TempDir
    Path dir;

    private List<String> damaged() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.contains(".damaged-"))
                    .sorted()
                    .toList();
        }
    }

    private void recordsNewSamples(Path file) {
        try (Fixture f = new Fixture(file, 50, tag("a.one", DataType.DOUBLE))) {
            f.publish(value("a.one", 1.5, T0));
            f.awaitIdle();
            assertThat(f.values("a.one")).containsExactly(1.5);
        }
    }

    @Test
    void aFileThatIsNotADuckDbDatabaseIsMovedAsideAndANewOneStarted() throws Exception {
        Path file = dir.resolve("historian.duckdb");
        byte[] garbage = "this is not a DuckDB database ".repeat(500).getBytes(StandardCharsets.US_ASCII);
        Files.write(file, garbage);

        try (Fixture f = new Fixture(file, 50, tag("a.one", DataType.DOUBLE))) {
            Recovery r = f.historian.recovery().orElseThrow();
            assertThat(r.databaseKept()).isFalse();
            assertThat(r.lostFrom()).as("what the old file held is unknown").isNull();
            assertThat(r.keptAside()).isEqualTo(damaged());
            assertThat(r.describe()).contains("replaced by a new one", "every sample recorded before " + r.at());
            f.publish(value("a.one", 1.5, T0));
            f.awaitIdle();
            assertThat(f.values("a.one")).containsExactly(1.5);
        }

        assertThat(damaged()).singleElement().asString().startsWith("historian.duckdb.damaged-");
        assertThat(Files.readAllBytes(dir.resolve(damaged().get(0)))).isEqualTo(garbage);
    }

    @Test
    void aGarbledWalOfAHistorianIsMovedAsideAloneAndTheRecordedSamplesAreKept() throws Exception {
        Path file = dir.resolve("historian.duckdb");
        try (Fixture f = new Fixture(file, 50, tag("a.one", DataType.DOUBLE))) {
            f.publish(value("a.one", 1.0, T0), value("a.one", 2.0, T0 + 1_000_000));
            f.awaitIdle();
        } // a clean stop checkpoints: the samples are in the database file
        try (Connection c = new DuckDBDriver().connect("jdbc:duckdb:" + file, new Properties());
                Statement st = c.createStatement()) {
            st.execute("CREATE TABLE scratch AS SELECT * FROM range(1000)"); // only in the WAL
            st.execute("PRAGMA disable_checkpoint_on_shutdown");
        }
        garble(DamagedFiles.wal(file));

        try (Fixture f = new Fixture(file, 50, tag("a.one", DataType.DOUBLE))) {
            Recovery r = f.historian.recovery().orElseThrow();
            assertThat(r.databaseKept()).isTrue();
            assertThat(r.keptAside()).singleElement().asString().startsWith("historian.duckdb.wal.damaged-");
            assertThat(r.lostFrom()).as("the newest sample kept").isEqualTo(Instant.ofEpochSecond(1_735_689_601));
            assertThat(r.lostUntil()).isEqualTo(r.at());
            assertThat(r.describe()).contains("write-ahead log was damaged; database kept");
            assertThat(f.values("a.one")).as("recorded before the damage").containsExactly(1.0, 2.0);
            f.publish(value("a.one", 3.0, T0 + 2_000_000));
            f.awaitIdle();
            assertThat(f.values("a.one")).containsExactly(1.0, 2.0, 3.0);
        }
        assertThat(damaged()).singleElement().asString().startsWith("historian.duckdb.wal.damaged-");
    }

    private static void garble(Path wal) throws IOException {
        byte[] bytes = Files.readAllBytes(wal);
        Arrays.fill(bytes, bytes.length / 2, Math.min(bytes.length, bytes.length / 2 + 64), (byte) 0x5A);
        Files.write(wal, bytes);
    }

    /** A database whose last changes are only in its WAL (no checkpoint at shutdown). */
    private Path databaseWithWal() throws SQLException {
        Path file = dir.resolve("historian.duckdb");
        try (Connection c = new DuckDBDriver().connect("jdbc:duckdb:" + file, new Properties());
                Statement st = c.createStatement()) {
            st.execute("CREATE TABLE old(x INTEGER)");
            st.execute("CHECKPOINT");
            st.execute("INSERT INTO old SELECT * FROM range(1000)");
            st.execute("PRAGMA disable_checkpoint_on_shutdown");
        }
        assertThat(DamagedFiles.wal(file)).exists();
        return file;
    }

    @Test
    void aGarbledWalOfAnotherDatabaseIsMovedAsideAndTheFileOpened() throws Exception {
        Path file = databaseWithWal();
        garble(DamagedFiles.wal(file));

        recordsNewSamples(file);

        assertThat(damaged()).singleElement().asString().startsWith("historian.duckdb.wal.damaged-");
    }

    @Test
    void aTruncatedWalIsToleratedByDuckDbItselfAndRecordingGoesOn() throws Exception {
        // DuckDB treats a torn WAL tail as an unfinished transaction and drops it; the file opens.
        Path file = databaseWithWal();
        Path wal = DamagedFiles.wal(file);
        byte[] bytes = Files.readAllBytes(wal);
        Files.write(wal, Arrays.copyOf(bytes, bytes.length / 2));

        try (Fixture f = new Fixture(file, 50, tag("a.one", DataType.DOUBLE))) {
            assertThat(f.historian.recovery()).isEmpty();
        }
        recordsNewSamples(file);

        assertThat(damaged()).isEmpty();
    }
}
