package org.vmsseaman.historian.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vmsseaman.historian.internal.Fixture.T0;
import static org.vmsseaman.historian.internal.Fixture.tag;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vmsseaman.api.tag.DataType;
import org.vmsseaman.api.tag.TagValue;
import org.vmsseaman.tagstore.internal.TagStoreImpl;

/**
 * Compacting a backlog never stops the writer for long: while a maintenance pass moves 26 hours of samples
 * (chunks, a day merge, rollups, checkpoints), live values keep being committed, with no gap between two
 * commits beyond a generous bound (the writer commits every 500 ms; the bound leaves room for a loaded CI
 * machine). The figures for 50M samples are the query benchmark's.
 */
class CompactionCommitGapTest {

    private static final int BACKLOG_TAGS = 200;
    private static final long BACKLOG_ROWS = 1_200_000;
    private static final long MAX_GAP_MICROS = 2_500_000;

    @TempDir
    Path dir;

    @Test
    void writerKeepsCommittingWhileABacklogIsCompacted() throws Exception {
        Path file = dir.resolve("historian.duckdb");
        writeBacklog(file);
        try (Fixture f = new Fixture(
                file,
                new HistorianSettings(500, 100_000),
                tag("live.a", DataType.DOUBLE),
                tag("live.b", DataType.DOUBLE))) {
            AtomicBoolean stop = new AtomicBoolean();
            List<Long> commits = new ArrayList<>();
            Thread live = new Thread(() -> {
                for (int i = 0; !stop.get(); i++) {
                    long now = TagValue.nowMicros();
                    f.publish(Fixture.value("live.a", (double) i, now), Fixture.value("live.b", (double) -i, now));
                    sleep(20);
                }
            });
            Thread poller = new Thread(() -> {
                long last = 0;
                while (!stop.get()) {
                    long c = f.historian.stats().lastCommitTime();
                    if (c != last) {
                        commits.add(c);
                        last = c;
                    }
                    sleep(5);
                }
            });
            live.start();
            Fixture.await(() -> f.historian.stats().stored() > 0, java.time.Duration.ofSeconds(10));
            poller.start();
            f.historian.runMaintenance();
            sleep(1000);
            stop.set(true);
            live.join();
            poller.join();

            assertThat(count(f, "samples_day")).isPositive(); // the closed day was merged
            assertThat(count(f, "samples_day") + count(f, "samples_chunk")).isEqualTo(BACKLOG_ROWS);
            long maxGap = 0;
            for (int i = 1; i < commits.size(); i++) {
                maxGap = Math.max(maxGap, commits.get(i) - commits.get(i - 1));
            }
            assertThat(commits.size()).isGreaterThan(2);
            assertThat(maxGap)
                    .as("longest time between two commits while compacting (µs), %d commits", commits.size())
                    .isLessThanOrEqualTo(MAX_GAP_MICROS);
        }
    }

    /** 26 hours before T0 (one closed day and two hours) in arrival order, straight into {@code samples}. */
    private static void writeBacklog(Path file) throws Exception {
        TagStoreImpl store = new TagStoreImpl();
        new HistorianImpl(store, file, new HistorianSettings(500, 100_000)).close(); // the schema
        store.close();
        long span = 26 * Chunks.HOUR;
        long from = Chunks.floor(T0, Chunks.DAY) - Chunks.DAY;
        long perTag = BACKLOG_ROWS / BACKLOG_TAGS;
        try (DuckDBConnection conn = (DuckDBConnection)
                        new org.duckdb.DuckDBDriver().connect("jdbc:duckdb:" + file, new java.util.Properties());
                Statement st = conn.createStatement()) {
            st.execute("BEGIN TRANSACTION");
            try (DuckDBAppender tags = conn.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "tags")) {
                for (int t = 0; t < BACKLOG_TAGS; t++) {
                    tags.beginRow().append(100 + t).append("backlog." + t).endRow();
                }
            }
            try (DuckDBAppender samples = conn.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "samples")) {
                for (long k = 0; k < perTag; k++) {
                    for (int t = 0; t < BACKLOG_TAGS; t++) {
                        samples.beginRow()
                                .append(100 + t)
                                .append(from + k * span / perTag + t)
                                .append((double) k)
                                .appendNull()
                                .append((short) 0)
                                .endRow();
                    }
                }
            }
            st.execute("COMMIT");
        }
    }

    private static long count(Fixture f, String table) throws Exception {
        try (var conn = f.historian.database().connect();
                Statement st = conn.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
