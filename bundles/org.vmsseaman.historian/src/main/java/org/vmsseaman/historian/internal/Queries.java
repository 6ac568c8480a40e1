package org.vmsseaman.historian.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vmsseaman.api.historian.Bucket;
import org.vmsseaman.api.historian.Sample;
import org.vmsseaman.api.tag.Quality;

/** History queries, each on its own connection so that it never waits for the writer. */
final class Queries {

    private static final String COLUMNS = "SELECT ts, num, bool, quality FROM samples ";
    private static final String RAW_ASC = COLUMNS + "WHERE tag_key = ? AND ts >= ? AND ts < ? ORDER BY ts LIMIT ?";
    private static final String RAW_DESC =
            COLUMNS + "WHERE tag_key = ? AND ts >= ? AND ts < ? ORDER BY ts DESC LIMIT ?";
    private static final String VALUE_AT = COLUMNS + "WHERE tag_key = ? AND ts <= ? ORDER BY ts DESC LIMIT 1";
    // floor alignment to the epoch in integer arithmetic, also for times before 1970
    private static final String AGGREGATE =
            "SELECT b, count(*), avg(v), min(v), max(v), arg_min(v, ts), arg_max(v, ts),"
                    + " avg(CASE WHEN quality = 0 THEN 1.0 ELSE 0.0 END)"
                    + " FROM (SELECT ts - CASE WHEN ts % ? < 0 THEN ts % ? + ? ELSE ts % ? END AS b, ts, coalesce(num, bool::INTEGER::DOUBLE) AS v, quality"
                    + " FROM samples WHERE tag_key = ? AND ts >= ? AND ts < ?)"
                    + " GROUP BY b ORDER BY b";

    private final Database database;
    private final TagKeys keys;

    Queries(Database database, TagKeys keys) {
        this.database = database;
        this.keys = keys;
    }

    List<Sample> raw(String tagId, Instant since, Instant until, int limit, boolean newestFirst) {
        long from = micros(require(since, "since"));
        long to = micros(require(until, "until"));
        checkRange(since, until);
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        Integer key = keys.get(require(tagId, "tagId"));
        if (key == null) {
            return List.of();
        }
        try (Connection conn = database.connect();
                PreparedStatement ps = conn.prepareStatement(newestFirst ? RAW_DESC : RAW_ASC)) {
            ps.setInt(1, key);
            ps.setLong(2, from);
            ps.setLong(3, to);
            ps.setInt(4, limit);
            List<Sample> result = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(sample(rs));
                }
            }
            return result;
        } catch (SQLException e) {
            throw failed("raw", tagId, e);
        }
    }

    List<Bucket> aggregate(String tagId, Instant since, Instant until, Duration interval) {
        long from = micros(require(since, "since"));
        long to = micros(require(until, "until"));
        checkRange(since, until);
        require(interval, "interval");
        long step = micros(interval);
        if (step < 1) {
            throw new IllegalArgumentException("interval must be at least 1 µs, was " + interval);
        }
        Integer key = keys.get(require(tagId, "tagId"));
        if (key == null) {
            return List.of();
        }
        try (Connection conn = database.connect();
                PreparedStatement ps = conn.prepareStatement(AGGREGATE)) {
            ps.setLong(1, step);
            ps.setLong(2, step);
            ps.setLong(3, step);
            ps.setLong(4, step);
            ps.setInt(5, key);
            ps.setLong(6, from);
            ps.setLong(7, to);
            List<Bucket> result = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long start = rs.getLong(1);
                    result.add(new Bucket(
                            start,
                            start > Long.MAX_VALUE - step ? Long.MAX_VALUE : start + step,
                            rs.getLong(2),
                            nullableDouble(rs, 3),
                            nullableDouble(rs, 4),
                            nullableDouble(rs, 5),
                            nullableDouble(rs, 6),
                            nullableDouble(rs, 7),
                            rs.getDouble(8)));
                }
            }
            return result;
        } catch (SQLException e) {
            throw failed("aggregate", tagId, e);
        }
    }

    Optional<Sample> valueAt(String tagId, Instant time) {
        long at = micros(require(time, "time"));
        Integer key = keys.get(require(tagId, "tagId"));
        if (key == null) {
            return Optional.empty();
        }
        try (Connection conn = database.connect();
                PreparedStatement ps = conn.prepareStatement(VALUE_AT)) {
            ps.setInt(1, key);
            ps.setLong(2, at);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(sample(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failed("valueAt", tagId, e);
        }
    }

    /** A single number computed over all samples, e.g. {@code count(*)}; 0 if null. */
    long overAll(String expression) throws SQLException {
        try (Connection conn = database.connect();
                PreparedStatement ps = conn.prepareStatement("SELECT coalesce(" + expression + ", 0) FROM samples");
                ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private static Sample sample(ResultSet rs) throws SQLException {
        Double num = nullableDouble(rs, 2);
        boolean b = rs.getBoolean(3);
        Boolean bool = rs.wasNull() ? null : b;
        return new Sample(rs.getLong(1), num, bool, Quality.fromCode(rs.getInt(4)));
    }

    private static Double nullableDouble(ResultSet rs, int column) throws SQLException {
        double d = rs.getDouble(column);
        return rs.wasNull() ? null : d;
    }

    private static <T> T require(T value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        return value;
    }

    private static void checkRange(Instant since, Instant until) {
        if (since.isAfter(until)) {
            throw new IllegalArgumentException("since (" + since + ") is after until (" + until + ")");
        }
    }

    private static IllegalStateException failed(String query, String tagId, SQLException e) {
        return new IllegalStateException(
                "historian " + query + " query for '" + tagId + "' failed: " + e.getMessage(), e);
    }

    /** Microseconds since the epoch, saturated at the range of a long. */
    static long micros(Instant t) {
        try {
            return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000);
        } catch (ArithmeticException e) {
            return t.getEpochSecond() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    static long micros(Duration d) {
        try {
            return Math.addExact(Math.multiplyExact(d.getSeconds(), 1_000_000L), d.getNano() / 1_000);
        } catch (ArithmeticException e) {
            return d.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }
}
