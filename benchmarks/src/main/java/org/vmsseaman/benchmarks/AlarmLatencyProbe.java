package org.vmsseaman.benchmarks;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.vmsseaman.alarm.internal.AlarmJournal;
import org.vmsseaman.api.alarm.AlarmEvent;
import org.vmsseaman.api.alarm.AlarmListener;
import org.vmsseaman.api.alarm.Transition;

/**
 * Times alarm events from the publish of the update that caused them, at two places: where the engine
 * hands them to its journal ({@link #journal}: on the engine's thread, under its lock, right after the
 * update that caused them was evaluated, before the entries are encoded and queued for writing) and where an
 * {@link AlarmListener} gets them (on the alarm service's notifier thread). Only raised, reactivated and
 * cleared events that {@link AlarmUpdates#slotOf} traces to a crossing published at or after
 * {@link #recordFrom} are timed; every event is counted.
 */
final class AlarmLatencyProbe {

    private final AlarmUpdates updates;
    /** Publish to journal hand-over, ns; written on the engine's lock. */
    final Samples emitted = new Samples();
    /** Publish to listener call, ns; written by the notifier thread. */
    final Samples listened = new Samples();
    /** Journal hand-over to listener call of the same event, ns; written by the notifier thread. */
    final Samples notified = new Samples();

    private final long[] emittedAt = new long[AlarmUpdates.RING];
    private volatile long recordFrom = Long.MAX_VALUE;
    private volatile long emittedEvents;
    private volatile long listenedEvents;
    private volatile long listenedTimed;
    private volatile long untraced;

    AlarmLatencyProbe(AlarmUpdates updates) {
        this.updates = updates;
    }

    /** Times the crossings published at or after {@code nanos} ({@link System#nanoTime}). */
    void recordFrom(long nanos) {
        recordFrom = nanos;
    }

    /** Events the engine handed to its journal. */
    long emittedEvents() {
        return emittedEvents;
    }

    /** Events the listener got. */
    long listenedEvents() {
        return listenedEvents;
    }

    /** Events the listener got and timed. */
    long listenedTimed() {
        return listenedTimed;
    }

    /** Raised, reactivated or cleared events the listener could not trace to a crossing: must stay 0. */
    long untraced() {
        return untraced;
    }

    /** {@code journal} with the engine's hand-over timed. */
    AlarmJournal journal(AlarmJournal journal) {
        return new AlarmJournal() {
            @Override
            public CompletableFuture<Void> append(List<AlarmEvent> events) {
                long now = System.nanoTime();
                long from = recordFrom;
                for (AlarmEvent e : events) {
                    int slot = slot(e);
                    if (slot >= 0) {
                        emittedAt[slot] = now;
                        long stamp = updates.stampNanos(slot);
                        if (stamp >= from) {
                            emitted.add(now - stamp);
                        }
                    }
                }
                emittedEvents += events.size(); // on the engine's lock
                return journal.append(events);
            }

            @Override
            public List<AlarmEvent> read(Instant since, Instant until, int limit) {
                return journal.read(since, until, limit);
            }

            @Override
            public long replay(long afterSeq, Consumer<AlarmEvent> consumer) {
                return journal.replay(afterSeq, consumer);
            }

            @Override
            public void close() {
                journal.close();
            }
        };
    }

    /** A listener that times what it gets. */
    AlarmListener listener() {
        return events -> {
            long now = System.nanoTime();
            long from = recordFrom;
            long timed = 0;
            for (AlarmEvent e : events) {
                int slot = slot(e);
                if (slot < 0) {
                    if (causedByValue(e)) {
                        untraced++; // the notifier thread is the only writer
                    }
                    continue;
                }
                long stamp = updates.stampNanos(slot);
                if (stamp >= from) {
                    listened.add(now - stamp);
                    notified.add(now - emittedAt[slot]);
                    timed++;
                }
            }
            listenedTimed += timed;
            listenedEvents += events.size();
        };
    }

    private int slot(AlarmEvent e) {
        return causedByValue(e) ? updates.slotOf(e.alarmId(), e.value()) : -1;
    }

    private static boolean causedByValue(AlarmEvent e) {
        Transition t = e.transition();
        return t == Transition.RAISED || t == Transition.REACTIVATED || t == Transition.CLEARED;
    }
}
