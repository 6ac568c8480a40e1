package org.vmsseaman.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.vmsseaman.api.historian.Bucket;
import org.vmsseaman.api.historian.Sample;
import org.vmsseaman.api.tag.Quality;
import org.vmsseaman.api.tag.TagValue;
import org.vmsseaman.historian.internal.HistorianImpl;
import org.vmsseaman.historian.internal.HistorianSettings;
import org.vmsseaman.tagstore.internal.TagStoreImpl;

/**
 * Historian query latency and storage after compaction (issue 3, performance). A plain main, not JMH.
 *
 * <p>The data set: {@code --tags} tags, {@code --rows} samples in all, spread evenly over 24 hours (default
 * 1,000 tags × 50,000 samples = one sample every 1.728 s per tag, 50M rows), each tag a random walk rounded
 * to 0.01, quality GOOD, written with DuckDB's raw appender into the historian's {@code samples} table in
 * time order (all tags interleaved, as the historian's writer stores them), one transaction per 500,000
 * rows. The 24 hours end at the last UTC midnight ({@code --end midnight}, default: a closed day, the layout
 * every day reaches) or at the current minute ({@code --end now}: today's layout, 10-minute chunks and the
 * newest minutes not compacted yet).
 *
 * <p>Then a historian opens the file and one maintenance pass runs (compaction of every closed 10-minute
 * chunk with its rollups, merge of closed days) while {@code --live-rate} samples/s of {@code --tags} other
 * tags are recorded through the tag store, as on a running ship: reported are the pass's duration and the
 * gaps between the writer's commits meanwhile (it commits every 500 ms when nothing is in its way). With
 * {@code --days N} the data set is N such days, each built and then maintained in one pass before the next
 * (a day's backlog at a time: a larger transient than a running ship's pass every minute), which shows the
 * file's size once the space a pass frees is reused; the queries read the last day.
 *
 * <p>Measured through {@link HistorianImpl} (its public query API, default settings): (i) {@code aggregate}
 * over the whole 24 h in 1-minute buckets for one tag, as the first query after opening the file ({@code
 * --reopens} times; the OS page cache is warm, only DuckDB's own cache is cold) and warm ({@code
 * --queries} queries on random tags after 20 unmeasured ones); (ii) {@code raw} of the last hour of one
 * tag, oldest first, warm. Every result is checked (bucket and sample counts). Also reported: bytes per
 * sample (file and WAL size / rows, and the blocks in use / rows, after the pass was checkpointed on close).
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar org.vmsseaman.benchmarks.HistorianQueryBenchmark
 * [--rows 50000000] [--tags 1000]} ({@code --help} lists the options).
 */
public final class HistorianQueryBenchmark {

    private static final long DAY_MICROS = 86_400_000_000L;
    private static final long HOUR_MICROS = 3_600_000_000L;
    private static final int TRANSACTION_ROWS = 500_000;
    private static final int WARMUP_QUERIES = 20;

    public static void main(String[] args) throws Exception {
        HistorianBench.quietLogging();
        HistorianBench.Options o = new HistorianBench.Options(
                args,
                "HistorianQueryBenchmark: query latency on a raw data set of 24 h",
                "rows",
                "50000000",
                "samples in the data set",
                "tags",
                "1000",
                "tags",
                "queries",
                "200",
                "measured warm queries of each kind",
                "reopens",
                "5",
                "times the file is opened for a first query",
                "dir",
                "",
                "folder for the file (default: a new temp folder)",
                "keep",
                "false",
                "keep the database file",
                "end",
                "midnight",
                "the 24 h end at the last UTC midnight (midnight) or at the current minute (now)",
                "live-rate",
                "1000",
                "samples/s recorded through the historian while the maintenance pass runs",
                "days",
                "1",
                "days of --rows samples each, built and maintained one after the other (the queries read the last)");
        int tags = (int) o.number("tags");
        long perTag = o.number("rows") / tags;
        long rows = perTag * tags;
        int queries = (int) o.number("queries");
        int days = (int) Math.max(1, o.number("days"));
        Path dir = HistorianBench.workDir(o.text("dir"));
        Path file = dir.resolve("query-bench.duckdb");
        HistorianBench.deleteDatabase(file);
        long step = DAY_MICROS / perTag;
        long now = TagValue.nowMicros();
        long end = o.text("end").equals("now")
                ? now / 60_000_000L * 60_000_000L // a whole minute
                : Math.floorDiv(now, DAY_MICROS) * DAY_MICROS;
        long start = end - DAY_MICROS;
        System.out.printf(
                "Historian query benchmark: %,d tags × %,d samples = %,d rows over 24 h (one per %.3f s per tag),"
                        + " %d day(s), file %s, %d cores, load average %.2f, Java %s%n",
                tags,
                perTag,
                rows,
                step / 1e6,
                days,
                file,
                Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage(),
                System.getProperty("java.version"));

        // ---- build, a day at a time, each day followed by one maintenance pass
        HistorianBench.createHistorianSchema(file);
        try (DuckDBConnection conn = HistorianBench.connect(file)) {
            try (DuckDBAppender appender = conn.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "tags")) {
                for (int t = 0; t < tags; t++) {
                    appender.beginRow().append(t + 1).append(tagId(t)).endRow();
                }
            }
        }
        Walk walk = new Walk(tags, step);
        long builtBytes = 0;
        Maintained pass = null;
        long stored = 0;
        long bytes = 0;
        long usedBytes = 0;
        for (int d = days - 1; d >= 0; d--) {
            long dayStart = start - d * DAY_MICROS;
            long dayBuiltBytes = build(file, walk, dayStart, perTag);
            builtBytes = builtBytes == 0 ? dayBuiltBytes : builtBytes;
            stored += perTag * tags;
            pass = maintain(file, tags, o.number("live-rate"));
            stored += pass.live;
            bytes = HistorianBench.fileBytes(file);
            usedBytes = usedBytes(file);
            System.out.printf(
                    "Day %d of %d: maintenance pass %.1f s; %,d live samples recorded meanwhile; writer commit gaps:"
                            + " %s%n",
                    days - d, days, pass.seconds, pass.live, pass.gaps);
            System.out.printf(
                    "  after compaction: %,d samples, file %,d bytes (%.2f bytes per sample), blocks in use %,d bytes"
                            + " (%.2f bytes per sample); rows per table: %s%n",
                    stored, bytes, bytes / (double) stored, usedBytes, usedBytes / (double) stored, tableRows(file));
        }
        rows = stored;

