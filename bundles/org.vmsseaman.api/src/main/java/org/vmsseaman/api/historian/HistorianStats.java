package org.vmsseaman.api.historian;

/**
 * Historian health and throughput.
 *
 * @param received updates received from the tag store since start
 * @param stored samples committed to the database since start (after the recording policy)
 * @param backlog samples accepted by the recording policy and not yet committed
 * @param lost updates the tag store dropped before the historian could take them (never silent: also logged)
 * @param lastCommitTime time of the last successful commit, microseconds since the epoch UTC; 0 if none
 * @param lastCommitMillis how long the last commit took, in milliseconds
 * @param fileBytes size of the database file(s), 0 in memory
 * @param totalSamples raw samples in the database (a running count, not a query)
 * @param oldestSample time of the oldest raw sample kept, microseconds since the epoch UTC; 0 if none
 * @param compactedUntil samples before this time are compacted and rolled up, microseconds since the epoch UTC;
 *     {@link Long#MIN_VALUE} if none
 * @param lastEvictionTime when the disk budget last forced raw samples out, microseconds since the epoch UTC;
 *     0 if never since start
 * @param evictedFrom start of the time window of raw samples that eviction removed (0 if none)
 * @param evictedUntil end (exclusive) of that window (0 if none); rollups of the window are kept
 * @param receivedPerSecond updates received per second, over the time between the two latest readings of
 *     these statistics at least a second apart (0 until there are two)
 * @param storedPerSecond samples committed per second, over the same time
 * @since 1.2
 */
public record HistorianStats(
        long received,
        long stored,
        long backlog,
        long lost,
        long lastCommitTime,
        long lastCommitMillis,
        long fileBytes,
        long totalSamples,
        long oldestSample,
        long compactedUntil,
        long lastEvictionTime,
        long evictedFrom,
        long evictedUntil,
        double receivedPerSecond,
        double storedPerSecond) {

    /** Statistics without compaction, eviction or rate figures (as of version 1.0). */
    public HistorianStats(
            long received,
            long stored,
            long backlog,
            long lost,
            long lastCommitTime,
            long lastCommitMillis,
            long fileBytes,
            long totalSamples,
            long oldestSample) {
        this(
                received,
                stored,
                backlog,
                lost,
                lastCommitTime,
                lastCommitMillis,
                fileBytes,
                totalSamples,
                oldestSample,
                Long.MIN_VALUE,
                0,
                0,
                0,
                0.0,
                0.0);
    }

    /**
     * How long the historian may go without a commit while samples wait before health and the self-monitoring
     * alarm report it (it commits at least every second).
     *
     * @since 1.3
     */
    public static final long COMMIT_OVERDUE_MICROS = 10_000_000L;

    /**
     * A description of a stalled writer: samples wait and the last commit is more than
     * {@link #COMMIT_OVERDUE_MICROS} before {@code nowMicros}; empty otherwise (also before the first commit).
     *
     * @since 1.3
     */
    public java.util.Optional<String> commitOverdue(long nowMicros) {
        if (backlog > 0 && lastCommitTime != 0 && nowMicros - lastCommitTime > COMMIT_OVERDUE_MICROS) {
            return java.util.Optional.of("historian has not committed for " + (nowMicros - lastCommitTime) / 1_000_000
                    + " s (" + backlog + " samples waiting)");
        }
        return java.util.Optional.empty();
    }

    /**
     * File size divided by samples stored; 0 while nothing is stored.
     *
     * @since 1.3
     */
    public double fileBytesPerSample() {
        return totalSamples == 0 ? 0.0 : (double) fileBytes / totalSamples;
    }
}
