package org.vmsseaman.api.historian;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Recorded tag values. Only committed samples are visible: a sample counts as stored once the commit
 * of its batch returned (at least once a second). Thread-safe; queries never block recording.
 */
@ProviderType
public interface Historian {

    /**
     * Samples of one tag with {@code since <= time < until}, oldest first (or newest first), at most
     * {@code limit}.
     *
     * @throws IllegalArgumentException if {@code since} is after {@code until} or {@code limit < 1}
     */
    List<Sample> raw(String tagId, Instant since, Instant until, int limit, boolean newestFirst);

    /**
     * One tag's samples with {@code since <= time < until} in buckets of {@code interval}, aligned to
     * the epoch, oldest first; buckets without samples are left out.
     *
     * @throws IllegalArgumentException if the range is reversed or the interval is not positive
     */
    List<Bucket> aggregate(String tagId, Instant since, Instant until, Duration interval);

    /**
     * {@link #raw(String, Instant, Instant, int, boolean)} for several tags in one query: for each tag the same
     * samples as the single-tag call, {@code limit} applying per tag. As there, samples of one tag with the same
     * time (a quality change within a microsecond) come in no defined order among themselves.
     *
     * @return every distinct requested tag id, in request order, mapped to its samples (empty for a tag
     *     without history)
     * @throws IllegalArgumentException as the single-tag call, or if {@code tagIds} is null or holds null
     * @since 1.2
     */
    Map<String, List<Sample>> raw(List<String> tagIds, Instant since, Instant until, int limit, boolean newestFirst);

    /**
     * {@link #aggregate(String, Instant, Instant, Duration)} for several tags in one query: for each tag the
     * same buckets as the single-tag call.
     *
     * @return every distinct requested tag id, in request order, mapped to its buckets (empty for a tag
     *     without history)
     * @throws IllegalArgumentException as the single-tag call, or if {@code tagIds} is null or holds null
     * @since 1.2
     */
    Map<String, List<Bucket>> aggregate(List<String> tagIds, Instant since, Instant until, Duration interval);

    /**
     * Writes the samples or buckets of {@code request} as a file to {@code out} (which stays open). The file
     * is written by the database into a temporary file first, which is deleted afterwards also on failure; the
     * export reads one consistent snapshot and does not block recording.
     *
     * @return the number of rows written (without the CSV header)
     * @throws ExportTooLargeException if the export would have more than {@code request.maxRows()} rows;
     *     nothing was written to {@code out} then
     * @throws IOException if writing the temporary file or to {@code out} failed
     * @since 1.2
     */
    long export(ExportRequest request, OutputStream out) throws IOException;

    /** The latest sample of a tag at or before {@code time}. */
    Optional<Sample> valueAt(String tagId, Instant time);

    /** Current statistics. */
    HistorianStats stats();

    /**
     * The recovery from a damaged database file at start, if there was one: what was kept aside and which
     * window of samples is lost.
     *
     * @since 1.2
     */
    Optional<Recovery> recovery();
}
