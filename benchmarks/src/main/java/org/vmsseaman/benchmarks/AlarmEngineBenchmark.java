package org.vmsseaman.benchmarks;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.ToDoubleFunction;
import org.vmsseaman.api.tag.TagValue;
import org.vmsseaman.benchmarks.AlarmRig.Feed;

/**
 * The alarm engine (issue: 20,000 alarm definitions at 100,000 value updates per second; targets p99
 * value-update-to-alarm-event latency under 1 ms and at least 1,000,000 evaluations per second). A plain
 * main, not JMH: the runs are steady states with their own clocks. The vessel and its updates are
 * described in {@link AlarmBenchProject} and {@link AlarmUpdates}; every run starts a new
 * {@code AlarmServiceImpl} (default settings, the real file journal in a temporary folder, a timing
 * listener) on a new tag store, for each feed of {@code --feeds}:
 *
 * <ul>
 *   <li>{@code direct}: a stand-in tag store that calls the alarm service's feed on the publishing thread
 *       ({@link DirectTagStore}): the engine alone, with its lock, journal hand-over and listener
 *       dispatch, without the tag store's buffer and delivery thread;
 *   <li>{@code tagstore}: the real {@code TagStoreImpl} with its defaults, as in the runtime (the alarm
 *       subscription asks for immediate delivery, without the store's 1 ms linger).
 * </ul>
 *
 * <ol>
 *   <li><b>(t) throughput</b>: {@code --updates} updates in batches of {@code --batch}, as fast as the
 *       engine takes them. Direct: batches are made in chunks of 10,000 updates (small enough to leave the engine its cache), untimed, and only the
 *       publish calls (= the engine) are timed. Tag store: one thread makes and publishes the batches,
 *       pausing while more than 200,000 updates wait for the engine, timed from the first publish until
 *       the engine has evaluated the last update. An evaluation is one alarm definition evaluated
 *       against one update (a deviation alarm also on an update of its reference tag); the engine's
 *       automatic sensor-fault alarm per tag is not counted as one.
 *   <li><b>(l) latency</b>: one thread publishes a batch of {@code --batch} updates every {@code batch /
 *       rate} s on an absolute schedule (a late batch goes at once, none is skipped) for {@code
 *       --warmup} + {@code --seconds} s. Every update that crosses a limit ({@code 1/--cross-every} of
 *       them) is timed from just before its {@code publish} call to (a) the engine's hand-over of its
 *       event to the journal and (b) the listener call, (b) being the figure of the target. Also timed:
 *       the tag store hop (publish to the start of the engine's {@code onBatch}), the engine's time per
 *       {@code onBatch}, the hand-over to the listener, and how late the publisher itself wakes up after
 *       its due time, which involves no alarm code and shows the machine's scheduling noise.
 *       Percentiles over the crossings published in the last {@code --seconds}; CPU and GC over the same
 *       window.
 * </ol>
 *
 * <p>Each phase first runs every feed once untimed (warm-up), then {@code --repeats} runs per feed,
 * alternating; the summary gives medians of the runs. The run exits with status 1 if an update was
 * rejected or an alarm event is missing, extra or untraceable.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar org.vmsseaman.benchmarks.AlarmEngineBenchmark
 * [--seconds 20] [--feeds direct,tagstore] ...} ({@code --help} lists the options).
 */
public final class AlarmEngineBenchmark {

    private static final int CHUNK = 10_000;
    private static final long WINDOW = 200_000;
    private static final long DRAIN_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(30);
    private static final long EVALUATION_TARGET = 1_000_000;
    private static final double P99_TARGET_MICROS = 1_000;

    private final AlarmBenchProject project;
    private final Path dir;
    private final int batch;
    private final long crossEvery;
    private final double rate;
    private final List<String> failures = new ArrayList<>();
    private int rigs;

    private AlarmEngineBenchmark(AlarmBenchProject project, Path dir, int batch, long crossEvery, double rate) {
        this.project = project;
        this.dir = dir;
        this.batch = batch;
        this.crossEvery = crossEvery;
        this.rate = rate;
    }

