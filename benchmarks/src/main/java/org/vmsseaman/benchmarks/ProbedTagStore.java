package org.vmsseaman.benchmarks;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.vmsseaman.api.subscriber.TagSubscriber;
import org.vmsseaman.api.tag.Quality;
import org.vmsseaman.api.tag.TagDefinition;
import org.vmsseaman.api.tag.TagValue;
import org.vmsseaman.api.tagstore.Subscription;
import org.vmsseaman.api.tagstore.SubscriptionOptions;
import org.vmsseaman.api.tagstore.TagStore;
import org.vmsseaman.api.tagstore.TagStoreStats;

/**
 * A tag store seen through a probe: everything goes to the store it wraps, and the one subscriber (the
 * alarm service's feed) is wrapped to count the updates it has finished with, to time each {@code onBatch}
 * call (the engine's work on one batch, including its lock) and to time the hop from the publish call of
 * the oldest update in a batch to the start of its {@code onBatch} (the tag store's buffer, linger and
 * thread wake-up). One thread publishes; batches reach the subscriber in publish order.
 */
final class ProbedTagStore implements TagStore {

    private static final int RING = 1 << 16;

    private final TagStore store;
    /** Durations of the subscriber's {@code onBatch} calls, ns; written by the delivering thread. */
    final Samples batchNanos = new Samples();
    /** Batch sizes, in the order of {@link #batchNanos}. */
    final Samples batchSizes = new Samples();
    /** Publish of a batch's oldest update to the start of its {@code onBatch}, ns. */
    final Samples hopNanos = new Samples();

    private final long[] publishedBefore = new long[RING]; // updates published before publish call i
    private final long[] publishTime = new long[RING]; // nanoTime of publish call i
    private long published; // publishing thread only
    private volatile long publishes;
    private long cursor; // delivering thread only: the publish call of the next update to be delivered
    private volatile long delivered;
    private volatile long recordFrom;

    ProbedTagStore(TagStore store) {
        this.store = store;
    }

    /** Time the batches are timed from on ({@link System#nanoTime}); earlier ones are only counted. */
    void recordFrom(long nanos) {
        recordFrom = nanos;
    }

    /** Updates the subscriber has finished with. */
    long delivered() {
        return delivered;
    }

    @Override
    public Subscription subscribe(TagSubscriber subscriber, SubscriptionOptions options) {
        return store.subscribe(
                new TagSubscriber() {
                    @Override
                    public void onBatch(List<TagValue> batch) {
                        long start = System.nanoTime();
                        long oldest = publishTimeOf(delivered);
                        subscriber.onBatch(batch);
                        if (oldest >= recordFrom) {
                            batchNanos.add(System.nanoTime() - start);
                            batchSizes.add(batch.size());
                            hopNanos.add(start - oldest);
                        }
                        delivered += batch.size(); // one delivering thread at a time
                    }

                    @Override
                    public void onGap(long lostUpdates) {
                        subscriber.onGap(lostUpdates);
                    }
                },
                options);
    }

    @Override
    public void define(Collection<TagDefinition> definitions) {
        store.define(definitions);
    }

    @Override
    public Optional<TagDefinition> definition(String tagId) {
        return store.definition(tagId);
    }

    @Override
    public Collection<TagDefinition> definitions() {
        return store.definitions();
    }

    @Override
    public Optional<TagValue> get(String tagId) {
        return store.get(tagId);
    }

    @Override
    public List<TagValue> snapshot() {
        return store.snapshot();
    }

    @Override
    public int publish(List<TagValue> updates) {
        long i = publishes;
        publishTime[(int) (i % RING)] = System.nanoTime();
        publishedBefore[(int) (i % RING)] = published;
        published += updates.size();
        publishes = i + 1;
        return store.publish(updates);
    }

    /** The publish time of update number {@code update}, counting from 0. */
    private long publishTimeOf(long update) {
        long n = publishes;
        while (cursor + 1 < n && publishedBefore[(int) ((cursor + 1) % RING)] <= update) {
            cursor++;
        }
        return publishTime[(int) (cursor % RING)];
    }

    @Override
    public int markQuality(Collection<String> tagIds, Quality quality, Predicate<TagValue> condition) {
        return store.markQuality(tagIds, quality, condition);
    }

    @Override
    public TagStoreStats stats() {
        return store.stats();
    }
}
