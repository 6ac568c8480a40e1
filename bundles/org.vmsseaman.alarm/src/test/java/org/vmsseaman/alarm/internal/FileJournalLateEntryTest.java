package org.vmsseaman.alarm.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vmsseaman.alarm.internal.FileJournalEvents.event;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vmsseaman.api.alarm.AlarmEvent;

/** The clock goes back over midnight: the late entry goes to the newer file and is still found by time. */
class FileJournalLateEntryTest {

    private static final Instant DAY1 = Instant.parse("2026-11-21T23:59:00Z");
    private static final Instant DAY2 = Instant.parse("2026-11-22T00:01:00Z");
    private static final Instant DAY3 = Instant.parse("2026-11-23T00:01:00Z");

    @TempDir
    Path dir;

    @Test
    void lateEntryIsWrittenToTheCurrentFileAndFoundByTime() throws Exception {
        AlarmEvent first = event(1, DAY1);
        AlarmEvent second = event(2, DAY2);
        AlarmEvent late = event(3, DAY1.plusSeconds(30)); // clock stepped back
        AlarmEvent third = event(4, DAY3);
        AlarmEvent lateAgain = event(5, DAY1.plusSeconds(10));
        try (FileJournal journal = new FileJournal(dir)) {
            journal.append(List.of(first, second)).get();
            journal.append(List.of(late)).get();

            assertThat(Files.readAllLines(dir.resolve("journal-2026-11-21.jsonl")))
                    .hasSize(1);
            assertThat(Files.readAllLines(dir.resolve("journal-2026-11-22.jsonl")))
                    .hasSize(2);
            assertThat(journal.read(DAY1, DAY1.plusSeconds(60), 10)).containsExactly(first, late);

            journal.append(List.of(third)).get();
            assertThat(journal.read(DAY1, DAY1.plusSeconds(60), 10)).containsExactly(first, late);
        }
        try (FileJournal reopened = new FileJournal(dir)) {
            reopened.append(List.of(lateAgain)).get();

            assertThat(Files.readAllLines(dir.resolve("journal-2026-11-23.jsonl")))
                    .hasSize(2);
            assertThat(reopened.read(DAY1, DAY1.plusSeconds(60), 10)).containsExactly(first, lateAgain, late);
            assertThat(reopened.read(DAY1, DAY1.plusSeconds(60), 2)).containsExactly(first, lateAgain);
            assertThat(reopened.read(DAY2, DAY3, 10)).containsExactly(second);

            List<AlarmEvent> replayed = new ArrayList<>();
            assertThat(reopened.replay(0, replayed::add)).isEqualTo(5);
            assertThat(replayed).containsExactly(first, second, late, third, lateAgain);
        }
    }
}
