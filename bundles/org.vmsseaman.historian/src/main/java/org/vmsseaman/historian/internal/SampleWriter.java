package org.vmsseaman.historian.internal;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vmsseaman.api.tag.TagValue;

/**
 * The one writer: accepted samples wait in a pending buffer; the writer thread takes them at least once
 * per commit interval (sooner when many are waiting) and writes them with the DuckDB appender in one
 * transaction. A sample counts as stored once that commit returned. A failed commit is rolled back and
 * the same samples are written again next round, so nothing is dropped while the database is stalled.
 */
final class SampleWriter implements AutoCloseable {

    static final String THREAD_NAME = "vmsseaman-historian-writer";

    private static final long STOP_TIMEOUT_MILLIS = 30_000;

    private final Logger logger = LoggerFactory.getLogger(SampleWriter.class);
    private final DuckDBConnection conn;
    private final TagKeys keys;
    private final RawTotals totals;
    private final long intervalNanos;
    private final int capacity;
    private final int wakeSize;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private final Condition room = lock.newCondition();
    private final Condition roundDone = lock.newCondition();
    private final ThrottledLog failureLog = new ThrottledLog(60);
    private final ExecutorService executor; // the one writer thread
    private SampleBuffer pending = new SampleBuffer(); // guarded by lock
    private int inFlight; // guarded by lock
    private boolean stopping; // guarded by lock
    private boolean finished; // guarded by lock
    private boolean behind; // guarded by lock: the last round was full, so what arrives next is written at once
    private long rounds; // guarded by lock
    private SampleBuffer writing = new SampleBuffer(); // writer thread only
    private final AtomicLong stored = new AtomicLong();
    private volatile long lastCommitTime;
    private volatile long nextRound; // System.nanoTime() when the next round is due
    private volatile long lastCommitMillis;
    private volatile long failedCommits;

