package org.vmsseaman.api.subscriber;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;
import org.vmsseaman.api.tag.TagValue;

/**
 * Receives tag value updates from the tag store, in batches, on a delivery thread the tag store owns.
 *
 * <p><b>Threading.</b> Each subscription has its own delivery thread; calls for one subscription
 * never overlap and arrive in the order the tag store accepted the updates (so per tag, in order).
 * A subscriber may take its time: the tag store buffers for it (up to the subscription's capacity)
 * and never slows drivers or other subscribers. It must not block forever. Under load the tag store
 * may hold a delivery back for a short, bounded linger (default 1 ms) to hand over larger batches.
 *
 * <p><b>Errors.</b> An exception thrown from a callback is logged and counted; the batch is
 * considered delivered and delivery continues.
 *
 * <p><b>Gaps.</b> A {@link org.vmsseaman.api.tagstore.SubscriptionMode#LOSSLESS lossless}
 * subscriber that falls so far behind that its buffer overflows is told so through
 * {@link #onGap(long)} before the next batch, never fed a silent gap; it can then re-read current
 * values from {@link org.vmsseaman.api.tagstore.TagStore#snapshot()}. A
 * {@link org.vmsseaman.api.tagstore.SubscriptionMode#COALESCING coalescing} subscriber receives
 * the latest value per tag and is never told about the intermediate values it skipped.
 */
@ConsumerType
public interface TagSubscriber {

    /**
     * A batch of updates, oldest first.
     *
     * @param batch immutable and never reused, so the subscriber may keep it
     */
    void onBatch(List<TagValue> batch);

    /**
     * The subscription's buffer overflowed and {@code lostUpdates} updates were dropped before the
     * batch that follows. Called on the delivery thread. The default does nothing.
     */
    default void onGap(long lostUpdates) {}
}
