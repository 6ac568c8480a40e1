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
 * @param totalSamples samples in the database
 * @param oldestSample time of the oldest sample kept, microseconds since the epoch UTC; 0 if none
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
        long oldestSample) {}
