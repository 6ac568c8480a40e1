package org.vmsseaman.historian.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.duckdb.DuckDBDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.vmsseaman.api.historian.HistorianStats;
import org.vmsseaman.tagstore.internal.TagStoreImpl;

/**
 * Crash loop: a child JVM ({@link CrashChild}) ingests at a steady rate and reports what is committed; it is
 * killed with SIGKILL at random moments and restarted on the same file. After every kill the file must open
 * and hold every reported sample exactly once (in whichever table compaction left it), and nothing may have
 * been moved aside as damaged.
 *
 * <p>{@value #KILLS_PROPERTY} sets the number of kills (default {@value #DEFAULT_KILLS}; the full run is 20),
 * {@value #SEED_PROPERTY} the seed of the kill delays.
 */
class CrashSafetyTest {

    static final String KILLS_PROPERTY = "vmsseaman.crash.kills";
    static final String SEED_PROPERTY = "vmsseaman.crash.seed";
    static final int DEFAULT_KILLS = 5;

    private static final long MIN_DELAY_MILLIS = 300;
    private static final long MAX_DELAY_MILLIS = 2000;
    private static final long FIRST_COMMIT_TIMEOUT_MILLIS = 30_000;
    private static final long EXIT_TIMEOUT_MILLIS = 10_000;
    private static final String SMALL_CHECKPOINT_THRESHOLD = "256KB";

    @TempDir
    Path dir;

    /** One line of child output, or {@code null} content at the end of its stdout. */
    private record Line(String text) {}

    @Test
    @Timeout(value = 20, unit = TimeUnit.MINUTES) // a backstop only: every wait below is bounded
    void everyReportedCommitSurvivesRepeatedHardKills() throws Exception {
        int kills = Integer.getInteger(KILLS_PROPERTY, DEFAULT_KILLS);
        long seed = Long.getLong(SEED_PROPERTY, 20250101L);
        Random random = new Random(seed);
        Path file = dir.resolve("historian.duckdb");
        Path childTmp = Files.createDirectories(dir.resolve("tmp"));
        System.out.printf("Crash loop: %d kills, seed %d, file %s%n", kills, seed, file);

        long lastReported = 0;
        long lastFound = 0;
        for (int kill = 1; kill <= kills; kill++) {
            Path log = dir.resolve("child-" + kill + ".log");
            // every other run with frequent checkpoints, so that kills also hit a checkpoint in progress
            String threshold = kill % 2 == 0 ? SMALL_CHECKPOINT_THRESHOLD : null;
            Process child = start(file, childTmp, log, threshold);
            LinkedBlockingQueue<Line> lines = new LinkedBlockingQueue<>();
            Thread reader = reader(child.getInputStream(), lines, kill);
            long reported;
            long start;
            long delay = MIN_DELAY_MILLIS + (long) (random.nextDouble() * (MAX_DELAY_MILLIS - MIN_DELAY_MILLIS));
            try {
                start = expectStart(lines, child, log);
                assertThat(start)
                        .as("kill %d: the child starts after the highest stored sample", kill)
                        .isEqualTo(lastFound);
                reported = awaitCommitted(lines, child, log, FIRST_COMMIT_TIMEOUT_MILLIS, start);
                Thread.sleep(delay);
                assertThat(child.isAlive())
                        .as("kill %d: child still running (%s)", kill, tail(log))
                        .isTrue();
            } finally {
                child.destroyForcibly(); // SIGKILL on Linux
            }
            assertThat(child.waitFor(EXIT_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS))
                    .as("kill %d: child gone", kill)
                    .isTrue();
            reader.join(EXIT_TIMEOUT_MILLIS);
            reported = Math.max(reported, drain(lines, log));

            long fileBytes = Files.size(file);
            Path wal = file.resolveSibling(file.getFileName() + ".wal");
            long walBytes = Files.exists(wal) ? Files.size(wal) : 0;
            long[] found = verify(file, kill, reported);
            System.out.printf(
                    "kill %2d after %4d ms (checkpoint threshold %s): started after %d, last reported committed %d,"
                            + " found %d rows (max %d); file %d B, WAL %d B%n",
                    kill,
                    delay,
                    threshold == null ? "default" : threshold,
                    start,
                    reported,
                    found[0],
                    found[1],
                    fileBytes,
                    walBytes);
            assertThat(reported).as("kill %d: progress", kill).isGreaterThan(lastReported);
            lastReported = reported;
            lastFound = found[1];
        }

        // a last, clean start in this JVM: the historian itself opens the file and sees everything
        TagStoreImpl tagStore = new TagStoreImpl();
        try (HistorianImpl historian = new HistorianImpl(tagStore, file, new HistorianSettings(50, 100_000))) {
            HistorianStats stats = historian.stats();
            assertThat(stats.totalSamples()).isEqualTo(lastFound);
        } finally {
            tagStore.close();
        }
        assertThat(damaged()).isEmpty();
    }

    private Process start(Path file, Path childTmp, Path log, String checkpointThreshold) throws IOException {
        String java = ProcessHandle.current()
                .info()
                .command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>(List.of(
                java,
                "-Xmx256m",
                "-XX:+UseSerialGC",
                // DuckDB unpacks its ~70 MB library here and deletes it only on a normal exit
                "-Djava.io.tmpdir=" + childTmp,
                "-cp",
                System.getProperty("java.class.path"),
                CrashChild.class.getName(),
                file.toString()));
        if (checkpointThreshold != null) {
            command.add(checkpointThreshold);
        }
        return new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
    }

