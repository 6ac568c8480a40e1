package org.vmsseaman.historian.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vmsseaman.api.historian.Aggregate;
import org.vmsseaman.api.historian.ExportFormat;
import org.vmsseaman.api.historian.ExportRequest;
import org.vmsseaman.api.historian.ExportTooLargeException;
import org.vmsseaman.api.tag.Quality;

/**
 * Exports a range as CSV or Parquet: DuckDB's {@code COPY} writes a temporary file in one read transaction
 * (a snapshot: recording goes on meanwhile), which is then streamed to the caller and deleted.
 */
final class Export {

    /** Name prefix of the temporary files; leftovers of a crash are deleted at start. */
    static final String PREFIX = "historian-export-";

    private static final String QUALITY = qualityNames();

    private final Logger logger = LoggerFactory.getLogger(Export.class);
    private final Database database;
    private final MultiTagQueries queries;
    private final LongSupplier frontier;
    private final Path folder;

    /**
     * @param frontier rollups are complete below this time (µs); it only grows
     * @param folder where the temporary files go; if null, {@code java.io.tmpdir}
     */
    Export(Database database, MultiTagQueries queries, LongSupplier frontier, Path folder) {
        this.database = database;
        this.queries = queries;
        this.frontier = frontier;
        if (folder == null) {
            this.folder = Path.of(System.getProperty("java.io.tmpdir"));
        } else {
            this.folder = folder;
            deleteLeftovers();
        }
    }

    long write(ExportRequest request, OutputStream out) throws IOException {
        long compacted = frontier.getAsLong(); // before the transaction starts: see Aggregation
        List<Integer> keys = new ArrayList<>(queries.keys(request.tagIds()).values());
        Path file = Files.createTempFile(folder, PREFIX, "." + request.format().extension());
        try {
            long rows;
            try (Connection conn = database.connect()) {
                rows = Transactions.run(conn, st -> {
                    String select = select(request, keys, compacted, conn);
                    try (ResultSet rs = st.executeQuery("SELECT count(*) FROM (" + select + ")")) {
                        rs.next();
                        if (rs.getLong(1) > request.maxRows()) {
                            throw new ExportTooLargeException(rs.getLong(1), request.maxRows());
                        }
                    }
                    return st.executeUpdate("COPY (" + select + " ORDER BY t.tag_id, "
                            + (request.interval() == null ? "s.ts" : "a.b") + ") TO '"
                            + file.toString().replace("'", "''") + "' " + options(request.format()));
                });
            } catch (SQLException e) {
                throw new IOException(
                        "historian export of " + request.tagIds().size() + " tags failed: " + e.getMessage(), e);
            }
            Files.copy(file, out);
            return rows;
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** The rows of the export, unordered: tag ids from {@code t}, times from {@code s.ts} or {@code a.b}. */
    private static String select(ExportRequest r, List<Integer> keys, long compacted, Connection conn)
            throws SQLException {
        long from = Queries.micros(r.since());
        long to = Queries.micros(r.until());
        ExportFormat format = r.format();
        if (r.interval() == null) {
            return "SELECT t.tag_id AS tag, " + time("s.ts", format) + " AS time, s.num AS value, s.bool AS bool, "
                    + QUALITY.formatted("s.quality") + " AS quality FROM all_samples s JOIN tags t USING (tag_key)"
                    + " WHERE s.tag_key IN (" + Aggregation.inList(keys) + ") AND s.ts >= " + from + " AND s.ts < "
                    + to;
        }
        long step = Queries.micros(r.interval());
        String aggregation = new Aggregation(keys, from, to, step, compacted).sql(conn);
        StringBuilder sql = new StringBuilder("SELECT t.tag_id AS tag, ")
                .append(time("a.b", format))
                .append(" AS start, ")
                .append(time(
                        "CASE WHEN a.b > " + (Long.MAX_VALUE - step) + " THEN " + Long.MAX_VALUE + " ELSE a.b + " + step
                                + " END",
                        format))
                .append(" AS \"end\"");
        for (Aggregate a : Aggregate.values()) {
            if (r.aggregates().contains(a)) {
                sql.append(", ").append(column(a));
            }
        }
        return sql.append(" FROM (")
                .append(aggregation)
                .append(") a JOIN tags t USING (tag_key)")
                .toString();
    }

    private static String column(Aggregate a) {
        return switch (a) {
            case COUNT -> "a.n AS \"count\"";
            case AVG -> "CASE WHEN a.nv = 0 THEN NULL ELSE a.s / a.nv END AS avg";
            case MIN -> "a.mn AS \"min\"";
            case MAX -> "a.mx AS \"max\"";
            case FIRST -> "a.fv AS \"first\"";
            case LAST -> "a.lv AS \"last\"";
            case GOOD_SHARE -> "CASE WHEN a.n = 0 THEN 0.0 ELSE a.ng::DOUBLE / a.n END AS good_share";
        };
    }

    /** SQL: a time in µs as ISO-8601 UTC text (CSV) or as a TIMESTAMPTZ (Parquet), whatever the session zone. */
    private static String time(String micros, ExportFormat format) {
        return switch (format) {
            case CSV -> "strftime(make_timestamp(" + micros + "), '%Y-%m-%dT%H:%M:%S.%fZ')";
            case PARQUET -> "timezone('UTC', make_timestamp(" + micros + "))";
        };
    }

    private static String options(ExportFormat format) {
        return switch (format) {
            case CSV -> "(FORMAT csv, HEADER)";
            case PARQUET -> "(FORMAT parquet)";
        };
    }

    /** SQL: a quality code ({@code %s}) as the {@link Quality} name. */
    private static String qualityNames() {
        StringBuilder b = new StringBuilder("CASE %1$s");
        for (Quality q : Quality.values()) {
            b.append(" WHEN ")
                    .append(q.code())
                    .append(" THEN '")
                    .append(q.name())
                    .append('\'');
        }
        return b.append(" ELSE %1$s::VARCHAR END").toString();
    }

    private void deleteLeftovers() {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, PREFIX + "*")) {
            for (Path f : files) {
                Files.deleteIfExists(f);
                logger.info("Deleted {}, left over by an export that did not finish", f);
            }
        } catch (IOException | UncheckedIOException e) {
            logger.warn("Cannot delete left-over export files in {}: {}", folder, e.toString());
        }
    }
}
