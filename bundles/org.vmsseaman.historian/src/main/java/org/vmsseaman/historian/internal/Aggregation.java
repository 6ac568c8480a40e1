package org.vmsseaman.historian.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vmsseaman.api.historian.Bucket;

/**
 * One aggregate query: buckets of {@code step} µs aligned to the epoch over {@code [from, to)}, built from
 * partial aggregates (count, count of values, count of GOOD, sum, min, max, first, last) that cover disjoint
 * time spans: 1-hour and 1-minute rollups where the interval is a whole number of them and the minutes are
 * compacted, raw samples everywhere else.
 *
 * <p>The frontier is read before the query starts and only ever grows: rollups below it are complete in
 * every later snapshot. The main query is one statement, so one snapshot: a compaction committing meanwhile
 * moves samples and recomputes rollups in one transaction, and the query sees either state completely.
 *
 * <p>Samples that arrive late for a minute already rolled up sit in {@code samples} until the next
 * compaction: such minutes are read raw (from all tables) instead of from their rollup. With several tags,
 * a minute late for any of them is read raw for all: raw is always exact, rollups only save time.
 */
final class Aggregation {

    /** More late minutes than this in the range: everything is read raw. */
    private static final int MAX_LATE_MINUTES = 100;

    private static final String VALUE = "coalesce(num, bool::INTEGER::DOUBLE)";

    private final String keys;
    private final long from;
    private final long to;
    private final long step;

    private final long frontier;

    /**
     * @param frontier rollups are complete below this time (µs), read before the connection's first statement
     */
    Aggregation(int key, long from, long to, long step, long frontier) {
        this(List.of(key), from, to, step, frontier);
    }

    /** The same for several tags at once. */
    Aggregation(List<Integer> keys, long from, long to, long step, long frontier) {
        this.keys = inList(keys);
        this.from = from;
        this.to = to;
        this.step = step;
        this.frontier = frontier;
    }

    /** The buckets of the one tag (or of all tags, by tag key then time). */
    List<Bucket> run(Connection conn) throws SQLException {
        List<Bucket> result = new ArrayList<>();
        runByKey(conn).values().forEach(result::addAll);
        return result;
    }

    /** The buckets of each tag key that has any, keys ascending. */
    Map<Integer, List<Bucket>> runByKey(Connection conn) throws SQLException {
        Map<Integer, List<Bucket>> result = new LinkedHashMap<>();
        try (Statement st = conn.createStatement();
                ResultSet rs = st.executeQuery(sql(conn) + " ORDER BY tag_key, b")) {
            while (rs.next()) {
                long start = rs.getLong(2);
                long n = rs.getLong(3);
                long nv = rs.getLong(4);
                long ng = rs.getLong(5);
                Double sum = Queries.nullableDouble(rs, 6);
                result.computeIfAbsent(rs.getInt(1), k -> new ArrayList<>())
                        .add(new Bucket(
                                start,
                                start > Long.MAX_VALUE - step ? Long.MAX_VALUE : start + step,
                                n,
                                nv == 0 || sum == null ? null : sum / nv,
                                Queries.nullableDouble(rs, 7),
                                Queries.nullableDouble(rs, 8),
                                Queries.nullableDouble(rs, 9),
                                Queries.nullableDouble(rs, 10),
                                n == 0 ? 0.0 : (double) ng / n));
            }
        }
        return result;
    }