    /** Reads the child's stdout; only complete lines count (a kill may cut the last one). */
    private static Thread reader(InputStream in, LinkedBlockingQueue<Line> lines, int kill) {
        Thread t = new Thread(
                () -> {
                    ByteArrayOutputStream current = new ByteArrayOutputStream();
                    byte[] buf = new byte[4096];
                    try (in) {
                        for (int n; (n = in.read(buf)) > 0; ) {
                            for (int i = 0; i < n; i++) {
                                if (buf[i] == '\n') {
                                    lines.add(new Line(current.toString(StandardCharsets.US_ASCII)));
                                    current.reset();
                                } else {
                                    current.write(buf[i]);
                                }
                            }
                        }
                    } catch (IOException e) {
                        // the stream ends with the process
                    }
                    lines.add(new Line(null));
                },
                "crash-child-" + kill + "-stdout");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static long expectStart(LinkedBlockingQueue<Line> lines, Process child, Path log) throws Exception {
        String line = next(lines, child, log, FIRST_COMMIT_TIMEOUT_MILLIS);
        assertThat(line).as("first line of the child").startsWith("START ");
        return Long.parseLong(line.substring("START ".length()).trim());
    }

    /** Waits for the first COMMITTED line and returns its number. */
    private static long awaitCommitted(
            LinkedBlockingQueue<Line> lines, Process child, Path log, long timeoutMillis, long start) throws Exception {
        long committed = parseCommitted(next(lines, child, log, timeoutMillis), log);
        assertThat(committed).as("first commit reported").isGreaterThan(start);
        return committed;
    }

    private static String next(LinkedBlockingQueue<Line> lines, Process child, Path log, long timeoutMillis)
            throws Exception {
        Line line = lines.poll(timeoutMillis, TimeUnit.MILLISECONDS);
        if (line == null) {
            throw new AssertionError("no output from the child within " + timeoutMillis + " ms; " + tail(log));
        }
        if (line.text() == null) {
            child.waitFor(EXIT_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
            throw new AssertionError(
                    "the child ended early (exit " + (child.isAlive() ? "?" : child.exitValue()) + "); " + tail(log));
        }
        return line.text();
    }

    /** The highest COMMITTED number among the lines left after the child is gone. */
    private static long drain(LinkedBlockingQueue<Line> lines, Path log) throws IOException {
        long highest = 0;
        for (Line line; (line = lines.poll()) != null; ) {
            if (line.text() != null) {
                highest = Math.max(highest, parseCommitted(line.text(), log));
            }
        }
        return highest;
    }

    private static long parseCommitted(String line, Path log) throws IOException {
        if (!line.startsWith("COMMITTED ")) {
            throw new AssertionError("unexpected child output '" + line + "'; " + tail(log));
        }
        return Long.parseLong(line.substring("COMMITTED ".length()).trim());
    }

    /**
     * Opens the file with plain DuckDB (read-only, so that the WAL stays for the next child to replay) and
     * checks that it holds samples 1..max exactly once each, each on its tag and time, with {@code max >=
     * reported}.
     *
     * @return {rows, max}
     */
    private long[] verify(Path file, int kill, long reported) throws Exception {
        assertThat(damaged()).as("kill %d: files moved aside", kill).isEmpty();
        Properties props = new Properties();
        props.setProperty("duckdb.read_only", "true");
        try (Connection c = new DuckDBDriver().connect("jdbc:duckdb:" + file, props);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*), count(DISTINCT s.num), count(s.num),"
                        + " coalesce(min(s.num), 0)::BIGINT, coalesce(max(s.num), 0)::BIGINT,"
                        + " count(*) FILTER (WHERE s.num <= " + reported + "),"
                        + " count(*) FILTER (WHERE t.tag_id IS DISTINCT FROM 'crash.t' || (s.num::BIGINT % "
                        + CrashChild.TAGS + ")::VARCHAR OR s.ts <> " + CrashChild.T0 + " + s.num::BIGINT"
                        + " OR s.num <> floor(s.num) OR s.quality <> 0)"
                        + " FROM all_samples s LEFT JOIN tags t USING (tag_key)")) {
            assertThat(rs.next()).isTrue();
            long rows = rs.getLong(1);
            long distinct = rs.getLong(2);
            long nonNull = rs.getLong(3);
            long min = rs.getLong(4);
            long max = rs.getLong(5);
            long upToReported = rs.getLong(6);
            long misplaced = rs.getLong(7);
            String where = "kill " + kill + " (reported " + reported + ", rows " + rows + ", max " + max + ")";
            assertThat(nonNull).as("%s: samples without a value", where).isEqualTo(rows);
            assertThat(distinct).as("%s: duplicates", where).isEqualTo(rows);
            assertThat(upToReported).as("%s: reported samples present", where).isEqualTo(reported);
            assertThat(max).as("%s: highest sample", where).isGreaterThanOrEqualTo(reported);
            assertThat(rows).as("%s: samples 1..max without gaps", where).isEqualTo(max);
            assertThat(min).as("%s: lowest sample", where).isEqualTo(rows == 0 ? 0 : 1);
            assertThat(misplaced)
                    .as("%s: samples on the wrong tag, time or quality", where)
                    .isZero();
            return new long[] {rows, max};
        } catch (SQLException e) {
            throw new AssertionError("kill " + kill + ": the database does not open: " + e.getMessage(), e);
        }
    }

    private List<String> damaged() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.contains(".damaged-"))
                    .toList();
        }
    }

    private static String tail(Path log) throws IOException {
        if (!Files.exists(log)) {
            return "no child log";
        }
        List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
        return "child log " + log + ":\n" + String.join("\n", all.subList(Math.max(0, all.size() - 30), all.size()));
    }
}
