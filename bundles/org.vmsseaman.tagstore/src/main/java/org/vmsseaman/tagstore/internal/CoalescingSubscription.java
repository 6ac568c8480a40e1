package org.vmsseaman.tagstore.internal;

import java.util.LinkedHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vmsseaman.api.subscriber.TagSubscriber;
import org.vmsseaman.api.tag.TagValue;
import org.vmsseaman.api.tagstore.SubscriberStats;
import org.vmsseaman.api.tagstore.SubscriptionMode;
import org.vmsseaman.api.tagstore.SubscriptionOptions;

/**
 * The latest value per tag since the last delivery, in the order the tags first changed.
 *
 * <p>The buffer holds at most one value per defined tag, so it is bounded by the tag count. When it
 * holds more tags than {@code capacity}, the newest value of each tag is still kept (dropping one
 * would leave a screen showing a stale value with no sign of it) and a warning is logged once.
 */
final class CoalescingSubscription extends DeliverySubscription<LinkedHashMap<String, TagValue>> {

    private final Logger logger = LoggerFactory.getLogger(CoalescingSubscription.class);

    private LinkedHashMap<String, TagValue> latest = new LinkedHashMap<>(); // guarded by lock
    private LinkedHashMap<String, TagValue> spare = new LinkedHashMap<>(); // owned by the delivery thread
    private volatile long coalesced;
    private volatile int pendingTags;
    private boolean overCapacityLogged; // guarded by lock

    CoalescingSubscription(
            TagSubscriber subscriber,
            SubscriptionOptions options,
            StoreSettings settings,
            Consumer<DeliverySubscription<?>> onClose) {
        super(subscriber, options, settings, onClose);
    }

    @Override
    protected void enqueueLocked(Batch batch) {
        long replaced = 0;
        for (int i = 0, n = batch.size(); i < n; i++) {
            TagValue update = batch.get(i);
            if (latest.put(update.tagId(), update) != null) {
                replaced++;
            }
        }
        coalesced += replaced; // writes are serialised by the lock
        pendingTags = latest.size();
        if (pendingTags > options.capacity() && !overCapacityLogged) {
            overCapacityLogged = true;
            logger.warn(
                    "Coalescing subscriber '{}' has {} tags pending, more than its capacity {}; keeping the latest value of each",
                    options.name(),
                    pendingTags,
                    options.capacity());
        }
    }

    @Override
    protected boolean hasWorkLocked() {
        return !latest.isEmpty();
    }

    @Override
    protected long pendingLocked() {
        return latest.size();
    }

    @Override
    protected LinkedHashMap<String, TagValue> takeLocked() {
        LinkedHashMap<String, TagValue> taken = latest;
        latest = spare;
        spare = taken; // handed back empty by deliver() before the next take
        pendingTags = 0;
        return taken;
    }

    @Override
    protected void deliver(LinkedHashMap<String, TagValue> values) {
        TagValue[] all = values.values().toArray(new TagValue[0]);
        values.clear();
        Batch batch = Batch.wrap(all, all.length);
        int maxBatch = options.maxBatch();
        for (int from = 0; from < all.length && isRunning(); from += maxBatch) {
            deliverChunk(all.length <= maxBatch ? batch : batch.slice(from, Math.min(all.length, from + maxBatch)));
        }
    }

    @Override
    protected void clearLocked() {
        latest.clear();
        pendingTags = 0;
    }

    @Override
    protected SubscriberStats stats(long delivered, long failures) {
        return new SubscriberStats(
                options.name(), SubscriptionMode.COALESCING, delivered, pendingTags, 0, coalesced, failures);
    }
}
