package org.vmsseaman.api.historian;

/**
 * Aggregate of one tag's samples in {@code [start, end)}. Aggregates of a boolean tag treat true as 1.
 * A bucket without samples is not returned.
 *
 * @param start bucket start, microseconds since the epoch UTC, inclusive
 * @param end bucket end, exclusive
 * @param count number of samples in the bucket
 * @param avg mean of the values
 * @param min smallest value
 * @param max largest value
 * @param first value of the earliest sample
 * @param last value of the latest sample
 * @param goodShare share of the samples with GOOD quality, 0..1
 */
public record Bucket(
        long start,
        long end,
        long count,
        Double avg,
        Double min,
        Double max,
        Double first,
        Double last,
        double goodShare) {}
