package org.vmsseaman.alarm.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vmsseaman.alarm.internal.FileJournalEvents.event;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vmsseaman.api.alarm.AlarmEvent;

/** A file that cannot be opened fails that append; once it can, appends succeed again. */
class FileJournalWriteFailureTest {

    private static final Instant DAY1 = Instant.parse("2026-11-21T23:59:00Z");
    private static final Instant DAY2 = Instant.parse("2026-11-22T00:01:00Z");

    @TempDir
    Path dir;

    @Test
    void failedAppendCompletesExceptionallyAndLaterAppendsTryAgain() throws Exception {
        Path blocked = dir.resolve("journal-2026-11-22.jsonl");
        Files.createDirectory(blocked); // a directory where the next day's file belongs
        try (FileJournal journal = new FileJournal(dir)) {
            journal.append(List.of(event(1, DAY1))).get();

            assertThatThrownBy(() -> journal.append(List.of(event(2, DAY2))).get())
                    .isInstanceOf(ExecutionException.class);
            assertThatThrownBy(() -> journal.append(List.of(event(2, DAY2))).get())
                    .isInstanceOf(ExecutionException.class);

            Files.delete(blocked);
            journal.append(List.of(event(2, DAY2), event(3, DAY2.plusSeconds(1))))
                    .get();

            List<AlarmEvent> replayed = new ArrayList<>();
            assertThat(journal.replay(0, replayed::add)).isEqualTo(3);
            assertThat(replayed).extracting(AlarmEvent::seq).containsExactly(1L, 2L, 3L);
        }
    }

    @Test
    void entriesThatCannotBeEncodedAreRefusedAtOnce() {
        try (FileJournal journal = new FileJournal(dir)) {
            AlarmEvent odd = new AlarmEvent(1, DAY1, "a", 0, null, null, null, new Object(), null, null, 0, null);
            AlarmEvent noTime = new AlarmEvent(1, null, "a", 0, null, null, null, null, null, null, 0, null);

            assertThatThrownBy(() -> journal.append(List.of(odd))).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> journal.append(List.of(noTime))).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
