package org.vmsseaman.historian.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves samples out of arrival order, one bounded transaction at a time, on the maintenance connection.
 *
 * <ul>
 *   <li>A closed 10-minute chunk (ended more than the grace period ago) of {@code samples} is copied into
 *       {@code samples_chunk} sorted by (tag_key, ts), its 1-minute and 1-hour rollups are written, and the
 *       originals are deleted, all in one transaction. Samples that arrive later for a chunk already
 *       compacted are moved the same way on a later pass, and the rollups of that chunk are recomputed from
 *       all compacted samples of the chunk.
 *   <li>A day whose chunks are all compacted is moved from {@code samples_chunk} into {@code samples_day}
 *       sorted by (tag_key, ts), in slices of whole tags of at most {@link #SLICE_ROWS} samples, one
 *       transaction each. Long runs per tag are what make the time column compress (a day: ~1.3 bytes per
 *       sample for the benchmark's data; 10-minute runs: ~6).
 * </ul>
 *
 * A transaction only sees samples committed before it began and deletes exactly the ones it copied, so a
 * sample is always in exactly one table; samples the writer appends meanwhile stay for the next pass.
 */
final class Compactor {

    /** A checkpoint after this many chunks, so that the blocks of moved samples are reused, not added. */
    static final int CHECKPOINT_CHUNKS = 6;

    /** Most samples moved by one transaction of the day merge. */
    static final long SLICE_ROWS = 2_000_000;

    private static final String COMPACTED = "(SELECT * FROM samples_day UNION ALL SELECT * FROM samples_chunk)";

    private final Logger logger = LoggerFactory.getLogger(Compactor.class);
    private final Connection conn;
    private final long graceMicros;
    private final BooleanSupplier stopping;
    private final LongConsumer committed;

    /** @param committed told the new compaction frontier after each chunk's transaction committed */
    Compactor(Connection conn, long graceMicros, BooleanSupplier stopping, LongConsumer committed) {
        this.conn = conn;
        this.graceMicros = graceMicros;
        this.stopping = stopping;
        this.committed = committed;
    }

    /**
     * Compacts every closed chunk that has samples in {@code samples}, oldest first.
     *
     * @return samples moved
     */
    long compactChunks(long nowMicros) throws SQLException {
        long cutoff = Chunks.floor(Math.min(nowMicros - graceMicros, Chunks.LIMIT), Chunks.CHUNK);
        long rawFrom = Meta.get(conn, Meta.RAW_FROM);
        List<Long> chunks = longs("SELECT DISTINCT " + Chunks.floorSql("ts", Chunks.CHUNK) + " AS c FROM samples"
                + " WHERE ts >= " + Math.max(rawFrom, -Chunks.LIMIT) + " AND ts < " + cutoff + " ORDER BY c");
        long moved = 0;
        int sinceCheckpoint = 0;
        for (long chunk : chunks) {
            if (stopping.getAsBoolean()) {
                break;
            }
            moved += compactChunk(chunk);
            committed.accept(Meta.get(conn, Meta.COMPACTED_UNTIL));
            if (++sinceCheckpoint == CHECKPOINT_CHUNKS) {
                checkpoint();
                sinceCheckpoint = 0;
            }
        }
        if (sinceCheckpoint > 0) {
            checkpoint();
        }
        return moved;
    }

    private long compactChunk(long c0) throws SQLException {
        long c1 = c0 + Chunks.CHUNK;
        String range = " WHERE ts >= " + c0 + " AND ts < " + c1;
        return inTransaction(st -> {
            boolean late = c0 < Meta.get(conn, Meta.COMPACTED_UNTIL);
            long copied = st.executeUpdate(
                    "INSERT INTO samples_chunk SELECT * FROM samples" + range + " ORDER BY tag_key, ts");
            long m0 = c0 / Chunks.MINUTE;
            long m1 = c1 / Chunks.MINUTE;
            if (late) {
                st.executeUpdate("DELETE FROM rollup_1m WHERE minute >= " + m0 + " AND minute < " + m1);
            }
            // a new chunk has no other compacted samples: its rollups come from the samples being moved
            st.executeUpdate("INSERT INTO rollup_1m SELECT tag_key, m, count(*), count(v),"
                    + " count(*) FILTER (WHERE quality = 0), sum(v), min(v), max(v), arg_min(v, ts), arg_max(v, ts)"
                    + " FROM (SELECT tag_key, ts, " + Chunks.indexSql("ts", Chunks.MINUTE) + " AS m,"
                    + " coalesce(num, bool::INTEGER::DOUBLE) AS v, quality FROM " + (late ? COMPACTED : "samples")
                    + range + ") GROUP BY tag_key, m ORDER BY tag_key, m");
            long hour = Math.floorDiv(c0, Chunks.HOUR);
            st.executeUpdate("DELETE FROM rollup_1h WHERE hour = " + hour);
            st.executeUpdate("INSERT INTO rollup_1h SELECT tag_key, " + hour + ", sum(n), sum(nv), sum(ng), sum(sum),"
                    + " min(min), max(max), arg_min(first, minute), arg_max(last, minute) FROM rollup_1m"
                    + " WHERE minute >= " + hour * 60 + " AND minute < " + (hour + 1) * 60
                    + " GROUP BY tag_key ORDER BY tag_key");
            long deleted = st.executeUpdate("DELETE FROM samples" + range);
            if (deleted != copied) {
                throw new SQLException("compaction of chunk " + c0 + " copied " + copied + " samples but deleted "
                        + deleted + "; rolled back");
            }
            Meta.set(conn, Meta.COMPACTED_UNTIL, Math.max(c1, Meta.get(conn, Meta.COMPACTED_UNTIL)));
            return copied;
        });
    }

    /**
     * Moves every day below the compaction frontier from {@code samples_chunk} to {@code samples_day}.
     *
     * @return samples moved
     */
    long mergeDays() throws SQLException {
        long dayCutoff = Chunks.floor(Meta.get(conn, Meta.COMPACTED_UNTIL), Chunks.DAY);
        List<Long> days = longs("SELECT DISTINCT " + Chunks.floorSql("ts", Chunks.DAY) + " AS d FROM samples_chunk"
                + " WHERE ts < " + dayCutoff + " ORDER BY d");
        long moved = 0;
        for (long day : days) {
            String range = " WHERE ts >= " + day + " AND ts < " + (day + Chunks.DAY);
            for (long[] slice : slices(
                    "SELECT tag_key, count(*) FROM samples_chunk" + range + " GROUP BY tag_key ORDER BY tag_key")) {
                if (stopping.getAsBoolean()) {
                    return moved;
                }
                String where = range + " AND tag_key >= " + slice[0] + " AND tag_key <= " + slice[1];
                moved += inTransaction(st -> {
                    long copied = st.executeUpdate(
                            "INSERT INTO samples_day SELECT * FROM samples_chunk" + where + " ORDER BY tag_key, ts");
                    long deleted = st.executeUpdate("DELETE FROM samples_chunk" + where);
                    if (deleted != copied) {
                        throw new SQLException(
                                "day merge copied " + copied + " samples but deleted " + deleted + "; rolled back");
                    }
                    return copied;
                });
            }
            if (stopping.getAsBoolean()) {
                return moved;
            }
            sortRollups(day);
            checkpoint();
            logger.debug("Historian merged day {} into samples_day", day);
        }
        return moved;
    }

    /**
     * Rewrites a day of 1-minute rollups in (tag_key, minute) order: a tag's day is then one run inside one
     * row group, which the zone maps on tag_key find without scanning the others. One transaction.
     */
    private void sortRollups(long day) throws SQLException {
        String where =
                " WHERE minute >= " + day / Chunks.MINUTE + " AND minute < " + (day + Chunks.DAY) / Chunks.MINUTE;
        inTransaction(st -> {
            st.execute("CREATE OR REPLACE TEMP TABLE rollup_day AS SELECT * FROM rollup_1m" + where);
            long deleted = st.executeUpdate("DELETE FROM rollup_1m" + where);
            long copied = st.executeUpdate("INSERT INTO rollup_1m SELECT * FROM rollup_day ORDER BY tag_key, minute");
            st.execute("DROP TABLE rollup_day");
            if (deleted != copied) {
                throw new SQLException("sorting the rollups of day " + day + " deleted " + deleted + " rows but copied "
                        + copied + "; rolled back");
            }
            return copied;
        });
    }

    /** Consecutive tag key ranges {first, last} of at most {@link #SLICE_ROWS} samples (or one tag). */
    private List<long[]> slices(String countsPerTag) throws SQLException {
        List<long[]> slices = new ArrayList<>();
        try (Statement st = conn.createStatement();
                ResultSet rs = st.executeQuery(countsPerTag)) {
            long[] current = null;
            long rows = 0;
            while (rs.next()) {
                long key = rs.getLong(1);
                long count = rs.getLong(2);
                if (current == null || rows + count > SLICE_ROWS) {
                    current = new long[] {key, key};
                    slices.add(current);
                    rows = 0;
                }
                current[1] = key;
                rows += count;
            }
        }
        return slices;
    }

    private List<Long> longs(String sql) throws SQLException {
        List<Long> result = new ArrayList<>();
        try (Statement st = conn.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                result.add(rs.getLong(1));
            }
        }
        return result;
    }

    /**
     * Writes what was moved to the file and frees the blocks of deleted samples for reuse; DuckDB would do it
     * only once its WAL is large. A failure (another transaction in the way) is left for the next one.
     */
    private void checkpoint() {
        try (Statement st = conn.createStatement()) {
            st.execute("CHECKPOINT");
        } catch (SQLException e) {
            logger.debug("Historian checkpoint after compaction failed: {}", e.toString());
        }
    }

    private long inTransaction(Transactions.Work work) throws SQLException {
        return Transactions.run(conn, work);
    }
}
