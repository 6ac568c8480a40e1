package org.vmsseaman.historian.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the historian (PID {@code org.vmsseaman.historian}). */
@ObjectClassDefinition(
        name = "VMS Seaman historian",
        description = "Records tag values in an embedded DuckDB database and answers history queries.")
public @interface HistorianConfig {

    @AttributeDefinition(
            name = "Database file",
            description = "Path of the DuckDB file. Empty: the framework property vmsseaman.historian.db, else"
                    + " <vmsseaman.home>/data/historian.duckdb, else ./data/historian.duckdb.")
    String file() default "";

    @AttributeDefinition(
            name = "In memory",
            description = "Keep the database in memory only (nothing survives a restart). For tests and demos.")
    boolean inMemory() default false;

    @AttributeDefinition(
            name = "Commit interval (ms)",
            description = "Longest time an accepted sample waits before its batch is committed, in milliseconds"
                    + " (at least 50).")
    long commitIntervalMillis() default 500;

    @AttributeDefinition(
            name = "Buffer capacity (samples)",
            description = "Updates the tag store buffers for the historian, and samples the writer holds before the"
                    + " historian stops taking more (the tag store then buffers, and reports lag).")
    int bufferCapacity() default 2_000_000;

    @AttributeDefinition(
            name = "Raw retention (days)",
            description = "Raw samples are kept this many whole days before today, then removed (their rollups"
                    + " stay). 0 keeps them forever.")
    int rawRetentionDays() default 30;

    @AttributeDefinition(
            name = "Rollup retention (days)",
            description = "1-minute and 1-hour rollups are kept this many whole days before today (at least as"
                    + " long as the raw samples). 0 keeps them forever.")
    int rollupRetentionDays() default 365;

    @AttributeDefinition(
            name = "Disk budget (MB)",
            description = "Most the database may use. Above it the oldest compacted raw samples are removed, a"
                    + " day at a time, and a warning is logged. 0: no budget.")
    long diskBudgetMB() default 0;

    @AttributeDefinition(
            name = "Maintenance interval (s)",
            description = "Pause between maintenance passes: retention, disk budget, compaction of closed"
                    + " 10-minute chunks into (tag, time) order and their rollups, merge of closed days.")
    long maintenanceIntervalSeconds() default 60;

    @AttributeDefinition(
            name = "Compaction grace (s)",
            description = "A 10-minute chunk is compacted once it ended this long ago; samples arriving later"
                    + " for it are still recorded and compacted on a later pass.")
    long compactionGraceSeconds() default 120;
}
