package org.vmsseaman.tagstore.internal;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vmsseaman.api.subscriber.TagSubscriber;
import org.vmsseaman.api.tag.TagValue;
import org.vmsseaman.api.tagstore.SubscriberStats;
import org.vmsseaman.api.tagstore.Subscription;
import org.vmsseaman.api.tagstore.SubscriptionOptions;

/**
 * Base of a subscription: tag filter, buffer lock, delivery thread, failure handling and close.
 *
 * @param <W> the work the delivery thread takes from the buffer in one go
 */
abstract class DeliverySubscription<W> implements Subscription {

    private final Logger logger = LoggerFactory.getLogger(DeliverySubscription.class);

    protected final SubscriptionOptions options;

    private final TagSubscriber subscriber;
    private final SubscriptionFilter filter;
    private final long lingerNanos;
    private final long wakeThreshold;
    private final long closeTimeoutMillis;
    private final Consumer<DeliverySubscription<?>> onClose;
    private final FailureLog failureLog;
    private final Thread thread;
    /** Guards the subclass's buffer and {@link #waitState}; held only for short, non-blocking steps. */
    private final ReentrantLock lock = new ReentrantLock();

    private final Condition workAvailable = lock.newCondition();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final LongAdder failures = new LongAdder();
    private volatile boolean running = true;
    private volatile long delivered; // written by the delivery thread only
    private WaitState waitState = WaitState.BUSY;

    /** What the delivery thread is doing, so that producers wake it only when it helps. */
    private enum WaitState {
        /** Delivering, or about to look at the buffer: no signal needed. */
        BUSY,
        /** Waiting for any work: the next update wakes it. */
        IDLE,
        /** Has work but delivered less than a linger time ago: only a full chunk wakes it. */
        LINGER
    }

    DeliverySubscription(
            TagSubscriber subscriber,
            SubscriptionOptions options,
            StoreSettings settings,
            Consumer<DeliverySubscription<?>> onClose) {
        this.subscriber = subscriber;
        this.options = options;
        this.filter = new SubscriptionFilter(options.filter(), this::failed);
        this.closeTimeoutMillis = settings.closeTimeoutMillis();
        this.lingerNanos = options.immediate() ? 0 : TimeUnit.MICROSECONDS.toNanos(settings.lingerMicros());
        this.wakeThreshold = Math.max(1, Math.min(options.maxBatch(), options.capacity() / 2));
        this.onClose = onClose;
        this.failureLog = new FailureLog(options.name(), settings.failureLogIntervalSeconds());
        this.thread = new DeliveryThreadFactory(options.name()).newThread(this::deliveryLoop);
    }

    final void start() {
        thread.start();
    }

    /**
     * Hands over one publish call's accepted updates. Called by the tag store with its publish lock
     * held; never blocks on the subscriber.
     */
    final void offer(Batch accepted, TagTable table) {
        Batch wanted = filter.select(accepted, table);
        if (wanted.isEmpty() || !running) {
            return;
        }
        lock.lock();
        try {
            enqueueLocked(wanted);
            if (waitState == WaitState.IDLE || (waitState == WaitState.LINGER && pendingLocked() >= wakeThreshold)) {
                waitState = WaitState.BUSY;
                workAvailable.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Adds {@code batch} to the buffer, or counts it as dropped. Called with the buffer lock held. */
    protected abstract void enqueueLocked(Batch batch);

    /** {@code true} if anything, even only a gap, waits to be delivered. Called with the buffer lock held. */
    protected abstract boolean hasWorkLocked();

    /** The updates (lossless) or tags (coalescing) buffered. Called with the buffer lock held. */
    protected abstract long pendingLocked();

    /** Takes all buffered work. Called with the buffer lock held, only if there is work. */
    protected abstract W takeLocked();

    /** Hands {@code work} to the subscriber on the delivery thread. */
    protected abstract void deliver(W work);

    /** Drops everything buffered. Called with the buffer lock held. */
    protected abstract void clearLocked();

    /** The subscription's statistics, given its delivery counters. */
    protected abstract SubscriberStats stats(long delivered, long failures);

    @Override
    public final SubscriberStats stats() {
        return stats(delivered, failures.sum());
    }

    protected final boolean isRunning() {
        return running;
    }

    /** Calls {@code onBatch}; a failure is logged and counted, and the updates count as delivered. */
    protected final void deliverChunk(List<TagValue> chunk) {
        try {
            subscriber.onBatch(chunk);
        } catch (RuntimeException | LinkageError | AssertionError e) {
            failed("onBatch", e);
        }
        delivered += chunk.size();
    }

    /** Calls {@code onGap}; a failure is logged and counted. */
    protected final void deliverGap(long lost) {
        try {
            subscriber.onGap(lost);
        } catch (RuntimeException | LinkageError | AssertionError e) {
            failed("onGap", e);
        }
    }

    private void failed(String callback, Throwable failure) {
        failures.increment();
        failureLog.failed(callback, failure);
    }

    /**
     * Delivers until closed. A delivery starts at most once per linger time unless a full chunk is
     * waiting: when updates arrive faster than that, they are gathered into fewer, larger batches
     * instead of waking the thread for every publish. After a quiet spell delivery is immediate.
     */
    private void deliveryLoop() {
        long lastDelivery = System.nanoTime() - lingerNanos;
        try {
            while (running) {
                W work;
                lock.lock();
                try {
                    work = awaitWorkLocked(lastDelivery);
                } finally {
                    waitState = WaitState.BUSY;
                    lock.unlock();
                }
                if (work == null) {
                    return;
                }
                lastDelivery = System.nanoTime();
                deliver(work);
            }
        } catch (InterruptedException e) {
            // closing: leave the loop
        }
    }

    private W awaitWorkLocked(long lastDelivery) throws InterruptedException {
        while (running) {
            if (!hasWorkLocked()) {
                waitState = WaitState.IDLE;
                workAvailable.await();
                continue;
            }
            long lingerLeft = lastDelivery + lingerNanos - System.nanoTime();
            if (lingerLeft > 0 && pendingLocked() < wakeThreshold) {
                waitState = WaitState.LINGER;
                workAvailable.awaitNanos(lingerLeft);
                continue;
            }
            return takeLocked();
        }
        return null;
    }

    @Override
    public final void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        running = false;
        onClose.accept(this);
        lock.lock();
        try {
            clearLocked();
            workAvailable.signal();
        } finally {
            lock.unlock();
        }
        thread.interrupt();
        if (Thread.currentThread() == thread) {
            return; // closed from its own callback: the loop ends when the callback returns
        }
        try {
            thread.join(closeTimeoutMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            logger.warn(
                    "Tag store subscriber '{}' did not return within {} ms of close; its thread {} is left to finish",
                    options.name(),
                    TimeUnit.MILLISECONDS.toMillis(closeTimeoutMillis),
                    thread.getName());
        }
    }
}
