package org.vmsseaman.alarm.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.vmsseaman.api.alarm.AlarmEvent;
import org.vmsseaman.api.alarm.AlarmState;
import org.vmsseaman.api.alarm.Transition;
import org.vmsseaman.api.project.AlarmPriority;

/** Journal entries for the file journal tests. */
final class FileJournalEvents {

    private FileJournalEvents() {}

    /** An entry with a value that differs from entry to entry in type. */
    static AlarmEvent event(long seq, Instant time) {
        Object value = (seq % 3 == 0) ? (Object) (seq * 0.5) : (seq % 3 == 1) ? (Object) seq : "s" + seq;
        return new AlarmEvent(
                seq,
                time,
                "alarm." + (seq % 7),
                seq / 2,
                Transition.values()[(int) (seq % Transition.values().length)],
                AlarmState.values()[(int) (seq % AlarmState.values().length)],
                AlarmPriority.values()[(int) (seq % AlarmPriority.values().length)],
                value,
                AlarmEvent.SYSTEM,
                "entry " + seq,
                0,
                null);
    }

    /** Entries {@code first..last}, {@code step} apart in time from {@code start}. */
    static List<AlarmEvent> events(long first, long last, Instant start, long stepMillis) {
        List<AlarmEvent> events = new ArrayList<>();
        for (long seq = first; seq <= last; seq++) {
            events.add(event(seq, start.plusMillis((seq - first) * stepMillis)));
        }
        return events;
    }
}
