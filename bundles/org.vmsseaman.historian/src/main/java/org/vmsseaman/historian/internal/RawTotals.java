package org.vmsseaman.historian.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Running count and oldest time of the raw samples in the database, so that statistics never scan the
 * tables: counted once at start, then kept by the writer (commits) and retention (deletes). Compaction
 * moves samples between tables and changes neither.
 */
final class RawTotals {

    private static final long NONE = Long.MAX_VALUE;

    private final AtomicLong count = new AtomicLong();
    private final AtomicLong oldest = new AtomicLong(NONE);

    /** Reads both from the database. */
    void load(Connection conn) throws SQLException {
        try (Statement st = conn.createStatement();
                ResultSet rs = st.executeQuery(Database.perRawTable("sum(n), min(m)", "count(*) AS n, min(ts) AS m"))) {
            rs.next();
            count.set(rs.getLong(1));
            long min = rs.getLong(2);
            oldest.set(rs.wasNull() ? NONE : min);
        }
    }

    /** After a commit of {@code n} samples, the oldest at {@code minTime}. */
    void added(long n, long minTime) {
        count.addAndGet(n);
        oldest.accumulateAndGet(minTime, Math::min);
    }

    /** After {@code n} samples were deleted: counts them off and reads the oldest time again. */
    void removed(long n, Connection conn) throws SQLException {
        count.addAndGet(-n);
        try (Statement st = conn.createStatement();
                ResultSet rs = st.executeQuery(Database.perRawTable("min(m)", "min(ts) AS m"))) {
            rs.next();
            long min = rs.getLong(1);
            oldest.set(rs.wasNull() ? NONE : min);
        }
    }

    long count() {
        return count.get();
    }

    /** The oldest sample time, 0 if there is none. */
    long oldest() {
        long o = oldest.get();
        return o == NONE ? 0 : o;
    }
}
