package org.vmsseaman.historian.internal;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.vmsseaman.api.historian.HistorianStats;
import org.vmsseaman.api.historian.Sample;
import org.vmsseaman.api.tag.DataType;
import org.vmsseaman.api.tag.HistorianPolicy;
import org.vmsseaman.api.tag.Quality;
import org.vmsseaman.api.tag.TagDefinition;
import org.vmsseaman.api.tag.TagValue;
import org.vmsseaman.api.tagstore.SubscriberStats;
import org.vmsseaman.tagstore.internal.TagStoreImpl;

/**
 * The child JVM of {@link CrashSafetyTest}: ingests at a steady rate into a historian on the file given
 * as the first argument until it is killed, and reports on stdout what is known to be committed.
 *
 * <p>Sample number {@code seq} (1, 2, 3, ... across all runs on the file) goes to tag {@link #tagId(long)
 * tagId(seq)} with value {@code seq} and source time {@code T0 + seq} µs. At start the child reads the
 * highest stored {@code seq} and continues after it.
 *
 * <p>Why {@code base + stats().stored()} is committed: every published sample is taken by the tag store
 * (checked: {@code publish} returns the batch size), delivered in publish order by the one lossless
 * subscription (checked: no gap, no failed delivery), and stored by the policy (deadband 0 and each
 * tag's values only grow, so every value is a change). The recorder appends the samples to the writer's
 * pending buffer in delivery order, the one writer thread always commits a prefix of that buffer (a
 * failed batch is retried in front of the newer samples), and {@code stored} grows only after COMMIT
 * returned. So when {@code stored() == n}, exactly the first {@code n} samples published by this run,
 * {@code base + 1 .. base + n}, are committed.
 *
 * <p>An optional second argument sets DuckDB's {@code checkpoint_threshold} (e.g. {@code 256KB}) so that
 * automatic checkpoints, which DuckDB runs inside a COMMIT once the WAL exceeds it (16 MB by default),
 * happen every second or so and are killed too, not only WAL appends.
 *
 * <p>Output lines: {@code START <base>}, then {@code COMMITTED <seq>} whenever that number grew, or
 * {@code ERROR <reason>} (exit code 2) if the reasoning above no longer holds.
 */
public final class CrashChild {

    /** Tags written to. */
    public static final int TAGS = 100;
    /** A fixed source time base: 2025-01-01T00:00:00Z in µs. */
    public static final long T0 = 1_735_689_600_000_000L;
    /** Samples per publish call, one per tag. */
    static final int BATCH = TAGS;
    /** Time between publish calls. */
    static final long PERIOD_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    /**
     * The historian's maintenance interval: the samples' time (2025) is long past, so every pass compacts what
     * was committed since the last one (a late chunk: rollups recomputed) and merges it into its day, and
     * kills also hit compaction and the day merge.
     */
    static final long MAINTENANCE_INTERVAL_MILLIS = 300;
    /** The historian's commit interval (the smallest it takes). */
    static final long COMMIT_INTERVAL_MILLIS = 50;

    private CrashChild() {}

    /** The tag of sample {@code seq}. */
    public static String tagId(long seq) {
        return "crash.t" + (seq % TAGS);
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        PrintStream out = new PrintStream(
                new java.io.FileOutputStream(java.io.FileDescriptor.out), false, StandardCharsets.US_ASCII);
        TagStoreImpl tagStore = new TagStoreImpl();
        HistorianPolicy everyChange = new HistorianPolicy(true, 0.0, Duration.ofHours(1));
        List<TagDefinition> definitions = new ArrayList<>();
        for (int i = 0; i < TAGS; i++) {
            definitions.add(new TagDefinition(
                    tagId(i), null, null, "crash", DataType.DOUBLE, null, null, null, false, everyChange, null, null));
        }
        tagStore.define(definitions);
        HistorianImpl historian = new HistorianImpl(
                tagStore,
                file,
                new HistorianSettings(COMMIT_INTERVAL_MILLIS, 1_000_000)
                        .withMaintenanceInterval(MAINTENANCE_INTERVAL_MILLIS));
        if (args.length > 1) {
            try (Connection c = historian.database().connect();
                    Statement st = c.createStatement()) {
                st.execute("SET GLOBAL checkpoint_threshold = '" + args[1] + "'");
            }
        }
        long base = highestStored(historian);
        out.println("START " + base);
        out.flush();

        long next = base + 1; // the next sample to publish
        long reported = base;
        long deadline = System.nanoTime();
        List<TagValue> batch = new ArrayList<>(BATCH);
        while (true) {
            batch.clear();
            for (int i = 0; i < BATCH; i++, next++) {
                batch.add(new TagValue(tagId(next), (double) next, Quality.GOOD, T0 + next, T0 + next, null));
            }
            int taken = tagStore.publish(batch);
            if (taken != batch.size()) {
                fail(out, "the tag store took " + taken + " of " + batch.size() + " updates");
            }
            HistorianStats stats = historian.stats();
            if (stats.lost() != 0) {
                fail(out, "the historian lost " + stats.lost() + " updates");
            }
            for (SubscriberStats s : tagStore.stats().subscribers()) {
                if (s.dropped() != 0 || s.failures() != 0) {
                    fail(out, "subscription " + s);
                }
            }
            long committed = base + stats.stored();
            if (committed > reported) {
                reported = committed;
                out.println("COMMITTED " + committed);
                out.flush();
            }
            deadline += PERIOD_NANOS;
            long wait = deadline - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            } else {
                deadline = System.nanoTime(); // fell behind: no burst to catch up
            }
        }
    }

    /** The highest sample number stored so far, 0 for a new file. */
    private static long highestStored(HistorianImpl historian) {
        long highest = 0;
        Instant until = Instant.parse("2100-01-01T00:00:00Z");
        for (int i = 0; i < TAGS; i++) {
            for (Sample s : historian.raw(tagId(i), Instant.EPOCH, until, 1, true)) {
                highest = Math.max(highest, (long) ((Number) s.value()).doubleValue());
            }
        }
        return highest;
    }

    private static void fail(PrintStream out, String reason) {
        out.println("ERROR " + reason);
        out.flush();
        System.exit(2);
    }
}
