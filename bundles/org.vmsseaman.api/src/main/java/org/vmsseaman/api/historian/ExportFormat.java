package org.vmsseaman.api.historian;

/**
 * File formats of {@link Historian#export}.
 *
 * @since 1.2
 */
public enum ExportFormat {
    /** Comma-separated values with a header line, UTF-8; times as ISO-8601 UTC text with microseconds. */
    CSV("text/csv", "csv"),
    /** Apache Parquet; times as {@code TIMESTAMP} adjusted to UTC (microseconds). */
    PARQUET("application/vnd.apache.parquet", "parquet");

    private final String mediaType;
    private final String extension;

    ExportFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    /** The media type (Content-Type) of the file. */
    public String mediaType() {
        return mediaType;
    }

    /** The usual file name extension, without the dot. */
    public String extension() {
        return extension;
    }
}