    public static void main(String[] args) throws Exception {
        HistorianBench.quietLogging();
        HistorianBench.Options o = new HistorianBench.Options(
                args,
                "AlarmEngineBenchmark: (t) evaluation throughput, (l) update-to-alarm-event latency",
                "alarms",
                "20000",
                "alarm definitions",
                "phases",
                "tl",
                "phases to run",
                "feeds",
                "direct,tagstore",
                "feeds to run each phase with: direct, tagstore",
                "repeats",
                "5",
                "measured runs per phase and feed",
                "batch",
                "100",
                "updates per publish",
                "cross-every",
                "300",
                "one update in this many crosses a limit",
                "updates",
                "5000000",
                "(t) updates per run",
                "rate",
                "100000",
                "(l) updates/s",
                "seconds",
                "20",
                "(l) measured seconds per run",
                "warmup",
                "3",
                "(l) seconds per run before measuring",
                "dir",
                "",
                "folder for the journals (default: a new temp folder)");
        boolean ownDir = o.text("dir").isBlank();
        Path dir = ownDir ? Files.createTempDirectory("vmsseaman-alarm-bench") : HistorianBench.workDir(o.text("dir"));
        AlarmBenchProject project = new AlarmBenchProject((int) o.number("alarms"));
        AlarmEngineBenchmark bench = new AlarmEngineBenchmark(
                project, dir, (int) o.number("batch"), o.number("cross-every"), o.number("rate"));
        List<Feed> feeds = new ArrayList<>();
        for (String f : o.text("feeds").split(",")) {
            feeds.add(Feed.of(f));
        }
        int repeats = (int) o.number("repeats");
        System.out.printf(
                "Alarm engine benchmark: %d cores, load average %.2f, Java %s, %s, GC %s, max heap %,d MB%n%s%n"
                        + "one update in %d crosses a limit; journals in %s%n",
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                System.getProperty("java.version"),
                System.getProperty("os.arch"),
                ManagementFactory.getGarbageCollectorMXBeans().get(0).getName(),
                Runtime.getRuntime().maxMemory() >> 20,
                project.describe(),
                bench.crossEvery,
                dir);
        List<String> summary = new ArrayList<>();
        if (o.text("phases").contains("t")) {
            bench.throughputPhase(feeds, repeats, o.number("updates"), summary);
        }
        if (o.text("phases").contains("l")) {
            bench.latencyPhase(feeds, repeats, o.number("warmup"), o.number("seconds"), summary);
        }
        System.out.printf(
                "%n==== Summary: medians of %d runs (load average now %.2f) ====%n",
                repeats, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        summary.forEach(System.out::println);
        if (ownDir) {
            Files.deleteIfExists(dir); // each run deleted its journal already
        }
        if (!bench.failures.isEmpty()) {
            System.out.println("\nRESULT INVALID:");
            bench.failures.forEach(f -> System.out.println("  " + f));
            System.exit(1);
        }
    }

    /**
     * A new alarm service, followed by a full collection: the previous run's garbage and the new engine's
     * long-lived state are then not copied by the young collections of the timed part.
     */
    private AlarmRig rig(Feed feed) {
        AlarmRig rig = new AlarmRig(feed, project, crossEvery, rate, dir.resolve("journal-" + ++rigs));
        System.gc();
        return rig;
    }

    // ---------------------------------------------------------------- (t) throughput

    /** What one throughput run measured. */
    private record Throughput(double updatesPerSecond, double evaluationsPerSecond, double pointsPerSecond) {}

    private void throughputPhase(List<Feed> feeds, int repeats, long updates, List<String> summary) throws Exception {
        System.out.printf("%n-- (t) throughput: warm-up, %,d updates per feed (not counted)%n", updates / 5);
        for (Feed feed : feeds) {
            throughput(feed, updates / 5);
        }
        List<List<Throughput>> runs = new ArrayList<>();
        feeds.forEach(f -> runs.add(new ArrayList<>()));
        for (int r = 0; r < repeats; r++) {
            System.out.printf("%n-- (t) run %d of %d: %,d updates in batches of %d%n", r + 1, repeats, updates, batch);
            for (int f = 0; f < feeds.size(); f++) {
                runs.get(f).add(throughput(feeds.get(f), updates));
            }
        }
        for (int f = 0; f < feeds.size(); f++) {
            List<Throughput> t = runs.get(f);
            double evaluations = median(t, Throughput::evaluationsPerSecond);
            summary.add(String.format(
                    "(t) %-40s | %,11.0f updates/s | %,12.0f evaluations/s (runs: %s) | %,12.0f incl. sensor-fault"
                            + " points | target >= %,d evaluations/s: %s",
                    feeds.get(f).label,
                    median(t, Throughput::updatesPerSecond),
                    evaluations,
                    list(t, Throughput::evaluationsPerSecond, "%,.0f"),
                    median(t, Throughput::pointsPerSecond),
                    EVALUATION_TARGET,
                    evaluations >= EVALUATION_TARGET ? "MET" : "MISSED"));
        }
    }

    private Throughput throughput(Feed feed, long updates) throws Exception {
        try (AlarmRig rig = rig(feed)) {
            ProcessUsage usage = new ProcessUsage();
            long start = System.nanoTime();
            long nanos = feed == Feed.DIRECT ? feedDirect(rig, updates) : feedTagStore(rig, updates);
            usage.stop((System.nanoTime() - start) / 1e9);
            awaitEvents(rig, rig.updates.crossings(), feed.label);
            double seconds = nanos / 1e9;
            Throughput t = new Throughput(
                    updates / seconds, rig.updates.evaluations() / seconds, rig.updates.points() / seconds);
            long[] batches = rig.store.batchNanos.sorted();
            System.out.printf(
                    "(t) %-40s %,11.0f updates/s, %,12.0f evaluations/s (%,.0f ns per update) in %.2f s; %,d alarm"
                            + " events; engine per onBatch (avg %,.0f updates): p50 %,.0f µs, p99 %,.0f µs, max %,.0f"
                            + " µs; service start %.2f s%n    %s%n",
                    feed.label,
                    t.updatesPerSecond,
                    t.evaluationsPerSecond,
                    nanos / (double) updates,
                    seconds,
                    rig.probe.listenedEvents(),
                    rig.store.batchSizes.sum() / (double) Math.max(1, rig.store.batchSizes.size()),
                    Samples.percentile(batches, 50) / 1e3,
                    Samples.percentile(batches, 99) / 1e3,
                    Samples.percentile(batches, 100) / 1e3,
                    rig.startSeconds,
                    usage.describe());
            return t;
        }
    }

    /** Feeds the engine directly, chunk by chunk; returns the nanoseconds spent in publish calls only. */
    private long feedDirect(AlarmRig rig, long updates) {
        long nanos = 0;
        List<List<TagValue>> chunk = new ArrayList<>(CHUNK / batch + 1);
        for (long done = 0; done < updates; ) {
            chunk.clear();
            for (long n = 0; n < CHUNK && done < updates; ) {
                int size = (int) Math.min(batch, updates - done);
                chunk.add(rig.updates.next(size));
                n += size;
                done += size;
            }
            long start = System.nanoTime();
            for (List<TagValue> b : chunk) {
                rig.store.publish(b);
            }
            nanos += System.nanoTime() - start;
        }
        check(rig.store.delivered() == updates, "(t) the engine got %d of %d updates", rig.store.delivered(), updates);
        return nanos;
    }

    /** Publishes as fast as the engine takes it; returns the nanoseconds from first publish to last evaluation. */
    private long feedTagStore(AlarmRig rig, long updates) {
        long start = System.nanoTime();
        long rejected = 0;
        for (long done = 0; done < updates; ) {
            int size = (int) Math.min(batch, updates - done);
            rejected += size - rig.store.publish(rig.updates.next(size));
            done += size;
            while (done - rig.store.delivered() > WINDOW) {
                LockSupport.parkNanos(50_000);
            }
        }
        while (rig.store.delivered() < updates && System.nanoTime() - start < DRAIN_TIMEOUT_NANOS) {
            LockSupport.parkNanos(20_000); // sleep, not spin: the engine's thread needs the core
        }
        long nanos = System.nanoTime() - start;
        check(rejected == 0, "(t) the tag store rejected %d updates", rejected);
        check(rig.store.delivered() == updates, "(t) the engine got %d of %d updates", rig.store.delivered(), updates);
        return nanos;
    }

    // ---------------------------------------------------------------- (l) latency

    /** Percentiles of one distribution, µs. */
    private record Dist(double p50, double p99, double p999, double max) {
        static Dist of(Samples samples) {
            long[] sorted = samples.sorted();
            return new Dist(
                    Samples.percentile(sorted, 50) / 1e3,
                    Samples.percentile(sorted, 99) / 1e3,
                    Samples.percentile(sorted, 99.9) / 1e3,
                    Samples.percentile(sorted, 100) / 1e3);
        }

        /** The median over runs of each percentile. */
        static Dist median(List<Dist> runs) {
            return new Dist(
                    AlarmEngineBenchmark.median(runs, Dist::p50),
                    AlarmEngineBenchmark.median(runs, Dist::p99),
                    AlarmEngineBenchmark.median(runs, Dist::p999),
                    AlarmEngineBenchmark.median(runs, Dist::max));
        }

        @Override
        public String toString() {
            return String.format("p50 %,.0f, p99 %,.0f, p99.9 %,.0f, max %,.0f µs", p50, p99, p999, max);
        }
    }

    /**
     * What one latency run measured: publish to listener (the figure of the target), publish to the
     * engine's journal hand-over, tag store hop (publish to onBatch), engine time per onBatch, hand-over to
     * listener, and the publisher's own wake-up lateness.
     */
    private record Latency(
            double rate,
            long events,
            Dist listener,
            Dist emitted,
            Dist hop,
            Dist batch,
            Dist notified,
            Dist wake,
            double cpuPercent,
            long gcCount,
            long gcMillis,
            double machineBusy,
            double pressure) {}

    private void latencyPhase(List<Feed> feeds, int repeats, long warmup, long seconds, List<String> summary)
            throws Exception {
        System.out.printf("%n-- (l) latency: warm-up, %d s per feed (not counted)%n", warmup + 5);
        for (Feed feed : feeds) {
            latency(feed, warmup, 5);
        }
        List<List<Latency>> runs = new ArrayList<>();
        feeds.forEach(f -> runs.add(new ArrayList<>()));
        for (int r = 0; r < repeats; r++) {
            System.out.printf(
                    "%n-- (l) run %d of %d: %,.0f updates/s in batches of %d, %d s + %d s measured%n",
                    r + 1, repeats, rate, batch, warmup, seconds);
            for (int f = 0; f < feeds.size(); f++) {
                runs.get(f).add(latency(feeds.get(f), warmup, seconds));
            }
        }
        for (int f = 0; f < feeds.size(); f++) {
            List<Latency> l = runs.get(f);
            Dist listener = Dist.median(l.stream().map(Latency::listener).toList());
            summary.add(String.format(
                    "(l) %-40s | %,.0f updates/s, %,.0f alarm events/s | publish -> listener %s (p99 of the runs: %s)"
                            + " | target p99 < 1 ms: %s%n    publish -> engine emits %s | tag store hop %s | engine per"
                            + " batch %s | emits -> listener %s | publisher wake-up late (machine noise) %s | CPU"
                            + " %.1f %% of one core | GC %.0f collections, %.0f ms per run | machine %.0f %% busy,"
                            + " CPU pressure %.0f %%",
                    feeds.get(f).label,
                    median(l, Latency::rate),
                    median(l, x -> x.events) / seconds,
                    listener,
                    list(l, x -> x.listener.p99, "%,.0f"),
                    listener.p99 < P99_TARGET_MICROS ? "MET" : "MISSED",
                    Dist.median(l.stream().map(Latency::emitted).toList()),
                    Dist.median(l.stream().map(Latency::hop).toList()),
                    Dist.median(l.stream().map(Latency::batch).toList()),
                    Dist.median(l.stream().map(Latency::notified).toList()),
                    Dist.median(l.stream().map(Latency::wake).toList()),
                    median(l, Latency::cpuPercent),
                    median(l, x -> x.gcCount),
                    median(l, x -> x.gcMillis),
                    median(l, Latency::machineBusy),
                    median(l, Latency::pressure)));
        }
    }

    private Latency latency(Feed feed, long warmupSeconds, long seconds) throws Exception {
        try (AlarmRig rig = rig(feed)) {
            long period = Math.round(batch * 1e9 / rate);
            long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(10);
            long windowStart = start + TimeUnit.SECONDS.toNanos(warmupSeconds);
            long end = windowStart + TimeUnit.SECONDS.toNanos(seconds);
            rig.probe.recordFrom(windowStart);
            rig.store.recordFrom(windowStart);
            ProcessUsage usage = null;
            long published = 0;
            long crossings = 0;
            long rejected = 0;
            Samples lateness = new Samples();
            for (long k = 0; ; k++) {
                long due = start + k * period;
                if (due >= end) {
                    break;
                }
                List<TagValue> values = rig.updates.next(batch);
                long now;
                while ((now = System.nanoTime()) < due) {
                    LockSupport.parkNanos(due - now);
                }
                if (usage == null && now >= windowStart) {
                    usage = new ProcessUsage();
                }
                long t = System.nanoTime();
                rig.updates.stamp(t);
                rejected += batch - rig.store.publish(values);
                if (t >= windowStart) {
                    published += batch;
                    crossings += rig.updates.batchCrossings();
                    lateness.add(t - due);
                }
            }
            double window = (System.nanoTime() - windowStart) / 1e9;
            usage.stop(window);
            awaitEvents(rig, rig.updates.crossings(), feed.label);
            check(rejected == 0, "(l) %s: the tag store rejected %d updates", feed.label, rejected);
            check(
                    rig.probe.listenedTimed() == crossings,
                    "(l) %s: %d events timed for %d crossings",
                    feed.label,
                    rig.probe.listenedTimed(),
                    crossings);
            Latency l = new Latency(
                    published / window,
                    rig.probe.listened.size(),
                    Dist.of(rig.probe.listened),
                    Dist.of(rig.probe.emitted),
                    Dist.of(rig.store.hopNanos),
                    Dist.of(rig.store.batchNanos),
                    Dist.of(rig.probe.notified),
                    Dist.of(lateness),
                    usage.processPercent,
                    usage.gcCount,
                    usage.gcMillis,
                    usage.load.busyPercent(),
                    usage.load.pressurePercent());
            System.out.printf(
                    "(l) %-40s %,.0f updates/s, %,d alarm events timed%n"
                            + "    publish -> listener:     %s%n"
                            + "    publish -> engine emits: %s%n"
                            + "    tag store hop:           %s (publish to onBatch of the batch's oldest update)%n"
                            + "    engine per onBatch:      %s (avg %,.0f updates)%n"
                            + "    emits -> listener:       %s%n"
                            + "    publisher wake-up late:  %s (the machine's scheduling noise)%n"
                            + "    %s%n",
                    feed.label,
                    l.rate,
                    l.events,
                    l.listener,
                    l.emitted,
                    l.hop,
                    l.batch,
                    rig.store.batchSizes.sum() / (double) Math.max(1, rig.store.batchSizes.size()),
                    l.notified,
                    l.wake,
                    usage.describe());
            return l;
        }
    }

    /** Waits until the listener got one event per crossing, and checks that it got no other. */
    private void awaitEvents(AlarmRig rig, long crossings, String label) {
        long start = System.nanoTime();
        while (rig.probe.listenedEvents() < crossings && System.nanoTime() - start < DRAIN_TIMEOUT_NANOS) {
            LockSupport.parkNanos(1_000_000);
        }
        check(
                rig.probe.listenedEvents() == crossings && rig.probe.emittedEvents() == crossings,
                "%s: %d crossings, but the engine emitted %d events and the listener got %d",
                label,
                crossings,
                rig.probe.emittedEvents(),
                rig.probe.listenedEvents());
        check(rig.probe.untraced() == 0, "%s: %d events not traced to a crossing", label, rig.probe.untraced());
    }

    // ---------------------------------------------------------------- helpers

    private void check(boolean ok, String format, Object... args) {
        if (!ok) {
            String message = String.format(format, args);
            failures.add(message);
            System.out.println("!! " + message);
        }
    }

    private static <T> double median(List<T> runs, ToDoubleFunction<T> value) {
        return HistorianBench.median(runs.stream().mapToDouble(value).toArray());
    }

    private static <T> String list(List<T> runs, ToDoubleFunction<T> value, String format) {
        StringBuilder b = new StringBuilder();
        for (T r : runs) {
            b.append(b.length() == 0 ? "" : ", ").append(String.format(format, value.applyAsDouble(r)));
        }
        return b.toString();
    }
}
