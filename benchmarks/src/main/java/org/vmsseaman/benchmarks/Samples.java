package org.vmsseaman.benchmarks;

import java.util.Arrays;

/**
 * A growing list of long samples (times in ns, sizes) written by one thread at a time and read once the
 * writer is done, after a volatile read that follows its last write.
 */
final class Samples {

    private long[] values = new long[4096];
    private int size;

    void add(long value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    int size() {
        return size;
    }

    long sum() {
        long sum = 0;
        for (int i = 0; i < size; i++) {
            sum += values[i];
        }
        return sum;
    }

    /** The samples, sorted. */
    long[] sorted() {
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        return sorted;
    }

    /** Nearest-rank percentile of {@code sorted}, 0 if empty. */
    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