    /**
     * The query of the partial aggregates combined per (tag, bucket), unordered: columns {@code tag_key, b}
     * (bucket start, µs), {@code n, nv, ng} (samples, samples with a value, GOOD samples), {@code s} (sum),
     * {@code mn, mx, fv, lv} (min, max, first, last). Reads the late minutes on {@code conn} first.
     */
    String sql(Connection conn) throws SQLException {
        // rollup span [ra, rb): whole minutes below the frontier; none if the interval is not whole minutes
        long ra = Chunks.ceil(from, Chunks.MINUTE);
        long rb = Math.min(Chunks.floor(to, Chunks.MINUTE), frontier);
        if (step % Chunks.MINUTE != 0 || ra >= rb) {
            ra = to;
            rb = to;
        }
        List<Long> late = ra < rb ? lateMinutes(conn, ra, rb) : List.of();
        if (late.size() > MAX_LATE_MINUTES) {
            ra = to;
            rb = to;
            late = List.of();
        }
        // 1-hour rollups for the whole hours inside, if the interval is whole hours and none of them is late
        long ha = rb;
        long hb = rb;
        if (step % Chunks.HOUR == 0) {
            long h0 = Chunks.ceil(ra, Chunks.HOUR);
            long h1 = Chunks.floor(rb, Chunks.HOUR);
            if (h0 < h1 && late.stream().noneMatch(m -> m * Chunks.MINUTE >= h0 && m * Chunks.MINUTE < h1)) {
                ha = h0;
                hb = h1;
            }
        }

        List<String> raw = new ArrayList<>();
        addRaw(raw, from, ra);
        addRaw(raw, rb, to);
        for (long m : late) {
            addRaw(raw, m * Chunks.MINUTE, (m + 1) * Chunks.MINUTE);
        }
        List<String> parts = new ArrayList<>();
        if (!raw.isEmpty()) {
            // one partial per (bucket, minute): disjoint spans, ordered by their first sample
            parts.add("SELECT tag_key, " + Chunks.floorSql("ts", step)
                    + " AS b, min(ts) AS o, count(*) AS n, count(v) AS nv,"
                    + " count(*) FILTER (WHERE quality = 0) AS ng, sum(v) AS s, min(v) AS mn, max(v) AS mx,"
                    + " arg_min(v, ts) AS fv, arg_max(v, ts) AS lv FROM (" + String.join(" UNION ALL ", raw) + ")"
                    + " GROUP BY tag_key, b, " + Chunks.floorSql("ts", Chunks.MINUTE));
        }
        String notLate = late.isEmpty() ? "" : " AND minute NOT IN (" + join(late) + ")";
        addRollup(parts, "rollup_1m", "minute", Chunks.MINUTE, ra, ha, notLate);
        addRollup(parts, "rollup_1m", "minute", Chunks.MINUTE, hb, rb, notLate);
        addRollup(parts, "rollup_1h", "hour", Chunks.HOUR, ha, hb, "");
        return "SELECT tag_key, b, sum(n)::BIGINT AS n, sum(nv)::BIGINT AS nv, sum(ng)::BIGINT AS ng, sum(s) AS s,"
                + " min(mn) AS mn, max(mx) AS mx, arg_min(fv, o) AS fv, arg_max(lv, o) AS lv FROM ("
                + String.join(" UNION ALL ", parts) + ") GROUP BY tag_key, b";
    }

    /** Minutes in {@code [ra, rb)} with samples of these tags that are not compacted yet, ascending. */
    private List<Long> lateMinutes(Connection conn, long ra, long rb) throws SQLException {
        List<Long> minutes = new ArrayList<>();
        try (Statement st = conn.createStatement();
                ResultSet rs = st.executeQuery("SELECT DISTINCT " + Chunks.indexSql("ts", Chunks.MINUTE) + " AS m"
                        + " FROM samples WHERE tag_key IN (" + keys + ") AND ts >= " + ra + " AND ts < " + rb
                        + " ORDER BY m LIMIT " + (MAX_LATE_MINUTES + 1))) {
            while (rs.next()) {
                minutes.add(rs.getLong(1));
            }
        }
        return minutes;
    }

    private void addRaw(List<String> raw, long a, long b) {
        if (a >= b) {
            return;
        }
        for (String table : Database.RAW_TABLES) {
            raw.add("SELECT tag_key, ts, " + VALUE + " AS v, quality FROM " + table + " WHERE tag_key IN (" + keys
                    + ") AND ts >= " + a + " AND ts < " + b);
        }
    }

    private void addRollup(List<String> parts, String table, String column, long unit, long a, long b, String extra) {
        if (a >= b) {
            return;
        }
        String start = "(" + column + " * " + unit + ")";
        parts.add("SELECT tag_key, " + Chunks.floorSql(start, step) + " AS b, " + start + " AS o, n, nv, ng,"
                + " sum AS s, min AS mn, max AS mx, first AS fv, last AS lv"
                + " FROM " + table + " WHERE tag_key IN (" + keys + ") AND " + column + " >= " + a / unit + " AND "
                + column + " < " + b / unit + extra);
    }

    /** Tag keys as the inside of a SQL {@code IN (...)} that matches no row if there are none. */
    static String inList(List<Integer> keys) {
        return keys.isEmpty() ? "NULL" : join(keys);
    }

    /** Numbers as a SQL list: {@code 1, 2, 3}. */
    static String join(List<? extends Number> values) {
        StringBuilder b = new StringBuilder();
        for (Number v : values) {
            b.append(b.length() == 0 ? "" : ", ").append(v);
        }
        return b.toString();
    }
}
