package org.vmsseaman.tagstore.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.vmsseaman.api.subscriber.TagSubscriber;
import org.vmsseaman.api.tag.TagValue;

/** A subscriber that records what it receives and lets a test wait for it. */
class Recorder implements TagSubscriber {

    /** A batch or a gap, in arrival order. */
    record Event(List<TagValue> batch, long gap) {}

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final List<Event> events = new ArrayList<>();
    private long updates;

    @Override
    public void onBatch(List<TagValue> batch) {
        record(new Event(batch, 0));
    }

    @Override
    public void onGap(long lostUpdates) {
        record(new Event(null, lostUpdates));
    }

    private void record(Event event) {
        lock.lock();
        try {
            events.add(event);
            updates += event.batch() == null ? 0 : event.batch().size();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits until at least {@code count} updates arrived; fails after {@code timeout}. */
    void awaitUpdates(long count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (updates < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("received " + updates + " of " + count + " updates within " + timeout);
                }
                changed.await(left, TimeUnit.NANOSECONDS);
            }
        } finally {
            lock.unlock();
        }
    }

    List<Event> events() {
        lock.lock();
        try {
            return List.copyOf(events);
        } finally {
            lock.unlock();
        }
    }

    /** Every update received, in order. */
    List<TagValue> updates() {
        List<TagValue> all = new ArrayList<>();
        for (Event e : events()) {
            if (e.batch() != null) {
                all.addAll(e.batch());
            }
        }
        return all;
    }
}
