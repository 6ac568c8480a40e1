package org.vmsseaman.alarm.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vmsseaman.alarm.internal.FileJournalEvents.events;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vmsseaman.api.alarm.AlarmEvent;

class FileJournalRoundTripTest {

    private static final Instant START = Instant.parse("2026-11-21T12:00:00Z");
    private static final Instant MIDNIGHT = Instant.parse("2026-11-22T00:00:00Z");

    @TempDir
    Path dir;

    @Test
    void entriesOfTwoDaysAreReadAndReplayed() throws Exception {
        List<AlarmEvent> all = events(1, 2000, START, 60_000); // 12:00 on the 21st to 21:19 on the 22nd
        try (FileJournal journal = new FileJournal(dir)) {
            appendAll(journal, all);

            assertThat(dir.resolve("journal-2026-11-21.jsonl")).isRegularFile();
            assertThat(dir.resolve("journal-2026-11-22.jsonl")).isRegularFile();
            assertThat(Files.readAllLines(dir.resolve("journal-2026-11-21.jsonl")))
                    .hasSize(720);
            checkReads(journal, all);
        }
        try (FileJournal reopened = new FileJournal(dir)) {
            checkReads(reopened, all);
        }
    }

    @Test
    void readRangeIsHalfOpenAndLimitKeepsTheOldest() throws Exception {
        List<AlarmEvent> all = events(1, 100, MIDNIGHT.minusSeconds(50), 1_000);
        try (FileJournal journal = new FileJournal(dir)) {
            appendAll(journal, all);

            assertThat(journal.read(MIDNIGHT, MIDNIGHT, 10)).isEmpty();
            assertThat(journal.read(MIDNIGHT.minusSeconds(1), MIDNIGHT.plusSeconds(1), 10))
                    .containsExactly(all.get(49), all.get(50));
            assertThat(journal.read(Instant.MIN, Instant.MAX, 3)).containsExactlyElementsOf(all.subList(0, 3));
            assertThat(journal.read(MIDNIGHT, Instant.MAX, Integer.MAX_VALUE))
                    .containsExactlyElementsOf(all.subList(50, 100));
            assertThatThrownBy(() -> journal.read(MIDNIGHT, START, 1)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> journal.read(START, MIDNIGHT, 0)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void emptyJournalReadsAndReplaysNothing() {
        try (FileJournal journal = new FileJournal(dir.resolve("not/yet"))) {
            assertThat(dir.resolve("not/yet")).isDirectory();
            assertThat(journal.read(Instant.MIN, Instant.MAX, 10)).isEmpty();
            assertThat(journal.replay(5, e -> {
                        throw new AssertionError(e);
                    }))
                    .isEqualTo(5);
        }
    }

    private static void checkReads(FileJournal journal, List<AlarmEvent> all) {
        assertThat(journal.read(Instant.MIN, Instant.MAX, 5000)).containsExactlyElementsOf(all);
        assertThat(journal.read(START.plusSeconds(3600), MIDNIGHT.plusSeconds(3600), 5000))
                .containsExactlyElementsOf(all.subList(60, 780));
        assertThat(journal.read(MIDNIGHT.minusSeconds(600), Instant.MAX, 20))
                .containsExactlyElementsOf(all.subList(710, 730));

        List<AlarmEvent> replayed = new ArrayList<>();
        assertThat(journal.replay(0, replayed::add)).isEqualTo(2000);
        assertThat(replayed).containsExactlyElementsOf(all);

        replayed.clear();
        assertThat(journal.replay(1500, replayed::add)).isEqualTo(2000);
        assertThat(replayed).containsExactlyElementsOf(all.subList(1500, 2000));

        replayed.clear();
        assertThat(journal.replay(2000, replayed::add)).isEqualTo(2000);
        assertThat(replayed).isEmpty();
    }

    /** Appends in batches of varying size, then waits for all. */
    static void appendAll(AlarmJournal journal, List<AlarmEvent> events) throws Exception {
        List<CompletableFuture<Void>> futures = new ArrayList<>();
        int from = 0;
        for (int size = 1; from < events.size(); size = size % 37 + 1) {
            int to = Math.min(events.size(), from + size);
            futures.add(journal.append(events.subList(from, to)));
            from = to;
        }
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get();
    }
}
