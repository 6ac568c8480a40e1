package org.vmsseaman.historian.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Numbers kept in the {@code meta} table, read and written inside the caller's transaction. */
final class Meta {

    /** Rollups hold every compacted minute below this time (µs); raw samples above it are all in {@code samples}. */
    static final String COMPACTED_UNTIL = "compacted_until";
    /** Raw samples before this time (µs) were removed by retention or the disk budget. */
    static final String RAW_FROM = "raw_from";

    private Meta() {}

    static long get(Connection conn, String key) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT value FROM meta WHERE key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Long.parseLong(rs.getString(1).trim()) : Long.MIN_VALUE;
            }
        }
    }

    static void set(Connection conn, String key, long value) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(
                "INSERT INTO meta VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value")) {
            ps.setString(1, key);
            ps.setString(2, Long.toString(value));
            ps.executeUpdate();
        }
    }
}
