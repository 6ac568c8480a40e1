package org.vmsseaman.historian.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vmsseaman.api.security.AuditEntry;
import org.vmsseaman.api.tag.TagValue;

/**
 * The audit trail in the table {@code audit}: {@link #append} queues an entry and returns; a thread of its own
 * writes whatever is queued with the DuckDB appender and commits at once (a failed commit is rolled back and
 * retried a second later with the same entries, so an accepted entry is not dropped while the database is
 * stalled). {@link #read} first waits (briefly) for the entries accepted before it, so a reader sees its own
 * actions. There is no statement that changes or deletes a row: entries are kept for the life of the file.
 */
final class AuditLog implements AutoCloseable {

    static final String THREAD_NAME = "vmsseaman-historian-audit";
    /** Entries waiting for the database at most; beyond that {@link #append} refuses (the caller keeps them). */
    static final int MAX_PENDING = 100_000;

    private static final long RETRY_MILLIS = 1_000;
    private static final long STOP_TIMEOUT_MILLIS = 30_000;
    private static final long READ_WAIT_MILLIS = 2_000;
    private static final String READ = "SELECT ts, \"user\", action, target, outcome, detail, remote FROM audit"
            + " WHERE ts >= ? AND ts < ? ORDER BY ts, seq LIMIT ?";

    private final Logger logger = LoggerFactory.getLogger(AuditLog.class);
    private final DuckDBConnection conn; // the writer thread's
    private final QueryConnections readers;
    private final ThrottledLog failureLog = new ThrottledLog(60);
    private final Object lock = new Object();
    private final ArrayDeque<Row> pending = new ArrayDeque<>(); // guarded by lock; removed once committed
    private long nextSeq; // guarded by lock
    private long committedUntil; // guarded by lock: every entry with a lower seq is committed
    private boolean closed; // guarded by lock
    private final Thread writer;

    private record Row(long seq, AuditEntry entry) {}

    AuditLog(Database database) throws SQLException {
        this.conn = database.connect();
        try (Statement st = conn.createStatement();
                ResultSet rs = st.executeQuery("SELECT coalesce(max(seq), 0) + 1 FROM audit")) {
            rs.next();
            nextSeq = rs.getLong(1);
        } catch (SQLException e) {
            Database.closeQuietly(conn);
            throw e;
        }
        committedUntil = nextSeq;
        this.readers = new QueryConnections(database);
        this.writer = new Thread(this::run, THREAD_NAME);
        writer.setDaemon(true);
        writer.start();
    }

    /** Queues {@code entry}; throws {@link IllegalStateException} once closed or while too many wait. */
    void append(AuditEntry entry) {
        Queries.require(entry, "entry");
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("the historian's audit trail is closed");
            }
            if (pending.size() >= MAX_PENDING) {
                throw new IllegalStateException(
                        "the historian's audit trail has " + MAX_PENDING + " entries waiting for the database");
            }
            pending.addLast(new Row(nextSeq++, entry));
            lock.notifyAll();
        }
    }

    /** Entries with {@code since <= time < until}, oldest first (ties in the order appended), at most {@code limit}. */
    List<AuditEntry> read(Instant since, Instant until, int limit) {
        long from = Queries.micros(Queries.require(since, "since"));
        long to = Queries.micros(Queries.require(until, "until"));
        Queries.checkRange(since, until);
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        awaitCommitted();
        try (QueryConnections.Lease lease = readers.lease()) {
            PreparedStatement ps = lease.prepare(READ);
            ps.setLong(1, from);
            ps.setLong(2, to);
            ps.setInt(3, limit);
            List<AuditEntry> result = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(new AuditEntry(
                            TagValue.toInstant(rs.getLong(1)),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            AuditEntry.Outcome.valueOf(rs.getString(5)),
                            rs.getString(6),
                            rs.getString(7)));
                }
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException("historian audit query failed: " + e.getMessage(), e);
        }
    }

    /** Entries accepted and not yet committed. */
    int backlog() {
        synchronized (lock) {
            return pending.size();
        }
    }

    /** Waits until what was accepted before the call is committed, at most {@link #READ_WAIT_MILLIS}. */
    private void awaitCommitted() {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(READ_WAIT_MILLIS);
        synchronized (lock) {
            long target = nextSeq;
            long wait;
            while (committedUntil < target
                    && writer.isAlive()
                    && (wait = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())) > 0) {
                try {
                    lock.wait(wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void run() {
        try {
            while (true) {
                List<Row> batch;
                synchronized (lock) {
                    while (pending.isEmpty() && !closed) {
                        lock.wait();
                    }
                    if (pending.isEmpty()) {
                        return; // closed, and everything is committed
                    }
                    batch = new ArrayList<>(pending);
                }
                if (!commit(batch)) {
                    Thread.sleep(RETRY_MILLIS);
                    continue;
                }
                synchronized (lock) {
                    for (int i = 0; i < batch.size(); i++) {
                        pending.removeFirst();
                    }
                    committedUntil = batch.get(batch.size() - 1).seq() + 1;
                    lock.notifyAll();
                }
            }
        } catch (InterruptedException e) {
            int lost = backlog();
            if (lost > 0) {
                logger.error("Historian audit writer stopped with {} entries that could not be committed", lost);
            }
        }
    }

    /** Writes and commits one batch; {@code false} (after logging) if it failed and must be retried. */
    private boolean commit(List<Row> batch) {
        try {
            Transactions.run(conn, st -> {
                try (DuckDBAppender appender = conn.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "audit")) {
                    for (Row row : batch) {
                        AuditEntry e = row.entry();
                        appender.beginRow().append(row.seq()).append(Queries.micros(e.time()));
                        text(appender, e.user());
                        text(appender, e.action());
                        text(appender, e.target());
                        text(appender, e.outcome().name());
                        text(appender, e.detail());
                        text(appender, e.remoteAddress());
                        appender.endRow();
                    }
                    appender.flush();
                }
                return batch.size();
            });
            return true;
        } catch (SQLException | RuntimeException e) {
            if (failureLog.shouldLog()) {
                logger.error(
                        "Historian audit commit of {} entries failed, keeping them to retry: {}",
                        batch.size(),
                        e.toString());
            }
            return false;
        }
    }

    private static void text(DuckDBAppender appender, String s) throws SQLException {
        if (s == null) {
            appender.appendNull();
        } else {
            appender.append(s);
        }
    }

    /**
     * Refuses new entries, commits those queued and stops the thread. Waits a bounded time; a database that keeps
     * failing by then loses the queue, which is logged. Idempotent.
     */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
        }
        try {
            writer.join(STOP_TIMEOUT_MILLIS);
            if (writer.isAlive()) {
                writer.interrupt(); // ends the retry wait: the backlog is logged as lost
                writer.join(5_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        readers.close();
        if (!writer.isAlive()) {
            Database.closeQuietly(conn);
        } else {
            logger.error("Historian audit writer did not stop within {} ms", STOP_TIMEOUT_MILLIS);
        }
    }
}
