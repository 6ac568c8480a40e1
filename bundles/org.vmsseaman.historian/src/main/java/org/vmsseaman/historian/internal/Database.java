package org.vmsseaman.historian.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBDriver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vmsseaman.api.historian.Recovery;
import org.vmsseaman.api.tag.TagValue;

/**
 * The DuckDB database: opens (or, if damaged, replaces) the file, creates the schema and hands out
 * connections. The root connection is only used to create the others.
 */
final class Database implements AutoCloseable {

    /** Version of the schema this code writes, stored in {@code meta}. */
    static final int SCHEMA_VERSION = 2;

    /** The three raw sample tables, compacted days first; the view {@code all_samples} is their union. */
    static final List<String> RAW_TABLES = List.of("samples_day", "samples_chunk", "samples");

    /** Columns of the three raw sample tables. */
    static final String SAMPLE_COLUMNS =
            "(tag_key INTEGER NOT NULL, ts BIGINT NOT NULL, num DOUBLE, bool BOOLEAN, quality SMALLINT NOT NULL)";
    /** Columns of a rollup after its key: counts of all samples, of samples with a value, of GOOD samples. */
    private static final String ROLLUP_COLUMNS = " BIGINT NOT NULL, n BIGINT NOT NULL, nv BIGINT NOT NULL,"
            + " ng BIGINT NOT NULL, sum DOUBLE, min DOUBLE, max DOUBLE, first DOUBLE, last DOUBLE)";

    private static final String[] SCHEMA = {
        "CREATE TABLE IF NOT EXISTS meta(key VARCHAR PRIMARY KEY, value VARCHAR)",
        "CREATE TABLE IF NOT EXISTS tags(tag_key INTEGER PRIMARY KEY, tag_id VARCHAR NOT NULL UNIQUE)",
        // ts: source time in µs since the epoch UTC; quality: Quality.code(). No index: it costs ~45 B/row.
        // samples: arrival order (the writer's Appender); samples_chunk: closed 10-minute chunks sorted by
        // (tag_key, ts); samples_day: closed days sorted by (tag_key, ts). See Compactor.
        "CREATE TABLE IF NOT EXISTS samples" + SAMPLE_COLUMNS,
        "CREATE TABLE IF NOT EXISTS samples_chunk" + SAMPLE_COLUMNS,
        "CREATE TABLE IF NOT EXISTS samples_day" + SAMPLE_COLUMNS,
        "CREATE OR REPLACE VIEW all_samples AS " + rawUnion("*"),
        // minute / hour: floor(ts / 1 min or 1 h), i.e. small integers that compress to a few bits per row
        "CREATE TABLE IF NOT EXISTS rollup_1m(tag_key INTEGER NOT NULL, minute" + ROLLUP_COLUMNS,
        "CREATE TABLE IF NOT EXISTS rollup_1h(tag_key INTEGER NOT NULL, hour" + ROLLUP_COLUMNS,
        // the audit trail (AuditLog): append-only, never deleted or changed; ts in µs since the epoch UTC
        "CREATE TABLE IF NOT EXISTS audit(seq BIGINT NOT NULL, ts BIGINT NOT NULL, \"user\" VARCHAR NOT NULL,"
                + " action VARCHAR NOT NULL, target VARCHAR, outcome VARCHAR NOT NULL, detail VARCHAR, remote VARCHAR)",
        "INSERT INTO meta VALUES ('schema_version', '" + SCHEMA_VERSION + "') ON CONFLICT DO NOTHING",
        // rollups are complete for every minute below compacted_until; raw samples before raw_from are gone
        "INSERT INTO meta VALUES ('" + Meta.COMPACTED_UNTIL + "', '" + Long.MIN_VALUE + "') ON CONFLICT DO NOTHING",
        "INSERT INTO meta VALUES ('" + Meta.RAW_FROM + "', '" + Long.MIN_VALUE + "') ON CONFLICT DO NOTHING",
        "UPDATE meta SET value = '" + SCHEMA_VERSION + "' WHERE key = 'schema_version' AND value = '1'"
    };

    private static final Logger logger = LoggerFactory.getLogger(Database.class);

    private final Path file;
    private final DuckDBConnection root;
    private volatile Recovery recovery;

    private Database(Path file, DuckDBConnection root) {
        this.file = file;
        this.root = root;
    }

    /**
     * Opens the database in {@code file}, or in memory if {@code file} is null. A file that cannot be
     * opened is recovered: first its write-ahead log alone is moved aside and the database opened without
     * it (losing only what was not checkpointed); if that fails too, the database is moved aside as well
     * and a new one started. Nothing is deleted, and {@link #recovery()} says what was lost. A file that is
     * locked or not readable is not touched.
     *
     * @throws IllegalStateException if no database could be opened
     */
    static Database open(Path file) {
        if (file == null) {
            try {
                return attempt(null);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot open an in-memory historian database: " + e.getMessage(), e);
            }
        }
        Path absolute = file.toAbsolutePath();
        try {
            Files.createDirectories(absolute.getParent());
        } catch (IOException e) {
            throw new IllegalStateException("cannot create the folder of historian database " + absolute, e);
        }
        SQLException failure;
        try {
            return attempt(absolute);
        } catch (SQLException e) {
            failure = e;
        }
        requireDamaged(absolute, failure);
        Instant at = Instant.now();
        String cause = String.valueOf(failure.getMessage());
        List<Path> kept = new ArrayList<>();
        Path wal = DamagedFiles.wal(absolute);
        if (Files.exists(absolute) && Files.exists(wal)) {
            kept.addAll(DamagedFiles.moveAside(List.of(wal)));
            try {
                Database db = attempt(absolute);
                long newest = db.newestSample();
                return db.recovered(new Recovery(
                        at,
                        cause,
                        names(kept),
                        true,
                        newest == Long.MIN_VALUE ? null : TagValue.toInstant(newest),
                        at));
            } catch (SQLException e) {
                requireDamaged(absolute, e);
                cause += "; without its write-ahead log: " + e.getMessage();
            }
        }
        kept.addAll(DamagedFiles.moveAside(absolute));
        try {
            return attempt(absolute).recovered(new Recovery(at, cause, names(kept), false, null, at));
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot create a new historian database " + absolute + ": " + e.getMessage(), e);
        }
    }

