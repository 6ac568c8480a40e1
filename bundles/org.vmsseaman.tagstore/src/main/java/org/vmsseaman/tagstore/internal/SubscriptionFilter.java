package org.vmsseaman.tagstore.internal;

import java.util.function.BiConsumer;
import java.util.function.Predicate;
import org.vmsseaman.api.tag.TagValue;

/**
 * A subscription's tag filter, applied to whole batches. Whether the filter accepts every defined
 * tag is worked out once per tag table, so a subscription to all tags costs nothing per update.
 * The filter must be a cheap, pure function of the tag id; one that throws counts as "no".
 */
final class SubscriptionFilter {

    private final Predicate<String> filter;
    private final BiConsumer<String, RuntimeException> onFailure;
    private volatile AllMatch allMatch;

    /** Whether the filter accepts every tag of one tag table. */
    private record AllMatch(TagTable table, boolean all) {}

    SubscriptionFilter(Predicate<String> filter, BiConsumer<String, RuntimeException> onFailure) {
        this.filter = filter;
        this.onFailure = onFailure;
    }

    /** The updates of {@code batch} the filter accepts: {@code batch} itself if it accepts them all. */
    Batch select(Batch batch, TagTable table) {
        AllMatch match = allMatch;
        if (match == null || match.table() != table) {
            match = new AllMatch(table, acceptsAll(table));
            allMatch = match;
        }
        if (match.all()) {
            return batch;
        }
        TagValue[] wanted = new TagValue[batch.size()];
        int n = 0;
        for (int i = 0, size = batch.size(); i < size; i++) {
            TagValue update = batch.get(i);
            if (accepts(update.tagId())) {
                wanted[n++] = update;
            }
        }
        return n == batch.size() ? batch : Batch.wrap(wanted, n);
    }

    private boolean acceptsAll(TagTable table) {
        for (LiveTag tag : table.tags()) {
            if (!accepts(tag.definition.id())) {
                return false;
            }
        }
        return true;
    }

    private boolean accepts(String tagId) {
        try {
            return filter.test(tagId);
        } catch (RuntimeException e) {
            onFailure.accept("its tag filter", e);
            return false;
        }
    }
}
