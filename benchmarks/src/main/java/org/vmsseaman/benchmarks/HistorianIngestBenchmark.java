package org.vmsseaman.benchmarks;

import java.nio.file.Path;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.vmsseaman.api.historian.HistorianStats;
import org.vmsseaman.api.tag.Quality;
import org.vmsseaman.api.tag.TagValue;
import org.vmsseaman.api.tagstore.SubscriberStats;
import org.vmsseaman.benchmarks.HistorianBench.ProcCpu;
import org.vmsseaman.historian.internal.HistorianImpl;
import org.vmsseaman.historian.internal.HistorianSettings;
import org.vmsseaman.tagstore.internal.TagStoreImpl;

/**
 * Historian ingest, measured against DuckDB's raw appender in the same run (issue 3, performance). A plain
 * main, not JMH: the runs are long steady states with their own clocks. Every phase works on a new database
 * file in one temporary folder, with the historian's schema and default settings (commit every 1000 ms or
 * at 500,000 waiting samples, buffer 2,000,000).
 *
 * <ol>
 *   <li><b>(a) raw appender</b>, the physical limit: {@code --rows} rows (tag_key cycling over {@code --tags}
 *       keys, ts rising, a distinct num, bool NULL, quality 0) appended to {@code samples} with
 *       {@link DuckDBAppender} on one connection, one explicit transaction per ~1 s of rows (new appender,
 *       flush, COMMIT), tags inserted row by row first, exactly as the historian's writer does. Nothing
 *       else runs.
 *   <li><b>(b) historian backfill</b>: the same rows published to a {@link TagStoreImpl} (20,000 DOUBLE tags,
 *       deadband 0, every value new, so every update is stored) as {@link TagValue}s in batches of 1,000, as
 *       fast as the historian takes them: the publisher only pauses while the historian's subscription holds
 *       more than 1,000,000 undelivered updates, so nothing is dropped. Measured: first publish until
 *       {@code stats().stored()} reached the row count, i.e. the whole public path: building the values and
 *       {@code publish} (publisher thread), the tag store's delivery and the recording policy (delivery
 *       thread), key lookup and the appender (writer thread), all sharing the machine's cores.
 *   <li><b>(c) full pipeline</b>: a producer publishes 20,000 DOUBLE tags simulator-style (one device batch of
 *       {@code --batch} tags after the other, every value changed) at {@code --rate} updates/s for {@code
 *       --warmup} + {@code --seconds} s; rates are measured over the last {@code --seconds}. The historian is
 *       polled ({@code stats()}) every 200 ms for the commit times, backlog and losses.
 *   <li><b>(d) CPU</b>: the same at {@code --cpu-rate} for {@code --cpu-seconds}, polled once a second; the
 *       historian's CPU is the thread CPU time of {@code vmsseaman-historian-*} and the tag store's delivery
 *       thread {@code vmsseaman-tagstore-historian}; DuckDB's native worker threads (not Java threads) and
 *       the rest of the process are shown next to it.
 * </ol>
 *
 * <p>(a) and (b) run {@code --repeats} times alternately after an untimed warm-up of half the rows (with a
 * tenth, the JIT still compiled during the first timed (b) run, which came out 20-35 % below the later ones);
 * medians are reported. The run exits with status 1 if any update was dropped or lost, or if a file does
 * not hold exactly the samples published.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar org.vmsseaman.benchmarks.HistorianIngestBenchmark
 * [--seconds 60] [--rate 500000] ...} ({@code --help} lists the options).
 */
public final class HistorianIngestBenchmark {

    private static final int BACKFILL_BATCH = 1_000;
    private static final long BACKFILL_WINDOW = 1_000_000;
    private static final long BACKFILL_CHECK_EVERY = 100_000;
    private static final long RAW_TRANSACTION_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long DRAIN_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(120);
    private static final String HISTORIAN_SUBSCRIPTION = "historian";

    private final int tags;
    private final Path dir;
    private final List<String> failures = new ArrayList<>();
    private int fileNo;
    private final List<Double> registrations = new ArrayList<>();

    private HistorianIngestBenchmark(int tags, Path dir) {
        this.tags = tags;
        this.dir = dir;
    }