    private static void requireDamaged(Path file, SQLException e) {
        if (!DamagedFiles.looksDamaged(file, e)) {
            throw new IllegalStateException("cannot open historian database " + file + ": " + e.getMessage(), e);
        }
    }

    private Database recovered(Recovery r) {
        this.recovery = r;
        logger.error("Historian database {} could not be opened: {}", file, r.describe());
        return this;
    }

    /** The recovery at open, or null if the database opened as it was. */
    Recovery recovery() {
        return recovery;
    }

    /**
     * {@code SELECT outer FROM (SELECT inner FROM t UNION ALL ...)} over the raw tables. For whole-table figures
     * such as {@code count(*)} or {@code min(ts)}: DuckDB answers them per table in milliseconds but scans
     * every row through the view (measured on 200M samples: 4 against 150-220 ms; a start reads two of them).
     */
    static String perRawTable(String outer, String inner) {
        return "SELECT " + outer + " FROM (" + rawUnion(inner) + ")";
    }

    /** {@code SELECT columns FROM t UNION ALL ...} over the raw tables. */
    private static String rawUnion(String columns) {
        return String.join(
                " UNION ALL ",
                RAW_TABLES.stream().map(t -> "SELECT " + columns + " FROM " + t).toList());
    }

    /** The time of the newest sample, µs, or {@code Long.MIN_VALUE} if there is none. */
    private long newestSample() throws SQLException {
        try (Statement st = root.createStatement();
                ResultSet rs = st.executeQuery(perRawTable("max(m)", "max(ts) AS m"))) {
            rs.next();
            long newest = rs.getLong(1);
            return rs.wasNull() ? Long.MIN_VALUE : newest;
        }
    }

    private static List<String> names(List<Path> paths) {
        return paths.stream().map(p -> p.getFileName().toString()).toList();
    }

    private static Database attempt(Path file) throws SQLException {
        String url = file == null ? "jdbc:duckdb:" : "jdbc:duckdb:" + file;
        // never DriverManager: inside OSGi it finds no driver
        DuckDBConnection root = (DuckDBConnection) new DuckDBDriver().connect(url, new Properties());
        if (root == null) {
            throw new SQLException("the DuckDB driver refused " + url);
        }
        try {
            createSchema(root);
            return new Database(file, root);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(root);
            throw e;
        }
    }

    private static void createSchema(Connection conn) throws SQLException {
        try (Statement st = conn.createStatement()) {
            st.execute(SCHEMA[0]);
            try (ResultSet rs = st.executeQuery("SELECT value FROM meta WHERE key = 'schema_version'")) {
                int version = rs.next() ? Integer.parseInt(rs.getString(1).trim()) : SCHEMA_VERSION;
                if (version > SCHEMA_VERSION) {
                    throw new IllegalStateException("the historian database has schema version " + version
                            + ", newer than this historian supports (" + SCHEMA_VERSION + ")");
                }
            }
            // version 1 had only samples and tags: the new tables start empty and compaction picks the
            // samples up from there
            for (String sql : SCHEMA) {
                st.execute(sql);
            }
        }
    }

    /** A new connection to this database; the caller closes it. */
    DuckDBConnection connect() throws SQLException {
        return (DuckDBConnection) root.duplicate();
    }

    /** The tag dictionary as stored. */
    Map<String, Integer> loadTagKeys() throws SQLException {
        Map<String, Integer> keys = new HashMap<>();
        try (Connection conn = connect();
                Statement st = conn.createStatement();
                ResultSet rs = st.executeQuery("SELECT tag_id, tag_key FROM tags")) {
            while (rs.next()) {
                keys.put(rs.getString(1), rs.getInt(2));
            }
        }
        return keys;
    }

    /** Bytes of the blocks in use plus the WAL: what the file holds once free blocks are reused. */
    long usedBytes(Connection conn) throws SQLException {
        try (Statement st = conn.createStatement();
                ResultSet rs = st.executeQuery("SELECT used_blocks * block_size FROM pragma_database_size()"
                        + " WHERE database_name = current_database()")) {
            long used = rs.next() ? rs.getLong(1) : 0;
            return used + (file == null ? 0 : sizeOf(DamagedFiles.wal(file)));
        }
    }

    /** The database file, or null in memory. */
    Path file() {
        return file;
    }

    /** Bytes of the database file and its WAL; 0 in memory. */
    long fileBytes() {
        if (file == null) {
            return 0;
        }
        return sizeOf(file) + sizeOf(DamagedFiles.wal(file));
    }

    private static long sizeOf(Path path) {
        try {
            return Files.exists(path) ? Files.size(path) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    @Override
    public void close() {
        closeQuietly(root);
    }

    static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            logger.debug("Closing {} failed", closeable.getClass().getSimpleName(), e);
        }
    }
}
