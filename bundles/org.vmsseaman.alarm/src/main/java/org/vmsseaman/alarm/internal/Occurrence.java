package org.vmsseaman.alarm.internal;

import org.vmsseaman.api.project.AlarmPriority;

/** One occurrence of an alarm, from raise to its end; changed only on the engine's lock. */
final class Occurrence {
    final long id;
    final AlarmPriority priority;
    final long raisedAt;
    final Object value;
    final long escalatedFrom;
    boolean acked;
    long ackedAt;
    String ackedBy;
    /** When the condition went away, 0 while present. */
    long clearedAt;

    Occurrence(long id, AlarmPriority priority, long raisedAt, Object value, boolean acked, long escalatedFrom) {
        this.id = id;
        this.priority = priority;
        this.raisedAt = raisedAt;
        this.value = value;
        this.acked = acked;
        this.escalatedFrom = escalatedFrom;
    }
}
