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
}
