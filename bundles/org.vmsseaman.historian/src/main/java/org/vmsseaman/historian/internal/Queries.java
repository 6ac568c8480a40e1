package org.vmsseaman.historian.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.vmsseaman.api.historian.Bucket;
import org.vmsseaman.api.historian.Sample;
import org.vmsseaman.api.tag.Quality;

/** History queries, each on a connection of its own (reused, see {@link QueryConnections}) so that it never waits for the writer. */
final class Queries implements AutoCloseable {

    private static final String COLUMNS = "SELECT ts, num, bool, quality FROM all_samples ";
    private static final String RAW_ASC = COLUMNS + "WHERE tag_key = ? AND ts >= ? AND ts < ? ORDER BY ts LIMIT ?";
    private static final String RAW_DESC =
            COLUMNS + "WHERE tag_key = ? AND ts >= ? AND ts < ? ORDER BY ts DESC LIMIT ?";
    // the newest of each table's newest: no table is sorted in full
    private static final String VALUE_AT_ONE =
            "(SELECT ts, num, bool, quality FROM %s WHERE tag_key = ? AND ts <= ? ORDER BY ts DESC LIMIT 1)";
    private static final String VALUE_AT = "SELECT * FROM (" + VALUE_AT_ONE.formatted("samples_day") + " UNION ALL "
            + VALUE_AT_ONE.formatted("samples_chunk") + " UNION ALL " + VALUE_AT_ONE.formatted("samples")
            + ") ORDER BY ts DESC LIMIT 1";

    private final QueryConnections connections;
    private final TagKeys keys;
    private final LongSupplier frontier;

    /** @param frontier rollups are complete below this time (µs); it only grows */
    Queries(Database database, TagKeys keys, LongSupplier frontier) {
        this.connections = new QueryConnections(database);
        this.keys = keys;
        this.frontier = frontier;
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
        try (QueryConnections.Lease lease = connections.lease()) {
            PreparedStatement ps = lease.prepare(newestFirst ? RAW_DESC : RAW_ASC);
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
        long compacted = frontier.getAsLong(); // before the query's first statement: see Aggregation
        try (QueryConnections.Lease lease = connections.lease()) {
            return new Aggregation(key, from, to, step, compacted).run(lease.connection());
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
        try (QueryConnections.Lease lease = connections.lease()) {
            PreparedStatement ps = lease.prepare(VALUE_AT);
            for (int i = 0; i < 3; i++) {
                ps.setInt(2 * i + 1, key);
                ps.setLong(2 * i + 2, at);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(sample(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failed("valueAt", tagId, e);
        }
    }

    /** Closes the idle query connections. */
    @Override
    public void close() {
        connections.close();
    }

    static Sample sample(ResultSet rs) throws SQLException {
        Double num = nullableDouble(rs, 2);
        boolean b = rs.getBoolean(3);
        Boolean bool = rs.wasNull() ? null : b;
        return new Sample(rs.getLong(1), num, bool, Quality.fromCode(rs.getInt(4)));
    }

    static Double nullableDouble(ResultSet rs, int column) throws SQLException {
        double d = rs.getDouble(column);
        return rs.wasNull() ? null : d;
    }

    static <T> T require(T value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        return value;
    }

    static void checkRange(Instant since, Instant until) {
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
