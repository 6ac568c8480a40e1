package org.vmsseaman.benchmarks;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.vmsseaman.api.subscriber.TagSubscriber;
import org.vmsseaman.api.tag.Quality;
import org.vmsseaman.api.tag.TagDefinition;
import org.vmsseaman.api.tag.TagValue;
import org.vmsseaman.api.tagstore.SubscriberStats;
import org.vmsseaman.api.tagstore.Subscription;
import org.vmsseaman.api.tagstore.SubscriptionOptions;
import org.vmsseaman.api.tagstore.TagStore;
import org.vmsseaman.api.tagstore.TagStoreStats;

/**
 * A stand-in tag store for measuring the alarm engine alone: {@link #publish} hands the batch to the one
 * subscriber (the alarm service's feed) on the caller's thread, unfiltered, with no buffer, lock or
 * delivery thread in between. It keeps no values: the snapshot is empty.
 */
final class DirectTagStore implements TagStore {

    private volatile TagSubscriber subscriber;

    @Override
    public void define(Collection<TagDefinition> definitions) {
        // keeps nothing
    }

    @Override
    public Optional<TagDefinition> definition(String tagId) {
        return Optional.empty();
    }

    @Override
    public Collection<TagDefinition> definitions() {
        return List.of();
    }

    @Override
    public Optional<TagValue> get(String tagId) {
        return Optional.empty();
    }

    @Override
    public List<TagValue> snapshot() {
        return List.of();
    }

    @Override
    public int publish(List<TagValue> updates) {
        subscriber.onBatch(updates);
        return updates.size();
    }

    @Override
    public int markQuality(Collection<String> tagIds, Quality quality, Predicate<TagValue> condition) {
        throw new UnsupportedOperationException("not a real tag store");
    }

    @Override
    public Subscription subscribe(TagSubscriber s, SubscriptionOptions options) {
        if (subscriber != null) {
            throw new IllegalStateException("the direct tag store takes one subscriber");
        }
        subscriber = s;
        return new Subscription() {
            @Override
            public SubscriberStats stats() {
                return new SubscriberStats(options.name(), options.mode(), 0, 0, 0, 0, 0);
            }

            @Override
            public void close() {
                subscriber = null;
            }
        };
    }

    @Override
    public TagStoreStats stats() {
        throw new UnsupportedOperationException("not a real tag store");
    }
}
