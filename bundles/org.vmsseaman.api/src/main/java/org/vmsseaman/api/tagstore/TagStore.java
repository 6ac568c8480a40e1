package org.vmsseaman.api.tagstore;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.osgi.annotation.versioning.ProviderType;
import org.vmsseaman.api.subscriber.TagSubscriber;
import org.vmsseaman.api.tag.Quality;
import org.vmsseaman.api.tag.TagDefinition;
import org.vmsseaman.api.tag.TagValue;

/**
 * The live value of every tag, with fan-out to subscribers.
 *
 * <p>Reads are lock-free and may be called from any thread. {@link #publish(List)} is safe from
 * many threads at once and never blocks on a subscriber: each subscription has its own bounded
 * buffer and delivery thread (see {@link TagSubscriber}).
 *
 * <p>Every defined tag always has a current value; a tag that has received none yet has quality
 * {@link org.vmsseaman.api.tag.Quality#BAD_NO_VALUE} and a null value.
 */
@ProviderType
public interface TagStore {

    /**
     * Replaces the set of defined tags. Tags that stay keep their current value; new tags start
     * with {@code BAD_NO_VALUE}; removed tags disappear (subscribers are not told).
     *
     * @throws IllegalArgumentException if two definitions share an id
     */
    void define(Collection<TagDefinition> definitions);

    /** The definition of a tag. */
    Optional<TagDefinition> definition(String tagId);

    /** All definitions, in no particular order. */
    Collection<TagDefinition> definitions();

    /** The current value of a tag; empty if no such tag is defined. */
    Optional<TagValue> get(String tagId);

    /** The current value of every defined tag. */
    List<TagValue> snapshot();

    /**
     * Accepts a batch of updates: stores each as its tag's current value and hands the batch to the
     * subscribers. Updates for undefined tags, whose value does not match the tag's data type, or that
     * are GOOD without a value, are refused and counted, the rest are accepted. A BAD or UNCERTAIN
     * update without a value keeps the tag's last value. Pass batches rather than single values: one
     * hand-off per batch is what makes fan-out cheap. Concurrent calls are ordered: every subscriber
     * sees the batches in the same order, and a tag's current value is the last one delivered.
     *
     * @return the number of updates accepted
     */
    int publish(List<TagValue> updates);

    /**
     * Changes the quality of the current value of each tag, keeping its value, raw value and source
     * time and setting its receive time to now, and hands the changed values to the subscribers like
     * {@link #publish(List)}. Atomic with respect to {@code publish}: a value published concurrently is
     * never replaced by an older one, and {@code condition} is evaluated on the value that is current at
     * the moment of the change. Tags that are not defined, already have {@code quality}, or whose
     * current value fails {@code condition} are left alone.
     *
     * @return the number of tags changed
     */
    int markQuality(Collection<String> tagIds, Quality quality, Predicate<TagValue> condition);

    /** Subscribes; delivery starts with the next accepted update. */
    Subscription subscribe(TagSubscriber subscriber, SubscriptionOptions options);

    /** Current statistics. */
    TagStoreStats stats();
}
