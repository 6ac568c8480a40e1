package org.vmsseaman.historian.internal;

import java.sql.SQLException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import org.duckdb.DuckDBConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vmsseaman.api.tag.TagValue;

/**
 * The maintenance thread: every interval, compaction of closed chunks, the day merge, then retention,
 * on a connection of its own. Every step is a bounded transaction, so the writer keeps committing
 * meanwhile; a failed step is rolled back and tried again on the next pass.
 */
final class Maintenance implements AutoCloseable {

    static final String THREAD_NAME = "vmsseaman-historian-maintenance";

    private static final long STOP_TIMEOUT_SECONDS = 60;

    private final Logger logger = LoggerFactory.getLogger(Maintenance.class);
    private final DuckDBConnection conn;
    private final Compactor compactor;
    private final Retention retention;
    private final ScheduledThreadPoolExecutor executor;
    private final ThrottledLog failureLog = new ThrottledLog(600);
    private volatile boolean stopping;
    private volatile long compactedUntil = Long.MIN_VALUE;
    private volatile long lastPassMillis;
    private volatile long failedPasses;

    /** @param yieldToWriter returns once the writer is not expected to start a round within the given ns */
    Maintenance(Database database, RawTotals totals, HistorianSettings settings, LongConsumer yieldToWriter)
            throws SQLException {
        this.conn = database.connect();
        this.compactor = new Compactor(
                conn,
                settings.compactionGraceMillis() * 1000,
                () -> stopping,
                until -> compactedUntil = until,
                yieldToWriter);
        this.retention = new Retention(database, conn, settings, totals);
        this.compactedUntil = Meta.get(conn, Meta.COMPACTED_UNTIL);
        this.executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, THREAD_NAME);
            t.setDaemon(true);
            return t;
        });
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        long interval = settings.maintenanceIntervalMillis();
        executor.scheduleWithFixedDelay(this::pass, interval, interval, TimeUnit.MILLISECONDS);
    }

    /** Runs a pass now on the maintenance thread and waits for it (tests, benchmarks). */
    void runNow() {
        Future<?> f = executor.submit(() -> {
            work();
            return null;
        });
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException("historian maintenance failed", e.getCause());
        }
    }

    private void pass() {
        if (stopping) {
            return;
        }
        try {
            work();
        } catch (SQLException | RuntimeException e) {
            failedPasses++;
            if (!stopping && failureLog.shouldLog()) {
                logger.warn(
                        "Historian maintenance failed, retrying on the next pass ({} failed passes so far): {}",
                        failedPasses,
                        e.toString());
            }
        }
    }

    private void work() throws SQLException {
        long start = System.nanoTime();
        long now = TagValue.nowMicros();
        // compaction first, so that samples recorded long after their time are rolled up before retention
        long moved = compactor.compactChunks(now);
        long merged = compactor.mergeDays();
        retention.run(now);
        lastPassMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        if (moved + merged > 0) {
            logger.debug(
                    "Historian maintenance: {} samples compacted, {} merged into days, in {} ms",
                    moved,
                    merged,
                    lastPassMillis);
        }
    }

    /** Rollups are complete for every minute before this time (µs); {@link Long#MIN_VALUE} if none. */
    long compactedUntil() {
        return compactedUntil;
    }

    long lastPassMillis() {
        return lastPassMillis;
    }

    long failedPasses() {
        return failedPasses;
    }

    Retention.Eviction lastEviction() {
        return retention.lastEviction();
    }

    /** Stops after the transaction in progress and closes the connection. */
    @Override
    public void close() {
        stopping = true;
        executor.shutdown();
        try {
            if (!executor.awaitTermination(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                logger.error("Historian maintenance did not stop within {} s", STOP_TIMEOUT_SECONDS);
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        Database.closeQuietly(conn);
    }
}
