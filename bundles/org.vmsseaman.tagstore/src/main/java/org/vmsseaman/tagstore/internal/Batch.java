package org.vmsseaman.tagstore.internal;

import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.function.Consumer;
import org.vmsseaman.api.tag.TagValue;

/** An immutable list of updates over a slice of an array that is never written again. */
final class Batch extends AbstractList<TagValue> implements RandomAccess {

    private final TagValue[] items;
    private final int offset;
    private final int size;

    private Batch(TagValue[] items, int offset, int size) {
        this.items = items;
        this.offset = offset;
        this.size = size;
    }

    /** Takes ownership of {@code items}: the caller must not write to it afterwards. */
    static Batch wrap(TagValue[] items, int size) {
        return new Batch(items, 0, size);
    }

    /** The batches' updates in order, in one new batch. */
    static Batch concat(List<Batch> batches, int totalSize) {
        TagValue[] items = new TagValue[totalSize];
        int at = 0;
        for (Batch b : batches) {
            System.arraycopy(b.items, b.offset, items, at, b.size);
            at += b.size;
        }
        return new Batch(items, 0, at);
    }

    /** The updates from {@code from} (inclusive) to {@code to} (exclusive), sharing this batch's array. */
    Batch slice(int from, int to) {
        Objects.checkFromToIndex(from, to, size);
        return new Batch(items, offset + from, to - from);
    }

    @Override
    public TagValue get(int index) {
        Objects.checkIndex(index, size);
        return items[offset + index];
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public void forEach(Consumer<? super TagValue> action) {
        for (int i = offset, end = offset + size; i < end; i++) {
            action.accept(items[i]);
        }
    }
}