    public static void main(String[] args) throws Exception {
        HistorianBench.quietLogging();
        HistorianBench.Options o = new HistorianBench.Options(
                args,
                "HistorianIngestBenchmark: (a) raw appender, (b) historian backfill, (c) pipeline, (d) CPU",
                "rows",
                "10000000",
                "rows per (a)/(b) run",
                "repeats",
                "3",
                "runs of (a) and (b) each",
                "tags",
                "20000",
                "tags",
                "rate",
                "500000",
                "(c) target updates/s",
                "seconds",
                "60",
                "(c) measured seconds",
                "warmup",
                "5",
                "(c)/(d) seconds before measuring",
                "batch",
                "1000",
                "(c)/(d) updates per publish (one simulated device)",
                "cpu-rate",
                "100000",
                "(d) updates/s",
                "cpu-seconds",
                "30",
                "(d) measured seconds",
                "phases",
                "abcd",
                "phases to run",
                "dir",
                "",
                "folder for the files (default: a new temp folder)",
                "keep",
                "false",
                "keep the database files");
        HistorianIngestBenchmark bench =
                new HistorianIngestBenchmark((int) o.number("tags"), HistorianBench.workDir(o.text("dir")));
        String phases = o.text("phases");
        System.out.printf(
                "Historian ingest benchmark: %d tags, files in %s, %d cores, load average %.2f, Java %s, %s%n",
                bench.tags,
                bench.dir,
                Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage(),
                System.getProperty("java.version"),
                System.getProperty("os.arch"));
        List<String> summary = new ArrayList<>();
        if (phases.contains("a") || phases.contains("b")) {
            bench.rawVersusBackfill(o.number("rows"), (int) o.number("repeats"), phases, summary);
        }
        if (phases.contains("c")) {
            Pipeline p = bench.pipeline(
                    "(c) pipeline",
                    o.number("rate"),
                    (int) o.number("batch"),
                    o.number("warmup"),
                    o.number("seconds"),
                    200);
            summary.add(String.format(
                    "(c) pipeline, target %,d/s for %d s | published %,.0f/s | committed %,.0f/s | max commit"
                            + " interval %d ms | max backlog %,d | max tag store lag %,d | lost %d, dropped %d"
                            + " | targets: %,d/s sustained (committed >= 99 %% of it: the window may end with up to a"
                            + " second's backlog) %s, 0 lost %s, commit at least every 1 s %s",
                    o.number("rate"),
                    o.number("seconds"),
                    p.publishRate,
                    p.committedRate,
                    p.maxCommitGapMillis,
                    p.maxBacklog,
                    p.maxLag,
                    p.lost,
                    p.dropped,
                    o.number("rate"),
                    metOrMissed(p.committedRate >= 0.99 * o.number("rate") && p.publishRate >= 0.99 * o.number("rate")),
                    metOrMissed(p.ok()),
                    metOrMissed(p.maxCommitGapMillis <= 1000)));
        }
        if (phases.contains("d")) {
            Pipeline p = bench.pipeline(
                    "(d) CPU",
                    o.number("cpu-rate"),
                    (int) o.number("batch"),
                    o.number("warmup"),
                    o.number("cpu-seconds"),
                    1000);
            summary.add(String.format(
                    "(d) CPU at %,.0f committed/s (%d s) | historian Java threads %.1f %% of one core | + DuckDB"
                            + " native threads %.1f %% | whole process without producer and monitor %.1f %% |"
                            + " target <= 15 %%: %s",
                    p.committedRate,
                    o.number("cpu-seconds"),
                    p.historianCpuPercent,
                    p.historianCpuPercent + p.duckdbCpuPercent,
                    p.processCpuPercent,
                    p.historianCpuPercent <= 15 ? "MET (Java threads)" : "MISSED (Java threads)"));
        }
        System.out.printf(
                "%n==== Summary (load average now %.2f) ====%n",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage());
        summary.forEach(System.out::println);
        if (!bench.registrations.isEmpty()) {
            System.out.printf(
                    "one-off, untimed above: the historian's first commit with %,d new tags (one value each) took %s s%n",
                    bench.tags,
                    bench.registrations.stream()
                            .map(d -> String.format("%.2f", d))
                            .collect(java.util.stream.Collectors.joining(", ")));
        }
        if (!Boolean.parseBoolean(o.text("keep"))) {
            for (int i = 1; i <= bench.fileNo; i++) {
                HistorianBench.deleteDatabase(bench.file(i));
            }
        }
        if (!bench.failures.isEmpty()) {
            System.out.println("\nRESULT INVALID:");
            bench.failures.forEach(f -> System.out.println("  " + f));
            System.exit(1);
        }
    }

