package org.vmsseaman.historian.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBDriver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The DuckDB database: opens (or, if damaged, replaces) the file, creates the schema and hands out
 * connections. The root connection is only used to create the others.
 */
final class Database implements AutoCloseable {

    /** Version of the schema this code writes, stored in {@code meta}. */
    static final int SCHEMA_VERSION = 1;

    private static final String[] SCHEMA = {
        "CREATE TABLE IF NOT EXISTS meta(key VARCHAR PRIMARY KEY, value VARCHAR)",
        "CREATE TABLE IF NOT EXISTS tags(tag_key INTEGER PRIMARY KEY, tag_id VARCHAR NOT NULL UNIQUE)",
        // ts: source time in µs since the epoch UTC; quality: Quality.code(). No index: it costs ~45 B/row.
        "CREATE TABLE IF NOT EXISTS samples(tag_key INTEGER NOT NULL, ts BIGINT NOT NULL, num DOUBLE,"
                + " bool BOOLEAN, quality SMALLINT NOT NULL)",
        "INSERT INTO meta VALUES ('schema_version', '" + SCHEMA_VERSION + "') ON CONFLICT DO NOTHING"
    };

    private static final Logger logger = LoggerFactory.getLogger(Database.class);

    private final Path file;
    private final DuckDBConnection root;

    private Database(Path file, DuckDBConnection root) {
        this.file = file;
        this.root = root;
    }

    /**
     * Opens the database in {@code file}, or in memory if {@code file} is null. A file that cannot be
     * opened (damaged, mismatched WAL, not a DuckDB file) is moved aside with its WAL and replaced by a
     * new one; a file that is locked or not readable is not touched.
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
        try {
            return attempt(absolute);
        } catch (SQLException e) {
            if (!DamagedFiles.looksDamaged(absolute, e)) {
                throw new IllegalStateException(
                        "cannot open historian database " + absolute + ": " + e.getMessage(), e);
            }
            var moved = DamagedFiles.moveAside(absolute);
            logger.error(
                    "Historian database {} could not be opened ({}); moved {} aside and starting with a new, empty"
                            + " database",
                    absolute,
                    e.getMessage(),
                    moved);
        }
        try {
            return attempt(absolute);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot create a new historian database " + absolute + ": " + e.getMessage(), e);
        }
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
            for (String sql : SCHEMA) {
                st.execute(sql);
            }
            try (ResultSet rs = st.executeQuery("SELECT value FROM meta WHERE key = 'schema_version'")) {
                int version = rs.next() ? Integer.parseInt(rs.getString(1).trim()) : SCHEMA_VERSION;
                if (version > SCHEMA_VERSION) {
                    throw new IllegalStateException("the historian database has schema version " + version
                            + ", newer than this historian supports (" + SCHEMA_VERSION + ")");
                }
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