    SampleWriter(Database database, TagKeys keys, RawTotals totals, HistorianSettings settings) throws SQLException {
        this.conn = database.connect();
        this.keys = keys;
        this.totals = totals;
        this.intervalNanos = TimeUnit.MILLISECONDS.toNanos(settings.commitIntervalMillis());
        this.capacity = settings.bufferCapacity();
        this.wakeSize = Math.max(1, capacity / 4);
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, THREAD_NAME);
            t.setDaemon(true);
            return t;
        });
        executor.execute(this::run);
    }

    /**
     * Adds samples to the pending buffer, waiting while the backlog is at its limit. If the waiting thread
     * is interrupted (the subscription is closing) or the writer is stopping, the samples are taken anyway.
     */
    void offer(SampleBuffer samples) {
        if (samples.size() == 0) {
            return;
        }
        lock.lock();
        try {
            if (finished) {
                logger.error("Historian writer already stopped: {} late samples are not recorded", samples.size());
                return;
            }
            while (!stopping && pending.size() + inFlight >= capacity) {
                try {
                    room.await(100, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            pending.addAll(samples);
            if (pending.size() >= wakeSize || behind) {
                work.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Samples accepted and not yet committed. */
    long backlog() {
        lock.lock();
        try {
            return pending.size() + (long) inFlight;
        } finally {
            lock.unlock();
        }
    }

    long stored() {
        return stored.get();
    }

    /**
     * Returns once the writer is not expected to start a round within {@code nanos}: at once if its next round
     * is due later than that, else after its next round (committed, or nothing to write), waiting at most two
     * commit intervals. Work that blocks the writer (a checkpoint) is best started then.
     */
    void awaitQuietWindow(long nanos) {
        if (nextRound - System.nanoTime() >= nanos) {
            return;
        }
        lock.lock();
        try {
            long round = rounds;
            long wait = 2 * intervalNanos;
            while (rounds == round && !finished && wait > 0) {
                wait = roundDone.awaitNanos(wait);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    long lastCommitTime() {
        return lastCommitTime;
    }

    long lastCommitMillis() {
        return lastCommitMillis;
    }

    long failedCommits() {
        return failedCommits;
    }

    private void run() {
        long deadline = System.nanoTime() + intervalNanos;
        try {
            while (true) {
                boolean last;
                lock.lock();
                try {
                    long wait;
                    while (!stopping
                            && (pending.size() == 0 || !behind)
                            && pending.size() < wakeSize
                            && (wait = deadline - System.nanoTime()) > 0) {
                        work.awaitNanos(wait);
                    }
                    last = stopping;
                    if (writing.size() == 0) {
                        SampleBuffer taken = pending;
                        pending = writing;
                        writing = taken;
                    } else {
                        writing.addAll(pending); // a failed batch is retried together with the new samples
                        pending.clear();
                    }
                    inFlight = writing.size();
                } finally {
                    lock.unlock();
                }
                // rounds start an interval apart whatever the commits take (fixed rate); after an early
                // wake (the buffer filling up) the next round is an interval from now
                deadline = Math.min(deadline, System.nanoTime()) + intervalNanos;
                nextRound = deadline;
                int batch = writing.size();
                boolean ok = batch == 0 || commit(writing);
                if (!ok) {
                    TimeUnit.NANOSECONDS.sleep(intervalNanos); // the database is stalled: retry next round
                    continue;
                }
                writing.clear();
                lock.lock();
                try {
                    // After a full round the writer is behind (a backlog, a backfill): what is waiting, or the
                    // next samples to arrive, are written at once instead of at the next deadline, so a burst
                    // ends without an idle wait of up to an interval. After a short round it waits as usual.
                    if (batch > 0) {
                        behind = batch >= wakeSize;
                    }
                    if (behind) {
                        nextRound = System.nanoTime();
                    }
                    inFlight = 0;
                    room.signalAll();
                    rounds++;
                    roundDone.signalAll();
                    if (last && pending.size() == 0) {
                        finished = true;
                        return;
                    }
                } finally {
                    lock.unlock();
                }
            }
        } catch (InterruptedException e) {
            long lost = backlog();
            if (lost > 0) {
                logger.error("Historian writer stopped with {} samples that could not be committed", lost);
            }
        }
    }

    /** Writes and commits one batch; {@code false} (after logging) if it failed and must be retried. */
    private boolean commit(SampleBuffer batch) {
        long start = System.nanoTime();
        int n = batch.size();
        Map<String, Integer> added = new HashMap<>();
        try (Statement st = conn.createStatement()) {
            st.execute("BEGIN TRANSACTION");
            try {
                int[] tagKeys = resolveKeys(batch, added);
                append(batch, tagKeys);
                st.execute("COMMIT");
            } catch (SQLException | RuntimeException e) {
                rollback(st);
                throw e;
            }
        } catch (SQLException | RuntimeException e) {
            failedCommits++;
            if (failureLog.shouldLog()) {
                logger.error(
                        "Historian commit of {} samples failed, keeping them to retry ({} failed commits so far): {}",
                        n,
                        failedCommits,
                        e.toString());
            }
            return false;
        }
        keys.addCommitted(added);
        rememberKeys(batch, added);
        long oldest = Long.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            oldest = Math.min(oldest, batch.times[i]);
        }
        totals.added(n, oldest);
        stored.addAndGet(n);
        lastCommitTime = TagValue.nowMicros();
        lastCommitMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        return true;
    }

    /**
     * The key of each sample's tag, inserting rows for new tags into {@code tags}. A tag's key is cached in its
     * {@link SampleBuffer.Tag} once it is committed ({@link #rememberKeys}).
     */
    private int[] resolveKeys(SampleBuffer batch, Map<String, Integer> added) throws SQLException {
        int[] result = new int[batch.size()];
        for (int i = 0; i < result.length; i++) {
            SampleBuffer.Tag tag = batch.tags[i];
            int key = tag.key;
            if (key == 0) {
                Integer known = keys.get(tag.id);
                if (known != null) {
                    key = known;
                    tag.key = key;
                } else {
                    key = added.computeIfAbsent(tag.id, id -> keys.next() + added.size());
                }
            }
            result[i] = key;
        }
        if (!added.isEmpty()) {
            // new tags in one Appender pass, inside the round's transaction: 20,000 row-by-row INSERTs took 5-6 s
            try (DuckDBAppender appender = conn.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "tags")) {
                for (Map.Entry<String, Integer> e : added.entrySet()) {
                    appender.beginRow().append(e.getValue()).append(e.getKey()).endRow();
                }
                appender.flush();
            }
        }
        return result;
    }

    /** After the commit that stored new tags: their keys into the batch's tags. */
    private static void rememberKeys(SampleBuffer batch, Map<String, Integer> added) {
        if (added.isEmpty()) {
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            SampleBuffer.Tag tag = batch.tags[i];
            if (tag.key == 0) {
                tag.key = added.get(tag.id);
            }
        }
    }

    private void append(SampleBuffer batch, int[] tagKeys) throws SQLException {
        try (DuckDBAppender appender = conn.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "samples")) {
            for (int i = 0; i < tagKeys.length; i++) {
                appender.beginRow().append(tagKeys[i]).append(batch.times[i]);
                switch (batch.kinds[i]) {
                    case SampleBuffer.NUMBER ->
                        appender.append(batch.numbers[i]).appendNull();
                    case SampleBuffer.TRUE -> appender.appendNull().append(true);
                    case SampleBuffer.FALSE -> appender.appendNull().append(false);
                    default -> appender.appendNull().appendNull();
                }
                appender.append(batch.qualities[i]).endRow();
            }
            appender.flush();
        }
    }

    private void rollback(Statement st) {
        try {
            st.execute("ROLLBACK");
        } catch (SQLException e) {
            logger.debug("Historian rollback failed", e);
        }
    }

    /**
     * Stops taking samples, commits everything pending and stops the writer thread. Waits a bounded time; a
     * database that keeps failing by then loses the backlog, which is logged.
     */
    @Override
    public void close() {
        lock.lock();
        try {
            stopping = true;
            work.signalAll();
            room.signalAll();
            roundDone.signalAll();
        } finally {
            lock.unlock();
        }
        executor.shutdown();
        try {
            if (!executor.awaitTermination(STOP_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
                executor.shutdownNow(); // interrupts the retry wait: the backlog is logged as lost
                executor.awaitTermination(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (executor.isTerminated()) {
            Database.closeQuietly(conn);
        } else {
            logger.error("Historian writer thread did not stop within {} ms", STOP_TIMEOUT_MILLIS);
        }
    }
}
