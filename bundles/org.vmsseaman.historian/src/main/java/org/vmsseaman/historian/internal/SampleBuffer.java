package org.vmsseaman.historian.internal;

import java.util.Arrays;

/** A growable, column-wise list of samples waiting to be written. Not thread-safe. */
final class SampleBuffer {

    /**
     * A tag as the writer sees it: its id and, once a commit stored it, its key (0 until then), so the writer
     * looks a tag's key up once, not for every sample. One per tag, made by the recorder; only the writer thread
     * reads or sets {@code key}.
     */
    static final class Tag {
        final String id;
        int key;

        Tag(String id) {
            this.id = id;
        }
    }

    static final byte NONE = 0;
    static final byte NUMBER = 1;
    static final byte FALSE = 2;
    static final byte TRUE = 3;

    private static final int INITIAL = 1024;
    private static final int KEEP = 1 << 16;

    Tag[] tags;
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

    void add(Tag tag, long time, byte kind, double number, short quality) {
        if (size == times.length) {
            grow(size + 1);
        }
        tags[size] = tag;
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
        System.arraycopy(other.tags, 0, tags, size, n);
        System.arraycopy(other.times, 0, times, size, n);
        System.arraycopy(other.kinds, 0, kinds, size, n);
        System.arraycopy(other.numbers, 0, numbers, size, n);
        System.arraycopy(other.qualities, 0, qualities, size, n);
        size += n;
    }

    /**
     * Empties the buffer. A buffer grown large gives its memory back once it was used far below its size (the
     * backlog is over), not after every large batch: the writer's two buffers take turns, and growing one again
     * from scratch for every batch of a backlog cost copies and garbage on the delivery thread.
     */
    void clear() {
        if (times.length > KEEP && size < times.length / 4) {
            allocate(INITIAL);
        } else {
            Arrays.fill(tags, 0, size, null);
        }
        size = 0;
    }

    private void allocate(int capacity) {
        tags = new Tag[capacity];
        times = new long[capacity];
        numbers = new double[capacity];
        kinds = new byte[capacity];
        qualities = new short[capacity];
    }

    private void grow(int needed) {
        int capacity = Math.max(needed, times.length * 2);
        tags = Arrays.copyOf(tags, capacity);
        times = Arrays.copyOf(times, capacity);
        numbers = Arrays.copyOf(numbers, capacity);
        kinds = Arrays.copyOf(kinds, capacity);
        qualities = Arrays.copyOf(qualities, capacity);
    }
}
