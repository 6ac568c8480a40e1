package org.vmsseaman.historian.internal;

import java.util.Arrays;

/** A growable, column-wise list of samples waiting to be written. Not thread-safe. */
final class SampleBuffer {

    static final byte NONE = 0;
    static final byte NUMBER = 1;
    static final byte FALSE = 2;
    static final byte TRUE = 3;

    private static final int INITIAL = 1024;
    private static final int KEEP = 1 << 16;

    String[] tagIds;
    long[] times;
    double[] numbers;
    byte[] kinds;
    short[] qualities;
    private int size;

    SampleBuffer() {
        allocate(INITIAL);
    }

    int size() {
        return size;
    }

    void add(String tagId, long time, byte kind, double number, short quality) {
        if (size == times.length) {
            grow(size + 1);
        }
        tagIds[size] = tagId;
        times[size] = time;
        kinds[size] = kind;
        numbers[size] = number;
        qualities[size] = quality;
        size++;
    }

    void addAll(SampleBuffer other) {
        int n = other.size;
        if (size + n > times.length) {
            grow(size + n);
        }
        System.arraycopy(other.tagIds, 0, tagIds, size, n);
        System.arraycopy(other.times, 0, times, size, n);
        System.arraycopy(other.kinds, 0, kinds, size, n);
        System.arraycopy(other.numbers, 0, numbers, size, n);
        System.arraycopy(other.qualities, 0, qualities, size, n);
        size += n;
    }

    /** Empties the buffer; a buffer grown large by a backlog gives its memory back. */
    void clear() {
        if (times.length > KEEP) {
            allocate(INITIAL);
        } else {
            Arrays.fill(tagIds, 0, size, null);
        }
        size = 0;
    }

    private void allocate(int capacity) {
        tagIds = new String[capacity];
        times = new long[capacity];
        numbers = new double[capacity];
        kinds = new byte[capacity];
        qualities = new short[capacity];
    }

    private void grow(int needed) {
        int capacity = Math.max(needed, times.length * 2);
        tagIds = Arrays.copyOf(tagIds, capacity);
        times = Arrays.copyOf(times, capacity);
        numbers = Arrays.copyOf(numbers, capacity);
        kinds = Arrays.copyOf(kinds, capacity);
        qualities = Arrays.copyOf(qualities, capacity);
    }
}
