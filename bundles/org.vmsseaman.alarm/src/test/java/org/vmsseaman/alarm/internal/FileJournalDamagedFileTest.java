package org.vmsseaman.alarm.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vmsseaman.alarm.internal.FileJournalEvents.event;
import static org.vmsseaman.alarm.internal.FileJournalEvents.events;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vmsseaman.api.alarm.AlarmEvent;

/** Torn last lines and garbage lines are skipped; the entries around them and after them are kept. */
class FileJournalDamagedFileTest {

    private static final Instant START = Instant.parse("2026-11-21T08:00:00Z");

    @TempDir
    Path dir;

    @Test
    void tornLastLineIsSkippedAndTheNextEntryGetsALineOfItsOwn() throws Exception {
        List<AlarmEvent> written = events(1, 10, START, 1000);
        try (FileJournal journal = new FileJournal(dir)) {
            journal.append(written).get();
        }
        Path file = dir.resolve("journal-2026-11-21.jsonl");
        byte[] torn = JournalCodec.encodeLine(event(11, START.plusSeconds(60)));
        Files.write(file, Arrays.copyOf(torn, torn.length / 2), StandardOpenOption.APPEND); // killed mid-write

        AlarmEvent next = event(11, START.plusSeconds(61));
        try (FileJournal reopened = new FileJournal(dir)) {
            assertThat(replayAll(reopened)).containsExactlyElementsOf(written);

            reopened.append(List.of(next)).get();

            assertThat(reopened.read(START, START.plusSeconds(3600), 100))
                    .containsExactlyElementsOf(concat(written, next));
        }
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(12);
        assertThat(lines.get(10)).isEqualTo(new String(torn, 0, torn.length / 2, StandardCharsets.UTF_8));
        try (FileJournal again = new FileJournal(dir)) {
            assertThat(replayAll(again)).containsExactlyElementsOf(concat(written, next));
        }
    }

    @Test
    void wholeEntryWithoutLineEndIsKeptAndEndedBeforeTheNextAppend() throws Exception {
        List<AlarmEvent> written = events(1, 3, START, 1000);
        Path file = dir.resolve("journal-2026-11-21.jsonl");
        byte[] lines = new byte[0];
        for (AlarmEvent event : written) {
            lines = concat(lines, JournalCodec.encodeLine(event));
        }
        Files.write(file, Arrays.copyOf(lines, lines.length - 1)); // all but the last '\n'

        try (FileJournal journal = new FileJournal(dir)) {
            assertThat(replayAll(journal)).containsExactlyElementsOf(written);
            AlarmEvent next = event(4, START.plusSeconds(10));
            journal.append(List.of(next)).get();

            assertThat(replayAll(journal)).containsExactlyElementsOf(concat(written, next));
            assertThat(Files.readAllLines(file)).hasSize(4);
        }
    }

    @Test
    void garbageLinesAreSkippedAndTheLinesAfterThemKept() throws Exception {
        List<AlarmEvent> written = events(1, 6, START, 1000);
        byte[] content = new byte[0];
        for (int i = 0; i < written.size(); i++) {
            content = concat(content, JournalCodec.encodeLine(written.get(i)));
            if (i == 1) {
                content = concat(content, "garbage {\"seq\":\n\n   \n".getBytes(StandardCharsets.UTF_8));
            }
            if (i == 3) {
                content = concat(content, new byte[] {0, 0, 0, (byte) 0xff, '\n'});
            }
        }
        Files.write(dir.resolve("journal-2026-11-21.jsonl"), content);

        try (FileJournal journal = new FileJournal(dir)) {
            assertThat(replayAll(journal)).containsExactlyElementsOf(written);
            assertThat(journal.read(START, START.plusSeconds(60), 100)).containsExactlyElementsOf(written);
            assertThat(journal.replay(4, e -> {})).isEqualTo(6);
        }
    }

    @Test
    void filesThatAreNotDayFilesAreIgnored() throws Exception {
        Files.writeString(dir.resolve("journal-yesterday.jsonl"), "garbage\n");
        Files.createDirectory(dir.resolve("journal-2026-11-20.jsonl"));
        Files.writeString(dir.resolve("notes.txt"), "hello\n");
        List<AlarmEvent> written = events(1, 3, START, 1000);

        try (FileJournal journal = new FileJournal(dir)) {
            journal.append(written).get();

            assertThat(replayAll(journal)).containsExactlyElementsOf(written);
            assertThat(journal.read(Instant.MIN, Instant.MAX, 10)).containsExactlyElementsOf(written);
        }
    }

    private static List<AlarmEvent> replayAll(AlarmJournal journal) {
        List<AlarmEvent> replayed = new ArrayList<>();
        journal.replay(0, replayed::add);
        return replayed;
    }

    private static List<AlarmEvent> concat(List<AlarmEvent> events, AlarmEvent more) {
        List<AlarmEvent> all = new ArrayList<>(events);
        all.add(more);
        return all;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
