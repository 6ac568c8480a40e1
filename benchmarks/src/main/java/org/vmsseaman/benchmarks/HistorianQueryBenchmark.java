package org.vmsseaman.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.vmsseaman.api.historian.Bucket;
import org.vmsseaman.api.historian.Sample;
import org.vmsseaman.api.tag.TagValue;
import org.vmsseaman.historian.internal.HistorianImpl;
import org.vmsseaman.historian.internal.HistorianSettings;
import org.vmsseaman.tagstore.internal.TagStoreImpl;

/**
 * Historian query latency on raw samples (issue 3, performance; rollups and compaction are not implemented
 * yet, so every query reads raw samples). A plain main, not JMH.
 *
 * <p>The data set: {@code --tags} tags, {@code --rows} samples in all, spread evenly over the last 24 hours
 * (default 1,000 tags × 50,000 samples = one sample every 1.728 s per tag, 50M rows), each tag a random walk
 * rounded to 0.01, quality GOOD, written with DuckDB's raw appender into the historian's schema in time
 * order (all tags interleaved, as the historian writes them), one transaction per 500,000 rows.
 *
 * <p>Measured through {@link HistorianImpl} (its public query API, default settings): (i) {@code aggregate}
 * over the whole 24 h in 1-minute buckets for one tag, as the first query after opening the file ({@code
 * --reopens} times; the OS page cache is warm, only DuckDB's own cache is cold) and warm ({@code
 * --queries} queries on random tags after 20 unmeasured ones); (ii) {@code raw} of the last hour of one
 * tag, oldest first, warm. Every result is checked (bucket and sample counts). Also reported: bytes per
 * sample (file and WAL size / rows, after the build was checkpointed on close).
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
                "keep the database file");
        int tags = (int) o.number("tags");
        long perTag = o.number("rows") / tags;
        long rows = perTag * tags;
        int queries = (int) o.number("queries");
        Path dir = HistorianBench.workDir(o.text("dir"));
        Path file = dir.resolve("query-bench.duckdb");
        HistorianBench.deleteDatabase(file);
        long step = DAY_MICROS / perTag;
        long end = TagValue.nowMicros() / 60_000_000L * 60_000_000L; // a whole minute
        long start = end - DAY_MICROS;
        System.out.printf(
                "Historian query benchmark: %,d tags × %,d samples = %,d rows over 24 h (one per %.3f s per tag),"
                        + " file %s, %d cores, load average %.2f, Java %s%n",
                tags,
                perTag,
                rows,
                step / 1e6,
                file,
                Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage(),
                System.getProperty("java.version"));

        // ---- build
        HistorianBench.createHistorianSchema(file);
        long buildStart = System.nanoTime();
        try (DuckDBConnection conn = HistorianBench.connect(file);
                Statement st = conn.createStatement()) {
            try (DuckDBAppender appender = conn.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "tags")) {
                for (int t = 0; t < tags; t++) {
                    appender.beginRow().append(t + 1).append(tagId(t)).endRow();
                }
            }
            SplittableRandom random = new SplittableRandom(42);
            double[] value = new double[tags];
            long[] phase = new long[tags];
            for (int t = 0; t < tags; t++) {
                value[t] = random.nextDouble(0, 100);
                phase[t] = step * t / tags;
            }
            long written = 0;
            long nextReport = rows / 10;
            int inTransaction = 0;
            DuckDBAppender appender = null;
            for (long k = 0; k < perTag; k++) {
                for (int t = 0; t < tags; t++) {
                    if (appender == null) {
                        st.execute("BEGIN TRANSACTION");
                        appender = conn.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "samples");
                    }
                    value[t] += random.nextDouble(-0.05, 0.05);
                    appender.beginRow()
                            .append(t + 1)
                            .append(start + k * step + phase[t])
                            .append(Math.round(value[t] * 100) / 100.0)
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
                    nextReport += rows / 10;
                }
            }
            if (appender != null) {
                appender.close();
                st.execute("COMMIT");
            }
        }
        double buildSeconds = (System.nanoTime() - buildStart) / 1e9;
        long bytes = HistorianBench.fileBytes(file);
        System.out.printf(
                "Built %,d rows in %.1f s (%,.0f rows/s, incl. the checkpoint on close): %,d bytes, %.2f bytes per"
                        + " sample%n",
                rows, buildSeconds, rows / buildSeconds, bytes, bytes / (double) rows);

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
        System.out.printf("bytes per sample: %.2f (%,d bytes)%n", bytes / (double) rows, bytes);
        System.out.printf(
                "open (HistorianImpl constructor), %d times: median %.1f ms (%s)%n",
                reopens, median(opens), list(opens));
        System.out.printf(
                "(i) 24 h / 1 min, first query after open, %d times: median %.1f ms (%s)%n",
                reopens, median(firsts), list(firsts));
        printPercentiles("(i) 24 h / 1 min, warm", aggregates);
        printPercentiles("(ii) last hour raw, warm", raws);
        double p95 = percentile(aggregates, 95);
        System.out.printf(
                "target: (i) p95 <= 10 ms warm: %s (%.1f ms) — on raw samples; rollups/compaction are not"
                        + " implemented yet%n",
                p95 <= 10 ? "MET" : "MISSED", p95);
        if (!Boolean.parseBoolean(o.text("keep"))) {
            HistorianBench.deleteDatabase(file);
            Files.deleteIfExists(dir.resolve("query-bench.duckdb.wal"));
        }
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
