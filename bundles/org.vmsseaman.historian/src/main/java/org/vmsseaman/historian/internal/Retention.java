package org.vmsseaman.historian.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vmsseaman.api.tag.TagValue;

/**
 * Removes what is past its retention time, and the oldest raw samples while the database is over its disk
 * budget. Runs on the maintenance connection; every removal is one transaction.
 */
final class Retention {

    /**
     * The last removal forced by the disk budget: when, and the time window of raw samples removed by that
     * maintenance pass (one day or more: DuckDB frees the blocks of a row group only once all its rows are
     * deleted, so a day may free less than its share).
     */
    record Eviction(long time, long from, long until) {}

    private final Logger logger = LoggerFactory.getLogger(Retention.class);
    private final Database database;
    private final Connection conn;
    private final HistorianSettings settings;
    private final RawTotals totals;
    private final ThrottledLog budgetLog = new ThrottledLog(3600);
    private volatile Eviction lastEviction;

    Retention(Database database, Connection conn, HistorianSettings settings, RawTotals totals) {
        this.database = database;
        this.conn = conn;
        this.settings = settings;
        this.totals = totals;
    }

    void run(long nowMicros) throws SQLException {
        long today = Chunks.floor(nowMicros, Chunks.DAY);
        if (settings.rawRetentionDays() > 0) {
            long cut = today - settings.rawRetentionDays() * Chunks.DAY;
            if (cut > Meta.get(conn, Meta.RAW_FROM)) {
                deleteRaw(cut);
            }
        }
        if (settings.rollupRetentionDays() > 0) {
            long cut = today - settings.rollupRetentionDays() * Chunks.DAY;
            Transactions.run(
                    conn,
                    st -> st.executeUpdate("DELETE FROM rollup_1m WHERE minute < " + cut / Chunks.MINUTE)
                            + st.executeUpdate("DELETE FROM rollup_1h WHERE hour < " + cut / Chunks.HOUR));
        }
        if (settings.diskBudgetBytes() > 0) {
            enforceBudget(nowMicros);
        }
    }

    /** Deletes every raw sample before {@code cut}; returns how many. */
    private long deleteRaw(long cut) throws SQLException {
        long deleted = Transactions.run(conn, st -> {
            long n = 0;
            for (String table : Database.RAW_TABLES) {
                n += st.executeUpdate("DELETE FROM " + table + " WHERE ts < " + cut);
            }
            Meta.set(conn, Meta.RAW_FROM, cut);
            return n;
        });
        totals.removed(deleted, conn);
        return deleted;
    }

    /**
     * While the database uses more than the budget, removes the oldest day of compacted raw samples (never
     * samples not compacted yet, never rollups). Stops when nothing compacted is left or a removal did not
     * free space.
     */
    private void enforceBudget(long nowMicros) throws SQLException {
        long budget = settings.diskBudgetBytes();
        if (database.usedBytes(conn) <= budget) {
            return;
        }
        checkpoint(); // blocks in use are only counted exactly after a checkpoint
        long used = database.usedBytes(conn);
        long evictedFrom = 0;
        while (used > budget) {
            long oldest = oldestCompacted();
            long limit = Chunks.floor(Meta.get(conn, Meta.COMPACTED_UNTIL), Chunks.CHUNK);
            if (oldest == Long.MAX_VALUE || oldest >= limit) {
                if (budgetLog.shouldLog()) {
                    logger.warn(
                            "Historian database uses {} MB, over its disk budget of {} MB, and has no compacted raw"
                                    + " samples left to remove (only rollups and the newest samples)",
                            used >> 20,
                            budget >> 20);
                }
                return;
            }
            long cut = Math.min(Chunks.floor(oldest, Chunks.DAY) + Chunks.DAY, limit);
            long deleted = deleteRaw(cut);
            checkpoint();
            long after = database.usedBytes(conn);
            evictedFrom = evictedFrom == 0 ? oldest : evictedFrom;
            lastEviction = new Eviction(TagValue.nowMicros(), evictedFrom, cut);
            logger.warn(
                    "Historian database used {} MB, over its disk budget of {} MB: removed the oldest raw samples,"
                            + " {} from {} until {} (now {} MB; rollups of that time are kept)",
                    used >> 20,
                    budget >> 20,
                    deleted,
                    TagValue.toInstant(oldest),
                    TagValue.toInstant(cut),
                    after >> 20);
            if (after >= used) {
                return; // nothing freed (yet): do not remove more on a stale figure
            }
            used = after;
        }
    }

    private long oldestCompacted() throws SQLException {
        try (Statement st = conn.createStatement();
                ResultSet rs = st.executeQuery("SELECT min(ts) FROM (SELECT min(ts) AS ts FROM samples_day"
                        + " UNION ALL SELECT min(ts) FROM samples_chunk)")) {
            rs.next();
            long min = rs.getLong(1);
            return rs.wasNull() ? Long.MAX_VALUE : min;
        }
    }

    private void checkpoint() throws SQLException {
        try (Statement st = conn.createStatement()) {
            st.execute("CHECKPOINT");
        }
    }

    Eviction lastEviction() {
        return lastEviction;
    }
}
