package org.vmsseaman.api.historian;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
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

    /** The latest sample of a tag at or before {@code time}. */
    Optional<Sample> valueAt(String tagId, Instant time);

    /** Current statistics. */
    HistorianStats stats();
}
