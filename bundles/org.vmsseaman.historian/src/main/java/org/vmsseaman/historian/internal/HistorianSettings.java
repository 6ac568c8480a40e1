package org.vmsseaman.historian.internal;

import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * The historian's tunables, from {@link HistorianConfig} or the defaults.
 *
 * @param commitIntervalMillis longest wait before accepted samples are committed, at least 50
 * @param bufferCapacity tag store subscription capacity and the writer's backlog limit, at least 1000
 */
public record HistorianSettings(long commitIntervalMillis, int bufferCapacity) {

    /** Framework property naming the database file. */
    public static final String DB_PROPERTY = "vmsseaman.historian.db";
    /** Framework property naming the installation folder. */
    public static final String HOME_PROPERTY = "vmsseaman.home";

    /** The same as {@link HistorianConfig}'s defaults. */
    public static final HistorianSettings DEFAULTS = new HistorianSettings(500, 2_000_000);

    public HistorianSettings {
        commitIntervalMillis = Math.max(50, commitIntervalMillis);
        bufferCapacity = Math.max(1000, bufferCapacity);
    }

    static HistorianSettings from(HistorianConfig config) {
        return new HistorianSettings(config.commitIntervalMillis(), config.bufferCapacity());
    }

    /** The database file: configured, else from framework properties, else {@code ./data/historian.duckdb}. */
    static Path resolveFile(String configured, UnaryOperator<String> frameworkProperty) {
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured.trim());
        }
        String db = frameworkProperty.apply(DB_PROPERTY);
        if (db != null && !db.isBlank()) {
            return Path.of(db.trim());
        }
        String home = frameworkProperty.apply(HOME_PROPERTY);
        Path base = home != null && !home.isBlank() ? Path.of(home.trim()) : Path.of(".");
        return base.resolve("data").resolve("historian.duckdb");
    }
}
