package org.vmsseaman.tagstore.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.vmsseaman.api.subscriber.TagSubscriber;
import org.vmsseaman.api.tagstore.SubscriberStats;
import org.vmsseaman.api.tagstore.SubscriptionMode;
import org.vmsseaman.api.tagstore.SubscriptionOptions;

/**
 * Every update in order, up to {@code capacity} updates buffered (counting those being delivered).
 * A batch that does not fit is dropped whole and announced with {@code onGap} at its place in the
 * stream; a batch larger than the capacity never fits.
 */
final class LosslessSubscription extends DeliverySubscription<ArrayDeque<Object>> {

    /** Updates dropped at one place in the buffer; only touched under the lock while buffered. */
    private static final class Gap {
        long lost;
    }

    private final int maxBatch;
    private final AtomicLong pending = new AtomicLong();
    private ArrayDeque<Object> queue = new ArrayDeque<>(); // Batch or Gap, guarded by lock
    private ArrayDeque<Object> spare = new ArrayDeque<>(); // owned by the delivery thread
    private volatile long dropped;
    private final List<Batch> run = new ArrayList<>(); // delivery thread only
    private int runSize; // delivery thread only

    LosslessSubscription(
            TagSubscriber subscriber,
            SubscriptionOptions options,
            StoreSettings settings,
            Consumer<DeliverySubscription<?>> onClose) {
        super(subscriber, options, settings, onClose);
        this.maxBatch = options.maxBatch();
    }

    @Override
    protected void enqueueLocked(Batch batch) {
        int n = batch.size();
        if (pending.get() + n > options.capacity()) {
            dropped += n; // writes are serialised by the lock
            Object last = queue.peekLast();
            Gap gap = last instanceof Gap g ? g : new Gap();
            if (gap != last) {
                queue.addLast(gap);
            }
            gap.lost += n;
            return;
        }
        pending.addAndGet(n);
        queue.addLast(batch);
    }

    @Override
    protected boolean hasWorkLocked() {
        return !queue.isEmpty();
    }

    @Override
    protected long pendingLocked() {
        return pending.get();
    }

    @Override
    protected ArrayDeque<Object> takeLocked() {
        ArrayDeque<Object> taken = queue;
        queue = spare;
        spare = taken; // handed back empty by deliver() before the next take
        return taken;
    }

    @Override
    protected void deliver(ArrayDeque<Object> items) {
        for (Object item; isRunning() && (item = items.pollFirst()) != null; ) {
            if (item instanceof Gap gap) {
                flush();
                deliverGap(gap.lost);
            } else {
                add((Batch) item);
            }
        }
        if (isRunning()) {
            flush();
        }
        items.clear();
    }

    @Override
    protected void clearLocked() {
        queue.clear();
        pending.set(0);
    }

    @Override
    protected SubscriberStats stats(long delivered, long failures) {
        return new SubscriberStats(
                options.name(), SubscriptionMode.LOSSLESS, delivered, Math.max(0, pending.get()), dropped, 0, failures);
    }

    private void add(Batch batch) {
        if (runSize + batch.size() > maxBatch) {
            flush();
        }
        if (batch.size() <= maxBatch) {
            run.add(batch);
            runSize += batch.size();
            return;
        }
        for (int from = 0; from < batch.size(); from += maxBatch) {
            deliverCounted(batch.slice(from, Math.min(batch.size(), from + maxBatch)));
        }
    }

    private void flush() {
        if (runSize == 0) {
            return;
        }
        Batch chunk = run.size() == 1 ? run.get(0) : Batch.concat(run, runSize);
        run.clear();
        runSize = 0;
        deliverCounted(chunk);
    }

    private void deliverCounted(Batch chunk) {
        deliverChunk(chunk);
        pending.addAndGet(-chunk.size());
    }
}