    private Path newFile() {
        return file(++fileNo);
    }

    private Path file(int n) {
        return dir.resolve("bench-" + n + ".duckdb");
    }

    // ---------------------------------------------------------------- (a) and (b)

    private void rawVersusBackfill(long rows, int repeats, String phases, List<String> summary) throws Exception {
        boolean raw = phases.contains("a");
        boolean backfill = phases.contains("b");
        long warmup = rows / 2;
        System.out.printf("%n-- warm-up: %,d rows each (not counted)%n", warmup);
        if (raw) {
            rawAppender(warmup);
        }
        if (backfill) {
            historianBackfill(warmup);
        }
        double[] rawRates = new double[repeats];
        double[] backfillRates = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            System.out.printf("%n-- run %d of %d: %,d rows%n", r + 1, repeats, rows);
            if (raw) {
                rawRates[r] = rawAppender(rows);
            }
            if (backfill) {
                backfillRates[r] = historianBackfill(rows);
            }
        }
        if (raw) {
            summary.add(String.format(
                    "(a) raw appender     | runs %s rows/s | median %,.0f rows/s",
                    rates(rawRates), HistorianBench.median(rawRates)));
        }
        if (backfill) {
            summary.add(String.format(
                    "(b) historian backfill | runs %s rows/s | median %,.0f rows/s",
                    rates(backfillRates), HistorianBench.median(backfillRates)));
        }
        if (raw && backfill) {
            double[] ratios = new double[repeats];
            for (int r = 0; r < repeats; r++) {
                ratios[r] = backfillRates[r] / rawRates[r];
            }
            double ratio = HistorianBench.median(backfillRates) / HistorianBench.median(rawRates);
            summary.add(String.format(
                    "(b)/(a) ratio of medians %.1f %% (per run: %s) | target >= 80 %%: %s",
                    100 * ratio, percents(ratios), ratio >= 0.8 ? "MET" : "MISSED"));
        }
    }

    /** The row {@code i} of (a) and (b): its time; tag {@code i % tags}, value {@code i}. */
    private static long rowTime(long t0, long i, int tags) {
        return t0 + (i / tags) * 1_000_000L + (i % tags);
    }

    private long backfillStart(long rows) {
        return (TagValue.nowMicros() / 1_000_000L - rows / tags - 10) * 1_000_000L;
    }

    /** (a): rows/s of the bare appender, committed once per ~1 s of rows. */
    private double rawAppender(long rows) throws Exception {
        Path file = newFile();
        HistorianBench.createHistorianSchema(file);
        long t0 = backfillStart(rows);
        long start;
        long end;
        int commits = 0;
        try (DuckDBConnection conn = HistorianBench.connect(file);
                Statement st = conn.createStatement()) {
            // the tag dictionary first, untimed (as in (b), where the tags are registered before timing)
            try (DuckDBAppender appender = conn.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "tags")) {
                for (int t = 0; t < tags; t++) {
                    appender.beginRow().append(t + 1).append("bench.t" + t).endRow();
                }
            }
            start = System.nanoTime();
            long i = 0;
            while (i < rows) {
                st.execute("BEGIN TRANSACTION");
                long batchStart = System.nanoTime();
                try (DuckDBAppender appender = conn.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "samples")) {
                    do {
                        long until = Math.min(rows, i + 4096);
                        for (; i < until; i++) {
                            appender.beginRow()
                                    .append((int) (i % tags) + 1)
                                    .append(rowTime(t0, i, tags))
                                    .append((double) i)
                                    .appendNull()
                                    .append((short) 0)
                                    .endRow();
                        }
                    } while (i < rows && System.nanoTime() - batchStart < RAW_TRANSACTION_NANOS);
                    appender.flush();
                }
                st.execute("COMMIT");
                commits++;
            }
            end = System.nanoTime();
        }
        double rate = rows / ((end - start) / 1e9);
        long count = HistorianBench.countSamples(file);
        check(count == rows, "(a) file holds %d rows, expected %d", count, rows);
        System.out.printf(
                "(a) raw appender:       %,12.0f rows/s (%,d rows in %.2f s, %d commits of ~%,d rows)%n",
                rate, rows, (end - start) / 1e9, commits, rows / Math.max(1, commits));
        HistorianBench.deleteDatabase(file);
        return rate;
    }

    /** (b): rows/s through the tag store and the historian, first publish until all committed. */
    private double historianBackfill(long rows) throws Exception {
        Path file = newFile();
        TagStoreImpl store = new TagStoreImpl();
        store.define(HistorianBench.doubleTags("bench.t", tags));
        String[] ids = new String[tags];
        for (int t = 0; t < tags; t++) {
            ids[t] = "bench.t" + t;
        }
        HistorianImpl historian =
                HistorianBench.onOpenerThread(() -> new HistorianImpl(store, file, HistorianSettings.DEFAULTS));
        long t0 = backfillStart(rows);
        registerTags(store, historian, ids, t0 - 1_000_000L, "(b)");
        Cpu cpu = Cpu.start();
        long start = System.nanoTime();
        long rejected = 0;
        long waits = 0;
        long nextCheck = BACKFILL_CHECK_EVERY;
        for (long i = 0; i < rows; ) {
            int n = (int) Math.min(BACKFILL_BATCH, rows - i);
            TagValue[] batch = new TagValue[n];
            for (int k = 0; k < n; k++, i++) {
                long ts = rowTime(t0, i, tags);
                batch[k] = new TagValue(ids[(int) (i % tags)], (double) i, Quality.GOOD, ts, ts, null);
            }
            rejected += n - store.publish(Arrays.asList(batch));
            if (i >= nextCheck) {
                nextCheck = i + BACKFILL_CHECK_EVERY;
                while (subscription(store).lag() > BACKFILL_WINDOW) {
                    waits++;
                    // stats() walks all 20,000 tags: polled every 1 ms it took ~1/3 of the publisher's thread
                    // (JFR), CPU the measured pipeline needs on two cores; the window holds ~2 s of updates
                    LockSupport.parkNanos(10_000_000);
                }
            }
        }
        long published = System.nanoTime();
        HistorianStats stats = historian.stats();
        while (stats.stored() < tags + rows && System.nanoTime() - published < DRAIN_TIMEOUT_NANOS) {
            LockSupport.parkNanos(2_000_000);
            stats = historian.stats();
        }
        long end = System.nanoTime();
        double seconds = (end - start) / 1e9;
        SubscriberStats sub = subscription(store);
        cpu.stop(seconds);
        historian.close();
        store.close();
        double rate = rows / seconds;
        System.out.printf(
                "(b) historian backfill: %,12.0f rows/s (%,d rows in %.2f s; publishing took %.2f s, %d pauses for"
                        + " the 1M window; lost %d, dropped %d)%n",
                rate, rows, seconds, (published - start) / 1e9, waits, stats.lost(), sub.dropped());
        cpu.print("    ");
        check(rejected == 0, "(b) the tag store rejected %d updates", rejected);
        check(stats.lost() == 0 && sub.dropped() == 0, "(b) lost %d, dropped %d", stats.lost(), sub.dropped());
        check(stats.stored() == tags + rows, "(b) stored %d of %d rows", stats.stored() - tags, rows);
        long count = HistorianBench.countSamples(file) - tags;
        check(count == rows, "(b) file holds %d rows, expected %d", count, rows);
        HistorianBench.deleteDatabase(file);
        return rate;
    }

    /**
     * Publishes one value (-1) of every tag and waits until the historian committed them, so that the timed
     * part does not include the one-off insertion of the tag dictionary (which the historian does row by row
     * in its first commit; how long that took is printed).
     */
    private void registerTags(TagStoreImpl store, HistorianImpl historian, String[] ids, long time, String label) {
        long start = System.nanoTime();
        for (int from = 0; from < ids.length; from += BACKFILL_BATCH) {
            int n = Math.min(BACKFILL_BATCH, ids.length - from);
            TagValue[] batch = new TagValue[n];
            for (int k = 0; k < n; k++) {
                batch[k] = TagValue.good(ids[from + k], -1.0, time);
            }
            store.publish(Arrays.asList(batch));
        }
        while (historian.stats().stored() < ids.length && System.nanoTime() - start < DRAIN_TIMEOUT_NANOS) {
            LockSupport.parkNanos(2_000_000);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        registrations.add(seconds);
        System.out.printf(
                "%s registering %,d tags (one value each, the historian's first commit, untimed) took %.2f s%n",
                label, ids.length, seconds);
    }

    // ---------------------------------------------------------------- (c) and (d)

    /** Publishes one simulated device's batch after the other at a fixed rate. */
    private static final class Producer implements Runnable {
        private final TagStoreImpl store;
        private final String[] ids;
        private final int batch;
        private final double rate;
        private volatile boolean stop;
        private volatile long published;
        private volatile long rejected;

        Producer(TagStoreImpl store, String[] ids, int batch, double rate) {
            this.store = store;
            this.ids = ids;
            this.batch = batch;
            this.rate = rate;
        }

        @Override
        public void run() {
            long start = System.nanoTime();
            long count = 0;
            long tick = 0;
            int from = 0;
            while (!stop) {
                long due = (long) ((System.nanoTime() - start) * rate / 1e9);
                while (count < due && !stop) {
                    int n = Math.min(batch, ids.length - from);
                    long now = TagValue.nowMicros();
                    TagValue[] values = new TagValue[n];
                    for (int k = 0; k < n; k++) {
                        int tag = from + k;
                        values[k] = TagValue.good(ids[tag], tag * 0.5 + tick * 0.001, now);
                    }
                    int accepted = store.publish(Arrays.asList(values));
                    if (accepted != n) {
                        rejected += n - accepted;
                    }
                    count += n;
                    published = count;
                    from += n;
                    if (from == ids.length) {
                        from = 0;
                        tick++;
                    }
                }
                LockSupport.parkNanos(200_000);
            }
        }
    }

    /** What a pipeline run measured. */
    private static final class Pipeline {
        double publishRate;
        double committedRate;
        long maxCommitGapMillis;
        long maxBacklog;
        long maxLag;
        long lost;
        long dropped;
        boolean complete;
        double historianCpuPercent;
        double duckdbCpuPercent;
        double processCpuPercent;

        boolean ok() {
            return lost == 0 && dropped == 0 && complete;
        }
    }

    private Pipeline pipeline(String label, long rate, int batch, long warmupSeconds, long seconds, long pollMillis)
            throws Exception {
        System.out.printf(
                "%n-- %s: %,d updates/s on %d tags in batches of %d, %d s warm-up + %d s measured%n",
                label, rate, tags, batch, warmupSeconds, seconds);
        Path file = newFile();
        TagStoreImpl store = new TagStoreImpl();
        store.define(HistorianBench.doubleTags("bench.p", tags));
        String[] ids = new String[tags];
        for (int t = 0; t < tags; t++) {
            ids[t] = "bench.p" + t;
        }
        HistorianImpl historian =
                HistorianBench.onOpenerThread(() -> new HistorianImpl(store, file, HistorianSettings.DEFAULTS));
        registerTags(store, historian, ids, TagValue.nowMicros(), label);
        Producer producer = new Producer(store, ids, batch, rate);
        Thread producerThread = new Thread(producer, "bench-producer");
        Pipeline result = new Pipeline();
        Monitor monitor = new Monitor(historian, store);
        long begin = System.nanoTime();
        producerThread.start();
        long windowStart = begin + TimeUnit.SECONDS.toNanos(warmupSeconds);
        long windowEnd = windowStart + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < windowStart) {
            monitor.poll(false);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(pollMillis));
        }
        monitor.poll(false);
        long published0 = producer.published;
        long stored0 = monitor.stored;
        long t0 = System.nanoTime();
        Cpu cpu = Cpu.start();
        long nextReport = t0 + TimeUnit.SECONDS.toNanos(10);
        long lastStored = stored0;
        long lastReport = t0;
        while (System.nanoTime() < windowEnd) {
            LockSupport.parkNanos(Math.min(TimeUnit.MILLISECONDS.toNanos(pollMillis), windowEnd - System.nanoTime()));
            monitor.poll(true);
            long now = System.nanoTime();
            if (now >= nextReport) {
                System.out.printf(
                        "  t=%3.0f s: published %,d, stored %,d (%,.0f/s over the last 10 s), backlog %,d, lag %,d%n",
                        (now - t0) / 1e9,
                        producer.published,
                        monitor.stored,
                        (monitor.stored - lastStored) / ((now - lastReport) / 1e9),
                        monitor.backlog,
                        monitor.lag);
                lastStored = monitor.stored;
                lastReport = now;
                nextReport += TimeUnit.SECONDS.toNanos(10);
            }
        }
        monitor.poll(false);
        long t1 = System.nanoTime();
        long published1 = producer.published;
        long stored1 = monitor.stored;
        double window = (t1 - t0) / 1e9;
        cpu.stop(window);
        producer.stop = true;
        producerThread.join();
        long total = producer.published + tags; // + the registration values
        long drainStart = System.nanoTime();
        while (monitor.stored < total && System.nanoTime() - drainStart < DRAIN_TIMEOUT_NANOS) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            monitor.poll(false);
        }
        HistorianStats last = historian.stats();
        SubscriberStats sub = subscription(store);
        historian.close();
        store.close();
        long count = HistorianBench.countSamples(file);
        result.publishRate = (published1 - published0) / window;
        result.committedRate = (stored1 - stored0) / window;
        result.maxCommitGapMillis = monitor.maxGapMicros / 1000;
        result.maxBacklog = monitor.maxBacklog;
        result.maxLag = monitor.maxLag;
        result.lost = last.lost();
        result.dropped = sub.dropped();
        result.complete = last.stored() == total && count == total && producer.rejected == 0;
        result.historianCpuPercent = cpu.historianPercent();
        result.duckdbCpuPercent = cpu.duckdbPercent();
        result.processCpuPercent = cpu.processWithoutBenchPercent();
        System.out.printf(
                "%s: published %,.0f/s, committed %,.0f/s over %.1f s; %d commits seen, max interval between"
                        + " commits %d ms (polled every %d ms: exact unless two commits fell between polls, then an upper bound), max backlog %,d, max tag store lag"
                        + " %,d; stats() took %.1f ms on average, %.1f ms at most%n",
                label,
                result.publishRate,
                result.committedRate,
                window,
                monitor.commits,
                result.maxCommitGapMillis,
                pollMillis,
                result.maxBacklog,
                result.maxLag,
                monitor.statsNanos / 1e6 / Math.max(1, monitor.polls),
                monitor.maxStatsNanos / 1e6);
        System.out.printf(
                "  after stopping: %,d published in total, %,d stored (drained in %.1f s), %,d rows in the file, lost"
                        + " %d, dropped %d, rejected %d, file %,d bytes (%.1f B/sample)%n",
                total,
                last.stored(),
                (System.nanoTime() - drainStart) / 1e9,
                count,
                result.lost,
                result.dropped,
                producer.rejected,
                HistorianBench.fileBytes(file),
                HistorianBench.fileBytes(file) / (double) Math.max(1, count));
        cpu.print("  ");
        check(result.lost == 0 && result.dropped == 0, "%s: lost %d, dropped %d", label, result.lost, result.dropped);
        check(producer.rejected == 0, "%s: the tag store rejected %d updates", label, producer.rejected);
        check(last.stored() == total, "%s: stored %d of %d published", label, last.stored(), total);
        check(count == total, "%s: the file holds %d rows of %d published", label, count, total);
        HistorianBench.deleteDatabase(file);
        return result;
    }

    /** Polls the historian's and the tag store's statistics; main thread only. */
    private static final class Monitor {
        private final HistorianImpl historian;
        private final TagStoreImpl store;
        long stored;
        long backlog;
        long lag;
        long maxBacklog;
        long maxLag;
        long lastCommit;
        long maxGapMicros;
        long commits;
        long polls;
        long statsNanos;
        long maxStatsNanos;

        Monitor(HistorianImpl historian, TagStoreImpl store) {
            this.historian = historian;
            this.store = store;
        }

        /** One poll; {@code measuring}: commit gaps count toward the maximum. */
        void poll(boolean measuring) {
            long s = System.nanoTime();
            HistorianStats stats = historian.stats();
            long took = System.nanoTime() - s;
            statsNanos += took;
            maxStatsNanos = Math.max(maxStatsNanos, took);
            polls++;
            lag = subscription(store).lag();
            stored = stats.stored();
            backlog = stats.backlog();
            maxBacklog = Math.max(maxBacklog, backlog);
            maxLag = Math.max(maxLag, lag);
            if (stats.lastCommitTime() != lastCommit) {
                if (lastCommit != 0 && measuring) {
                    maxGapMicros = Math.max(maxGapMicros, stats.lastCommitTime() - lastCommit);
                    commits++;
                }
                lastCommit = stats.lastCommitTime();
            }
        }
    }

    private static SubscriberStats subscription(TagStoreImpl store) {
        for (SubscriberStats s : store.stats().subscribers()) {
            if (s.name().equals(HISTORIAN_SUBSCRIPTION)) {
                return s;
            }
        }
        throw new IllegalStateException("no historian subscription in the tag store");
    }

    /** CPU used during a window: Java threads by name, OS threads by name, the whole process. */
    private static final class Cpu {
        private Map<String, Long> java0;
        private Map<String, Long> proc0;
        private long process0;
        private List<Map.Entry<String, Long>> java;
        private List<Map.Entry<String, Long>> proc;
        private long process;
        private double seconds;

        static Cpu start() {
            Cpu c = new Cpu();
            c.java0 = HistorianBench.javaThreadCpu();
            c.proc0 = ProcCpu.snapshot();
            c.process0 = HistorianBench.processCpu();
            return c;
        }

        void stop(double windowSeconds) {
            java = HistorianBench.delta(java0, HistorianBench.javaThreadCpu());
            proc = HistorianBench.delta(proc0, ProcCpu.snapshot());
            process = HistorianBench.processCpu() - process0;
            seconds = windowSeconds;
        }

        private double percent(long nanos) {
            return 100.0 * nanos / 1e9 / seconds;
        }

        private static boolean historianThread(String name) {
            return name.startsWith("vmsseaman-historian-") || name.equals("vmsseaman-tagstore-historian");
        }

        /** The historian's Java threads: writer and the tag store's delivery thread for it. */
        double historianPercent() {
            return percent(java.stream()
                    .filter(e -> historianThread(e.getKey()))
                    .mapToLong(Map.Entry::getValue)
                    .sum());
        }

        /** DuckDB's native worker threads (named after the thread that opened the database). */
        double duckdbPercent() {
            return percent(proc.stream()
                    .filter(e -> e.getKey().equals(HistorianBench.OPENER_THREAD))
                    .mapToLong(Map.Entry::getValue)
                    .sum());
        }

        /** The whole process without the benchmark's producer and its monitoring (main) thread. */
        double processWithoutBenchPercent() {
            long bench = java.stream()
                    .filter(e ->
                            e.getKey().equals("bench-producer") || e.getKey().equals("main"))
                    .mapToLong(Map.Entry::getValue)
                    .sum();
            return percent(process - bench);
        }

        void print(String indent) {
            StringBuilder j = new StringBuilder();
            for (var e : java) {
                if (percent(e.getValue()) >= 0.1) {
                    j.append(String.format("%s %.1f%%, ", e.getKey(), percent(e.getValue())));
                }
            }
            StringBuilder p = new StringBuilder();
            for (var e : proc) {
                if (percent(e.getValue()) >= 0.1) {
                    p.append(String.format("%s %.1f%%, ", e.getKey(), percent(e.getValue())));
                }
            }
            System.out.printf(
                    "%sCPU over %.1f s, %% of one core: process %.1f%%; historian Java threads %.1f%%; DuckDB native"
                            + " threads %.1f%%%n%s  Java threads: %s%n%s  OS threads (/proc, 10 ms ticks): %s%n",
                    indent, seconds, percent(process), historianPercent(), duckdbPercent(), indent, j, indent, p);
        }
    }

    private void check(boolean ok, String format, Object... args) {
        if (!ok) {
            String message = String.format(format, args);
            failures.add(message);
            System.out.println("!! " + message);
        }
    }

    private static String metOrMissed(boolean met) {
        return met ? "MET" : "MISSED";
    }

    private static String rates(double[] values) {
        StringBuilder b = new StringBuilder();
        for (double v : values) {
            b.append(b.length() == 0 ? "" : ", ").append(String.format("%,.0f", v));
        }
        return b.toString();
    }

    private static String percents(double[] values) {
        StringBuilder b = new StringBuilder();
        for (double v : values) {
            b.append(b.length() == 0 ? "" : ", ").append(String.format("%.1f %%", 100 * v));
        }
        return b.toString();
    }
}