        // ---- queries
        Instant since = TagValue.toInstant(start);
        Instant until = TagValue.toInstant(end);
        Instant hourAgo = TagValue.toInstant(end - HOUR_MICROS);
        long expectedBuckets = Math.min(1440, perTag);
        long expectedHour = perTag / 24;
        SplittableRandom pick = new SplittableRandom(7);
        int reopens = (int) o.number("reopens");
        double[] opens = new double[reopens];
        double[] firsts = new double[reopens];
        for (int r = 0; r < reopens; r++) {
            TagStoreImpl store = new TagStoreImpl();
            long t0 = System.nanoTime();
            HistorianImpl historian = new HistorianImpl(store, file, HistorianSettings.DEFAULTS);
            long t1 = System.nanoTime();
            List<Bucket> buckets = historian.aggregate(tagId(pick.nextInt(tags)), since, until, Duration.ofMinutes(1));
            long t2 = System.nanoTime();
            checkBuckets(buckets, expectedBuckets, perTag);
            opens[r] = (t1 - t0) / 1e6;
            firsts[r] = (t2 - t1) / 1e6;
            historian.close();
            store.close();
        }
        TagStoreImpl store = new TagStoreImpl();
        HistorianImpl historian = new HistorianImpl(store, file, HistorianSettings.DEFAULTS);
        IntFunction<List<Bucket>> aggregate = t -> historian.aggregate(tagId(t), since, until, Duration.ofMinutes(1));
        IntFunction<List<Sample>> rawHour = t -> historian.raw(tagId(t), hourAgo, until, 1_000_000, false);
        for (int i = 0; i < WARMUP_QUERIES; i++) {
            checkBuckets(aggregate.apply(pick.nextInt(tags)), expectedBuckets, perTag);
            checkRaw(rawHour.apply(pick.nextInt(tags)), expectedHour);
        }
        double[] aggregates = new double[queries];
        for (int i = 0; i < queries; i++) {
            int tag = pick.nextInt(tags);
            long t0 = System.nanoTime();
            List<Bucket> buckets = aggregate.apply(tag);
            aggregates[i] = (System.nanoTime() - t0) / 1e6;
            checkBuckets(buckets, expectedBuckets, perTag);
        }
        double[] raws = new double[queries];
        for (int i = 0; i < queries; i++) {
            int tag = pick.nextInt(tags);
            long t0 = System.nanoTime();
            List<Sample> samples = rawHour.apply(tag);
            raws[i] = (System.nanoTime() - t0) / 1e6;
            checkRaw(samples, expectedHour);
        }
        historian.close();
        store.close();

