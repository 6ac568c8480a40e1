package org.vmsseaman.api.historian;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What {@link Historian#export} writes: the samples (or, with an interval, the buckets) of some tags with
 * {@code since <= time < until}.
 *
 * <p>Raw rows have the columns {@code tag, time, value, bool, quality}: tag id; the sample's time; the value
 * of a numeric tag (DOUBLE, else empty); the value of a boolean tag (BOOLEAN, else empty); the quality's
 * name (e.g. {@code GOOD}, {@code BAD_STALE}). Bucket rows have {@code tag, start, end} and one column per
 * chosen aggregate, in the order of {@link Aggregate}: {@code count, avg, min, max, first, last,
 * good_share}. Rows are ordered by tag id, then time.
 *
 * @param tagIds the tags, at least one; ids unknown to the historian contribute no rows
 * @param since start of the range, inclusive
 * @param until end of the range, exclusive, not before {@code since}
 * @param interval bucket length (aligned to the epoch as in {@link Historian#aggregate}), or null for raw
 *     samples
 * @param aggregates the aggregate columns of a bucket export, at least one; ignored for raw samples
 * @param format the file format
 * @param maxRows the most rows the export may have, at least 1; above it {@link ExportTooLargeException}
 * @since 1.2
 */
public record ExportRequest(
        List<String> tagIds,
        Instant since,
        Instant until,
        Duration interval,
        Set<Aggregate> aggregates,
        ExportFormat format,
        long maxRows) {

    /** The row limit of {@link #raw}. */
    public static final long DEFAULT_MAX_ROWS = 5_000_000;

    /** @throws IllegalArgumentException if a value is missing or out of range, naming it */
    public ExportRequest {
        tagIds = List.copyOf(Objects.requireNonNull(tagIds, "tagIds"));
        if (tagIds.isEmpty()) {
            throw new IllegalArgumentException("tagIds must name at least one tag");
        }
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(until, "until");
        if (since.isAfter(until)) {
            throw new IllegalArgumentException("since (" + since + ") is after until (" + until + ")");
        }
        if (interval != null && (interval.isNegative() || interval.isZero())) {
            throw new IllegalArgumentException("interval must be positive, was " + interval);
        }
        aggregates = Set.copyOf(Objects.requireNonNull(aggregates, "aggregates"));
        if (interval != null && aggregates.isEmpty()) {
            throw new IllegalArgumentException("aggregates must name at least one aggregate");
        }
        Objects.requireNonNull(format, "format");
        if (maxRows < 1) {
            throw new IllegalArgumentException("maxRows must be at least 1, was " + maxRows);
        }
    }

    /** Raw samples of {@code tagIds} in {@code [since, until)}, at most {@link #DEFAULT_MAX_ROWS} rows. */
    public static ExportRequest raw(List<String> tagIds, Instant since, Instant until, ExportFormat format) {
        return new ExportRequest(tagIds, since, until, null, EnumSet.allOf(Aggregate.class), format, DEFAULT_MAX_ROWS);
    }

    /** This request in buckets of {@code newInterval} with the given aggregate columns. */
    public ExportRequest inBuckets(Duration newInterval, Set<Aggregate> newAggregates) {
        return new ExportRequest(
                tagIds, since, until, Objects.requireNonNull(newInterval, "interval"), newAggregates, format, maxRows);
    }

    /** This request with another row limit. */
    public ExportRequest withMaxRows(long newMaxRows) {
        return new ExportRequest(tagIds, since, until, interval, aggregates, format, newMaxRows);
    }
}
