package org.vmsseaman.alarm.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vmsseaman.alarm.internal.FileJournalEvents.event;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.vmsseaman.api.alarm.AlarmEvent;

class FileJournalCloseTest {

    private static final Instant START = Instant.parse("2026-11-21T08:00:00Z");

    @TempDir
    Path dir;

    @Test
    @Timeout(60)
    void closeWritesWhatIsQueuedAndStopsTheWriterThread() throws Exception {
        Set<Thread> before = journalThreads();
        FileJournal journal = new FileJournal(dir);
        Set<Thread> started = journalThreads();
        started.removeAll(before);
        assertThat(started).hasSize(1);
        List<CompletableFuture<Void>> futures = new ArrayList<>();
        for (long seq = 1; seq <= 5000; seq++) {
            futures.add(journal.append(List.of(event(seq, START.plusMillis(seq)))));
        }

        journal.close();

        assertThat(futures).allSatisfy(f -> assertThat(f).isCompleted());
        started.iterator().next().join(); // ends
        try (FileJournal reopened = new FileJournal(dir)) {
            List<AlarmEvent> replayed = new ArrayList<>();
            assertThat(reopened.replay(0, replayed::add)).isEqualTo(5000);
            assertThat(replayed).hasSize(5000);
        }
    }

    @Test
    void appendAfterCloseFailsAndCloseIsIdempotent() {
        FileJournal journal = new FileJournal(dir);
        journal.close();
        journal.close();

        assertThatThrownBy(() -> journal.append(List.of(event(1, START)))).isInstanceOf(IllegalStateException.class);
        assertThat(journal.read(Instant.MIN, Instant.MAX, 1)).isEmpty();
    }

    @Test
    @Timeout(10)
    void closeFromAFutureCallbackDoesNotWaitForItself() throws Exception {
        FileJournal journal = new FileJournal(dir);
        journal.append(List.of(event(1, START))).thenRun(journal::close).get();

        assertThatThrownBy(() -> journal.append(List.of(event(2, START)))).isInstanceOf(IllegalStateException.class);
        journal.close();
        assertThat(journal.read(Instant.MIN, Instant.MAX, 10)).hasSize(1);
    }

    @Test
    void emptyAppendIsABarrier() throws Exception {
        try (FileJournal journal = new FileJournal(dir)) {
            CompletableFuture<Void> entry = journal.append(List.of(event(1, START)));
            journal.append(List.of()).get();

            assertThat(entry).isCompleted();
        }
    }

    private static Set<Thread> journalThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals(FileJournal.THREAD_NAME))
                .collect(Collectors.toCollection(HashSet::new));
    }
}
