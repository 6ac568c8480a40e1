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
 *   <li>A closed 10-minute chunk (ended more than the grace period ago) of {@code samples} is compacted in
 *       slices of whole minutes of at most {@link #SLICE_ROWS} samples (one minute at least): each slice is
 *       copied into {@code samples_chunk} sorted by (tag_key, ts), its 1-minute rollups and its hour's 1-hour
 *       rollups are written, the originals are deleted and the frontier advances to the slice's end, all in
 *       one transaction. Samples that arrive later for time already compacted are moved the same way on a
 *       later pass, and the rollups of those minutes are recomputed from all their compacted samples.
 *   <li>A day whose chunks are all compacted is moved from {@code samples_chunk} into {@code samples_day}
 *       sorted by (tag_key, ts), in slices of whole tags of at most {@link #SLICE_ROWS} samples, one
 *       transaction each. Long runs per tag are what make the time column compress (a day: ~1.3 bytes per
 *       sample for the benchmark's data; 10-minute runs: ~6).
 * </ul>
 *
 * A transaction only sees samples committed before it began and deletes exactly the ones it copied, so a
 * sample is always in exactly one table; samples the writer appends meanwhile stay for the next pass.
 *
 * <p>Why slices and checkpoints after them: a DuckDB checkpoint holds the database's checkpoint lock
 * exclusively, and the writer's next transaction needs it (shared) for its first append, so the writer waits
 * for the whole checkpoint. A checkpoint runs automatically inside whichever COMMIT takes the WAL over
 * {@code checkpoint_threshold} (16 MB), and one that follows a large move takes seconds (measured: gaps of up
 * to 5 s between the writer's commits while 50M samples were compacted in 10-minute transactions). So a
 * checkpoint follows every {@link #SLICE_ROWS} samples moved (or {@link #CHECKPOINT_SLICES} slices), started
 * when the writer's next round is not due for a while ({@code yieldToWriter}): each has little to write, the
 * WAL stays below the threshold, and the writer's next round rarely finds the lock taken.
 */
final class Compactor {

    /** Most samples moved by one transaction. */
    static final long SLICE_ROWS = 500_000;

    /** A checkpoint after at most this many slices, also when they moved few samples (old code: 6 chunks). */
    static final int CHECKPOINT_SLICES = 6;

    /** The least time free of the writer's rounds that a checkpoint asks for (ns). */
    private static final long MIN_WINDOW_NANOS = 100_000_000L;

    private static final String COMPACTED = "(SELECT * FROM samples_day UNION ALL SELECT * FROM samples_chunk)";

    private final Logger logger = LoggerFactory.getLogger(Compactor.class);
    private final Connection conn;
    private final long graceMicros;
    private final BooleanSupplier stopping;
    private final LongConsumer committed;
    private final LongConsumer yieldToWriter;
    private long lastCheckpointNanos = MIN_WINDOW_NANOS;
    private long rowsSinceCheckpoint;
    private int slicesSinceCheckpoint;

    /**
     * @param committed told the new compaction frontier after each slice's transaction committed
     * @param yieldToWriter returns once the writer is not expected to start a round within the given ns
     */
    Compactor(
            Connection conn,
            long graceMicros,
            BooleanSupplier stopping,
            LongConsumer committed,
            LongConsumer yieldToWriter) {
        this.conn = conn;
        this.graceMicros = graceMicros;
        this.stopping = stopping;
        this.committed = committed;
        this.yieldToWriter = yieldToWriter;
    }

    /**
     * Compacts every closed chunk that has samples in {@code samples}, oldest first.
     *
     * @return samples moved
     */
    long compactChunks(long nowMicros) throws SQLException {
        long cutoff = Chunks.floor(Math.min(nowMicros - graceMicros, Chunks.LIMIT), Chunks.CHUNK);
        long rawFrom = Meta.get(conn, Meta.RAW_FROM);
        List<long[]> minutes = counts("SELECT m, count(*) FROM (SELECT " + Chunks.floorSql("ts", Chunks.MINUTE)
                + " AS m FROM samples WHERE ts >= " + Math.max(rawFrom, -Chunks.LIMIT) + " AND ts < " + cutoff
                + ") GROUP BY m ORDER BY m");
        long moved = 0;
        for (long[] slice : timeSlices(minutes)) {
            if (stopping.getAsBoolean()) {
                break;
            }
            long n = compactSlice(slice[0], slice[1]);
            moved += n;
            committed.accept(Meta.get(conn, Meta.COMPACTED_UNTIL));
            checkpointAfter(n);
        }
        checkpointIfMoved();
        return moved;
    }

    /**
     * Time slices {start, end} that tile each chunk with samples: whole minutes, never across a chunk boundary,
     * at most {@link #SLICE_ROWS} samples each unless one minute has more.
     *
     * @param minutes {minute start, samples} ascending
     */
    static List<long[]> timeSlices(List<long[]> minutes) {
        List<long[]> slices = new ArrayList<>();
        long[] current = null;
        long rows = 0;
        for (long[] minute : minutes) {
            long chunk = Chunks.floor(minute[0], Chunks.CHUNK);
            boolean sameChunk = current != null && Chunks.floor(current[0], Chunks.CHUNK) == chunk;
            if (sameChunk && rows + minute[1] <= SLICE_ROWS) {
                rows += minute[1];
                continue;
            }
            if (current != null) {
                current[1] = sameChunk ? minute[0] : Chunks.floor(current[0], Chunks.CHUNK) + Chunks.CHUNK;
            }
            current = new long[] {sameChunk ? minute[0] : chunk, 0};
            slices.add(current);
            rows = minute[1];
        }
        if (current != null) {
            current[1] = Chunks.floor(current[0], Chunks.CHUNK) + Chunks.CHUNK;
        }
        return slices;
    }

    private long compactSlice(long s0, long s1) throws SQLException {
        String range = " WHERE ts >= " + s0 + " AND ts < " + s1;
        return inTransaction(st -> {
            boolean late = s0 < Meta.get(conn, Meta.COMPACTED_UNTIL);
            long copied = st.executeUpdate(
                    "INSERT INTO samples_chunk SELECT * FROM samples" + range + " ORDER BY tag_key, ts");
            long m0 = s0 / Chunks.MINUTE;
            long m1 = s1 / Chunks.MINUTE;
            if (late) {
                st.executeUpdate("DELETE FROM rollup_1m WHERE minute >= " + m0 + " AND minute < " + m1);
            }
            // new minutes have no other compacted samples: their rollups come from the samples being moved
            st.executeUpdate("INSERT INTO rollup_1m SELECT tag_key, m, count(*), count(v),"
                    + " count(*) FILTER (WHERE quality = 0), sum(v), min(v), max(v), arg_min(v, ts), arg_max(v, ts)"
                    + " FROM (SELECT tag_key, ts, " + Chunks.indexSql("ts", Chunks.MINUTE) + " AS m,"
                    + " coalesce(num, bool::INTEGER::DOUBLE) AS v, quality FROM " + (late ? COMPACTED : "samples")
                    + range + ") GROUP BY tag_key, m ORDER BY tag_key, m");
            long hour = Math.floorDiv(s0, Chunks.HOUR);
            st.executeUpdate("DELETE FROM rollup_1h WHERE hour = " + hour);
            st.executeUpdate("INSERT INTO rollup_1h SELECT tag_key, " + hour + ", sum(n), sum(nv), sum(ng), sum(sum),"
                    + " min(min), max(max), arg_min(first, minute), arg_max(last, minute) FROM rollup_1m"
                    + " WHERE minute >= " + hour * 60 + " AND minute < " + (hour + 1) * 60
                    + " GROUP BY tag_key ORDER BY tag_key");
            long deleted = st.executeUpdate("DELETE FROM samples" + range);
            if (deleted != copied) {
                throw new SQLException("compaction of " + s0 + " until " + s1 + " copied " + copied
                        + " samples but deleted " + deleted + "; rolled back");
            }
            Meta.set(conn, Meta.COMPACTED_UNTIL, Math.max(s1, Meta.get(conn, Meta.COMPACTED_UNTIL)));
            return copied;
        });
    }

    /**
     * Moves every day below the compaction frontier from {@code samples_chunk} to {@code samples_day}: the day is
     * sorted into {@code samples_merge} (not read by queries) in slices of whole tags, appends only, then one
     * transaction appends it to {@code samples_day} in that order and deletes the day from {@code samples_chunk}.
     * Deleting tag slices from {@code samples_chunk} directly would leave deletions in every row group of the
     * day, and each checkpoint would rewrite them all (measured: ~2 s per checkpoint, the writer waiting); the
     * day's rows are contiguous, so deleting the whole day frees whole row groups.
     *
     * @return samples moved
     */
    long mergeDays() throws SQLException {
        long dayCutoff = Chunks.floor(Meta.get(conn, Meta.COMPACTED_UNTIL), Chunks.DAY);
        List<long[]> days = counts("SELECT d, count(*) FROM (SELECT " + Chunks.floorSql("ts", Chunks.DAY)
                + " AS d FROM samples_chunk WHERE ts < " + dayCutoff + ") GROUP BY d ORDER BY d");
        long moved = 0;
        for (long[] dayCount : days) {
            long day = dayCount[0];
            String range = " WHERE ts >= " + day + " AND ts < " + (day + Chunks.DAY);
            inTransaction(
                    st -> { // what an interrupted merge left
                        st.execute("DROP TABLE IF EXISTS samples_merge");
                        st.execute("CREATE TABLE samples_merge" + Database.SAMPLE_COLUMNS);
                        return 0;
                    });
            for (long[] slice : tagSlices(counts(
                    "SELECT tag_key, count(*) FROM samples_chunk" + range + " GROUP BY tag_key ORDER BY tag_key"))) {
                if (stopping.getAsBoolean()) {
                    return moved;
                }
                String where = range + " AND tag_key >= " + slice[0] + " AND tag_key <= " + slice[1];
                checkpointAfter(inTransaction(st -> st.executeUpdate(
                        "INSERT INTO samples_merge SELECT * FROM samples_chunk" + where + " ORDER BY tag_key, ts")));
            }
            if (stopping.getAsBoolean()) {
                return moved;
            }
            // insertion order is preserved (preserve_insertion_order), so samples_day gets the sorted day
            moved += inTransaction(st -> {
                long copied = st.executeUpdate("INSERT INTO samples_day SELECT * FROM samples_merge");
                long deleted = st.executeUpdate("DELETE FROM samples_chunk" + range);
                if (deleted != copied) {
                    throw new SQLException(
                            "day merge copied " + copied + " samples but deleted " + deleted + "; rolled back");
                }
                st.execute("DROP TABLE samples_merge");
                return copied;
            });
            checkpoint();
            sortRollups(day);
            checkpointIfMoved();
            logger.debug("Historian merged day {} into samples_day", day);
        }
        return moved;
    }

    /**
     * Rewrites a day of 1-minute rollups in (tag_key, minute) order: a tag's day is then one run inside one
     * row group, which the zone maps on tag_key find without scanning the others. One transaction per slice of
     * whole tags, in tag order, so the day ends up sorted.
     */
    private void sortRollups(long day) throws SQLException {
        String minutes =
                " WHERE minute >= " + day / Chunks.MINUTE + " AND minute < " + (day + Chunks.DAY) / Chunks.MINUTE;
        for (long[] slice : tagSlices(
                counts("SELECT tag_key, count(*) FROM rollup_1m" + minutes + " GROUP BY tag_key ORDER BY tag_key"))) {
            if (stopping.getAsBoolean()) {
                return;
            }
            String where = minutes + " AND tag_key >= " + slice[0] + " AND tag_key <= " + slice[1];
            long n = inTransaction(st -> {
                st.execute("CREATE OR REPLACE TEMP TABLE rollup_day AS SELECT * FROM rollup_1m" + where);
                long deleted = st.executeUpdate("DELETE FROM rollup_1m" + where);
                long copied =
                        st.executeUpdate("INSERT INTO rollup_1m SELECT * FROM rollup_day ORDER BY tag_key, minute");
                st.execute("DROP TABLE rollup_day");
                if (deleted != copied) {
                    throw new SQLException("sorting the rollups of day " + day + " deleted " + deleted
                            + " rows but copied " + copied + "; rolled back");
                }
                return copied;
            });
            checkpointAfter(n);
        }
    }

    /**
     * Consecutive tag key ranges {first, last} of at most {@link #SLICE_ROWS} rows (or one tag).
     *
     * @param counts {tag key, rows} ascending
     */
    private static List<long[]> tagSlices(List<long[]> counts) {
        List<long[]> slices = new ArrayList<>();
        long[] current = null;
        long rows = 0;
        for (long[] tag : counts) {
            if (current == null || rows + tag[1] > SLICE_ROWS) {
                current = new long[] {tag[0], tag[0]};
                slices.add(current);
                rows = 0;
            }
            current[1] = tag[0];
            rows += tag[1];
        }
        return slices;
    }

    /** The rows of a query of two BIGINT columns. */
    private List<long[]> counts(String sql) throws SQLException {
        List<long[]> result = new ArrayList<>();
        try (Statement st = conn.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                result.add(new long[] {rs.getLong(1), rs.getLong(2)});
            }
        }
        return result;
    }

    /**
     * Writes what was moved to the file and frees the blocks of deleted samples for reuse, right after one of the
     * writer's rounds so that the checkpoint lock is free again before its next one. A failure (a transaction
     * of the writer in the way) is left for the next checkpoint.
     */
    /** Counts a slice's rows; checkpoints once {@link #SLICE_ROWS} rows or {@link #CHECKPOINT_SLICES} slices. */
    private void checkpointAfter(long rows) {
        rowsSinceCheckpoint += rows;
        if (++slicesSinceCheckpoint >= CHECKPOINT_SLICES || rowsSinceCheckpoint >= SLICE_ROWS) {
            checkpoint();
        }
    }

    private void checkpointIfMoved() {
        if (slicesSinceCheckpoint > 0) {
            checkpoint();
        }
    }

    private void checkpoint() {
        rowsSinceCheckpoint = 0;
        slicesSinceCheckpoint = 0;
        // asks for twice the last checkpoint's time before the writer's next round (at least 100 ms)
        yieldToWriter.accept(Math.max(MIN_WINDOW_NANOS, 2 * lastCheckpointNanos));
        long start = System.nanoTime();
        try (Statement st = conn.createStatement()) {
            st.execute("CHECKPOINT");
        } catch (SQLException e) {
            logger.debug("Historian checkpoint after compaction failed: {}", e.toString());
        }
        lastCheckpointNanos = System.nanoTime() - start;
        logger.trace("Historian checkpoint took {} µs", lastCheckpointNanos / 1000);
    }

    private long inTransaction(Transactions.Work work) throws SQLException {
        return Transactions.run(conn, work);
    }
}