        System.out.printf(
                "%n==== Summary (%,d rows, %,d tags, load average now %.2f) ====%n",
                rows,
                tags,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage());
        System.out.printf(
                "bytes per sample: %.2f in arrival order; after compaction %.2f (file %,d bytes), %.2f in blocks in"
                        + " use%n",
                builtBytes / (double) (perTag * tags), bytes / (double) rows, bytes, usedBytes / (double) rows);
        System.out.printf("maintenance pass %.1f s; writer commit gaps meanwhile: %s%n", pass.seconds, pass.gaps);
        System.out.printf(
                "open (HistorianImpl constructor), %d times: median %.1f ms (%s)%n",
                reopens, median(opens), list(opens));
        System.out.printf(
                "(i) 24 h / 1 min, first query after open, %d times: median %.1f ms (%s)%n",
                reopens, median(firsts), list(firsts));
        printPercentiles("(i) 24 h / 1 min, warm", aggregates);
        printPercentiles("(ii) last hour raw, warm", raws);
        double p95 = percentile(aggregates, 95);
        double rawP95 = percentile(raws, 95);
        double first = median(firsts);
        System.out.printf(
                "targets: (i) p95 <= 10 ms warm: %s (%.2f ms); first query <= 300 ms: %s (median %.1f ms);"
                        + " (ii) p95 <= 5 ms: %s (%.2f ms); <= 2 bytes per sample: %s (%.2f)%n",
                p95 <= 10 ? "MET" : "MISSED",
                p95,
                first <= 300 ? "MET" : "MISSED",
                first,
                rawP95 <= 5 ? "MET" : "MISSED",
                rawP95,
                bytes / (double) rows <= 2 ? "MET" : "MISSED",
                bytes / (double) rows);
        if (!Boolean.parseBoolean(o.text("keep"))) {
            HistorianBench.deleteDatabase(file);
            Files.deleteIfExists(dir.resolve("query-bench.duckdb.wal"));
        }
    }

    /** The random walk of every tag, continued from one day to the next. */
    private static final class Walk {
        final SplittableRandom random = new SplittableRandom(42);
        final double[] value;
        final long[] phase;

        Walk(int tags, long step) {
            value = new double[tags];
            phase = new long[tags];
            for (int t = 0; t < tags; t++) {
                value[t] = random.nextDouble(0, 100);
                phase[t] = step * t / tags;
            }
        }
    }

    /**
     * Appends a day of {@code perTag} samples per tag from {@code dayStart} to {@code samples} with the raw
     * appender, in time order, and closes the file (checkpoint).
     *
     * @return the file's size afterwards
     */
    private static long build(Path file, Walk walk, long dayStart, long perTag) throws Exception {
        int tags = walk.value.length;
        long rows = perTag * tags;
        long step = DAY_MICROS / perTag;
        long buildStart = System.nanoTime();
        try (DuckDBConnection conn = HistorianBench.connect(file);
                Statement st = conn.createStatement()) {
            long written = 0;
            long nextReport = rows / 5;
            int inTransaction = 0;
            DuckDBAppender appender = null;
            for (long k = 0; k < perTag; k++) {
                for (int t = 0; t < tags; t++) {
                    if (appender == null) {
                        st.execute("BEGIN TRANSACTION");
                        appender = conn.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "samples");
                    }
                    walk.value[t] += walk.random.nextDouble(-0.05, 0.05);
                    appender.beginRow()
                            .append(t + 1)
                            .append(dayStart + k * step + walk.phase[t])
                            .append(Math.round(walk.value[t] * 100) / 100.0)
                            .appendNull()
                            .append((short) 0)
                            .endRow();
                    if (++inTransaction == TRANSACTION_ROWS) {
                        appender.close();
                        appender = null;
                        st.execute("COMMIT");
                        inTransaction = 0;
                    }
                }
                written += tags;
                if (written >= nextReport) {
                    System.out.printf(
                            "  built %,d rows (%,.0f rows/s)%n",
                            written, written / ((System.nanoTime() - buildStart) / 1e9));
                    nextReport += rows / 5;
                }
            }
            if (appender != null) {
                appender.close();
                st.execute("COMMIT");
            }
        }
        double seconds = (System.nanoTime() - buildStart) / 1e9;
        long bytes = HistorianBench.fileBytes(file);
        System.out.printf(
                "Built %,d rows of %s in %.1f s (%,.0f rows/s, incl. the checkpoint on close): file %,d bytes%n",
                rows, TagValue.toInstant(dayStart), seconds, rows / seconds, bytes);
        return bytes;
    }

    /** What the maintenance pass did. */
    private record Maintained(double seconds, long live, String gaps) {}

    /**
     * Opens a historian on the file, records {@code rate} samples/s of live tags on a publisher thread, runs
     * one maintenance pass and records the gaps between the writer's commits meanwhile.
     */
    private static Maintained maintain(Path file, int tags, long rate) throws Exception {
        TagStoreImpl store = new TagStoreImpl();
        store.define(HistorianBench.doubleTags("bench.live", tags));
        HistorianImpl historian = new HistorianImpl(store, file, HistorianSettings.DEFAULTS);
        AtomicBoolean stop = new AtomicBoolean();
        Thread publisher = new Thread(
                () -> {
                    SplittableRandom random = new SplittableRandom(3);
                    long periodNanos = 100_000_000L; // a batch every 100 ms
                    long perBatch = Math.max(1, rate / 10);
                    long next = System.nanoTime();
                    int tag = 0;
                    while (!stop.get()) {
                        List<TagValue> batch = new ArrayList<>();
                        long t = TagValue.nowMicros();
                        for (int i = 0; i < perBatch; i++, tag = (tag + 1) % tags) {
                            batch.add(new TagValue(
                                    "bench.live" + tag, random.nextDouble(), Quality.GOOD, t + i, t + i, null));
                        }
                        store.publish(batch);
                        next += periodNanos;
                        LockSupport.parkNanos(next - System.nanoTime());
                    }
                },
                "bench-live-publisher");
        List<Long> commits = new ArrayList<>();
        Thread poller = new Thread(
                () -> {
                    long last = 0;
                    while (!stop.get()) {
                        long c = historian.stats().lastCommitTime();
                        if (c != last) {
                            commits.add(c);
                            last = c;
                        }
                        LockSupport.parkNanos(2_000_000);
                    }
                },
                "bench-commit-poller");
        publisher.start();
        Thread.sleep(2000); // a few commits before the pass
        poller.start();
        Thread.sleep(1000);
        long t0 = System.nanoTime();
        historian.runMaintenance();
        double seconds = (System.nanoTime() - t0) / 1e9;
        Thread.sleep(1000);
        stop.set(true);
        publisher.join();
        poller.join();
        historian.close(); // commits the rest
        long live = historian.stats().stored();
        store.close();
        double[] gaps = new double[Math.max(0, commits.size() - 1)];
        for (int i = 1; i < commits.size(); i++) {
            gaps[i - 1] = (commits.get(i) - commits.get(i - 1)) / 1000.0;
        }
        Arrays.sort(gaps);
        String summary = gaps.length == 0
                ? "none observed"
                : String.format(
                        "%d commits, gap p50 %.0f ms, p99 %.0f ms, max %.0f ms",
                        commits.size(),
                        HistorianBench.percentile(gaps, 50),
                        HistorianBench.percentile(gaps, 99),
                        gaps[gaps.length - 1]);
        return new Maintained(seconds, live, summary);
    }

    private static long usedBytes(Path file) throws Exception {
        try (DuckDBConnection conn = HistorianBench.connect(file);
                Statement st = conn.createStatement();
                var rs = st.executeQuery("SELECT used_blocks * block_size FROM pragma_database_size()")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String tableRows(Path file) throws Exception {
        StringBuilder b = new StringBuilder();
        try (DuckDBConnection conn = HistorianBench.connect(file);
                Statement st = conn.createStatement()) {
            for (String table : new String[] {"samples", "samples_chunk", "samples_day", "rollup_1m", "rollup_1h"}) {
                try (var rs = st.executeQuery("SELECT count(*) FROM " + table)) {
                    rs.next();
                    b.append(b.length() == 0 ? "" : ", ")
                            .append(table)
                            .append(' ')
                            .append(String.format("%,d", rs.getLong(1)));
                }
            }
        }
        return b.toString();
    }

    private static String tagId(int t) {
        return "bench.q" + t;
    }

    private static void checkBuckets(List<Bucket> buckets, long expected, long perTag) {
        long count = buckets.stream().mapToLong(Bucket::count).sum();
        if (buckets.size() != expected || count != perTag) {
            throw new IllegalStateException("aggregate returned " + buckets.size() + " buckets of " + count
                    + " samples, expected " + expected + " of " + perTag);
        }
    }

    private static void checkRaw(List<Sample> samples, long expected) {
        if (Math.abs(samples.size() - expected) > 1) {
            throw new IllegalStateException("raw returned " + samples.size() + " samples, expected ~" + expected);
        }
    }

    private static void printPercentiles(String label, double[] millis) {
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        System.out.printf(
                "%s, %d queries on random tags: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms, mean %.2f ms%n",
                label,
                sorted.length,
                HistorianBench.percentile(sorted, 50),
                HistorianBench.percentile(sorted, 95),
                HistorianBench.percentile(sorted, 99),
                sorted[sorted.length - 1],
                Arrays.stream(sorted).average().orElse(0));
    }

    private static double percentile(double[] millis, double p) {
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        return HistorianBench.percentile(sorted, p);
    }

    private static double median(double[] values) {
        return HistorianBench.median(values);
    }

    private static String list(double[] values) {
        StringBuilder b = new StringBuilder();
        for (double v : values) {
            b.append(b.length() == 0 ? "" : ", ").append(String.format("%.1f", v));
        }
        return b.toString();
    }
}
