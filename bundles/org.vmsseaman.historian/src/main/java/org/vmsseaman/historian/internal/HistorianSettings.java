package org.vmsseaman.historian.internal;

import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * The historian's tunables, from {@link HistorianConfig} or the defaults.
 *
 * @param commitIntervalMillis longest wait before accepted samples are committed, at least 50
 * @param bufferCapacity tag store subscription capacity and the writer's backlog limit, at least 1000
 * @param maintenanceIntervalMillis pause between maintenance passes (retention, compaction), at least 100
 * @param compactionGraceMillis how long after its end a 10-minute chunk is compacted, at least 0
 * @param rawRetentionDays raw samples are kept this many whole days before today; 0 keeps them forever
 * @param rollupRetentionDays rollups are kept this many whole days before today; 0 keeps them forever
 * @param diskBudgetBytes most bytes the database may use before the oldest raw samples are removed; 0: none
 */
public record HistorianSettings(
        long commitIntervalMillis,
        int bufferCapacity,
        long maintenanceIntervalMillis,
        long compactionGraceMillis,
        int rawRetentionDays,
        int rollupRetentionDays,
        long diskBudgetBytes) {

    /** Framework property naming the database file. */
    public static final String DB_PROPERTY = "vmsseaman.historian.db";
    /** Framework property naming the installation folder. */
    public static final String HOME_PROPERTY = "vmsseaman.home";

    /** The same as {@link HistorianConfig}'s defaults. */
    public static final HistorianSettings DEFAULTS = new HistorianSettings(500, 2_000_000, 60_000, 120_000, 30, 365, 0);

    public HistorianSettings {
        commitIntervalMillis = Math.max(50, commitIntervalMillis);
        bufferCapacity = Math.max(1000, bufferCapacity);
        maintenanceIntervalMillis = Math.max(100, maintenanceIntervalMillis);
        compactionGraceMillis = Math.max(0, compactionGraceMillis);
        rawRetentionDays = Math.max(0, rawRetentionDays);
        rollupRetentionDays = Math.max(0, rollupRetentionDays);
        if (rawRetentionDays == 0 && rollupRetentionDays > 0) {
            rollupRetentionDays = 0; // rollups are never removed before the raw samples they summarise
        } else if (rawRetentionDays > 0 && rollupRetentionDays > 0) {
            rollupRetentionDays = Math.max(rawRetentionDays, rollupRetentionDays);
        }
        diskBudgetBytes = Math.max(0, diskBudgetBytes);
    }

    /**
     * The given commit interval and capacity, maintenance as {@link #DEFAULTS}, and no retention and no disk
     * budget: everything is kept (tests and benchmarks write data of any date).
     */
    public HistorianSettings(long commitIntervalMillis, int bufferCapacity) {
        this(commitIntervalMillis, bufferCapacity, 60_000, 120_000, 0, 0, 0);
    }

    /** These settings with another maintenance interval. */
    public HistorianSettings withMaintenanceInterval(long millis) {
        return new HistorianSettings(
                commitIntervalMillis,
                bufferCapacity,
                millis,
                compactionGraceMillis,
                rawRetentionDays,
                rollupRetentionDays,
                diskBudgetBytes);
    }

    /** These settings with other retention times and disk budget. */
    public HistorianSettings withRetention(int rawDays, int rollupDays, long budgetBytes) {
        return new HistorianSettings(
                commitIntervalMillis,
                bufferCapacity,
                maintenanceIntervalMillis,
                compactionGraceMillis,
                rawDays,
                rollupDays,
                budgetBytes);
    }

    static HistorianSettings from(HistorianConfig config) {
        return new HistorianSettings(
                config.commitIntervalMillis(),
                config.bufferCapacity(),
                config.maintenanceIntervalSeconds() * 1000L,
                config.compactionGraceSeconds() * 1000L,
                config.rawRetentionDays(),
                config.rollupRetentionDays(),
                config.diskBudgetMB() * 1024L * 1024L);
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
