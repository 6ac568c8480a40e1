package org.vmsseaman.api.historian;

/**
 * An {@linkplain Historian#export export} would have more rows than its request allows; nothing was written.
 *
 * @since 1.2
 */
public class ExportTooLargeException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final long rows;
    private final long maxRows;

    public ExportTooLargeException(long rows, long maxRows) {
        super("the export would have " + rows + " rows, more than the limit of " + maxRows);
        this.rows = rows;
        this.maxRows = maxRows;
    }

    /** Rows the export would have had. */
    public long rows() {
        return rows;
    }

    /** The limit it exceeded. */
    public long maxRows() {
        return maxRows;
    }
}
