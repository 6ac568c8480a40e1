package org.vmsseaman.historian.internal;

/** Time units of the storage layout (µs) and the SQL that aligns a time column to them. */
final class Chunks {

    static final long MINUTE = 60_000_000L;
    static final long HOUR = 60 * MINUTE;
    static final long DAY = 24 * HOUR;
    /** Length of a compacted chunk of {@code samples_chunk}. */
    static final long CHUNK = 10 * MINUTE;
    /**
     * Samples outside {@code [-LIMIT, LIMIT)} (more than ~100,000 years from 1970) are never compacted, so that
     * the alignment arithmetic cannot overflow; they stay in {@code samples} and are still found by queries.
     */
    static final long LIMIT = 1L << 61;

    private Chunks() {}

    /** {@code t} rounded down to a multiple of {@code unit} (also for negative times). */
    static long floor(long t, long unit) {
        return Math.floorDiv(t, unit) * unit;
    }

    /** {@code t} rounded up to a multiple of {@code unit}, saturated at {@link Long#MAX_VALUE}. */
    static long ceil(long t, long unit) {
        long f = floor(t, unit);
        if (f == t) {
            return t;
        }
        return f > Long.MAX_VALUE - unit ? Long.MAX_VALUE : f + unit;
    }

    /** SQL: {@code column} rounded down to a multiple of {@code unit}. */
    static String floorSql(String column, long unit) {
        return "(" + column + " - ((" + column + " % " + unit + " + " + unit + ") % " + unit + "))";
    }

    /** SQL: the index of {@code column}'s {@code unit} (minute or hour number since the epoch). */
    static String indexSql(String column, long unit) {
        return "(" + floorSql(column, unit) + " // " + unit + ")";
    }
}
