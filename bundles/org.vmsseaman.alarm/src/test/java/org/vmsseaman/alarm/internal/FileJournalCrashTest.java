package org.vmsseaman.alarm.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.vmsseaman.api.alarm.AlarmEvent;

/**
 * A child JVM appends and reports every seq whose append completed; it is killed (SIGKILL) at a random
 * moment; a new journal replays: every reported seq is there, in order, without duplicates.
 */
class FileJournalCrashTest {

    private static final int KILLS = 5;

    @TempDir
    Path dir;

    @TempDir
    Path logs;

    @Test
    @Timeout(300)
    void everyCompletedAppendSurvivesAKill() throws Exception {
        Random random = new Random();
        long nextSeq = 1;
        for (int round = 0; round < KILLS; round++) {
            int killAfter = 200 + random.nextInt(2800); // completed entries to see before the kill
            Set<Long> reported = runAndKill(nextSeq, killAfter, round);

            List<Long> replayed = new ArrayList<>();
            long highest;
            try (FileJournal journal = new FileJournal(dir)) {
                highest = journal.replay(0, e -> replayed.add(e.seq()));
                List<AlarmEvent> read = journal.read(FileJournalCrashChild.START, Instant.MAX, 1_000_000);
                assertThat(read).hasSameSizeAs(replayed);
            }

            assertThat(reported).as("round %d", round).hasSizeGreaterThanOrEqualTo(killAfter);
            assertThat(replayed)
                    .as("round %d", round)
                    .isSorted()
                    .doesNotHaveDuplicates()
                    .containsAll(reported);
            assertThat(replayed.get(0)).isEqualTo(1L);
            assertThat(replayed.get(replayed.size() - 1)).isEqualTo(highest);
            assertThat(highest).isEqualTo(replayed.size()); // no gaps: a batch is written in seq order
            nextSeq = highest + 1;
        }
        assertThat(dir.resolve("journal-2026-11-22.jsonl")).isRegularFile();
    }

    /** Runs the child until it reported {@code killAfter} seqs, kills it, and returns all it reported. */
    private Set<Long> runAndKill(long firstSeq, int killAfter, int round) throws IOException, InterruptedException {
        Path errors = logs.resolve("child-" + round + ".err");
        Process child = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        FileJournalCrashChild.class.getName(),
                        dir.toString(),
                        Long.toString(firstSeq))
                .redirectError(errors.toFile())
                .start();
        Set<Long> reported = new TreeSet<>();
        try (InputStream in = child.getInputStream()) {
            StringBuilder line = new StringBuilder();
            boolean killed = false;
            int b;
            while ((b = in.read()) >= 0) {
                if (b != '\n') {
                    line.append((char) b);
                    continue;
                }
                reported.add(Long.parseLong(line.toString()));
                line.setLength(0);
                if (!killed && reported.size() >= killAfter) {
                    // SIGKILL through the handle: Process.destroyForcibly() would also close our end of the pipe,
                    // and we read on to get what the child printed before it died
                    child.toHandle().destroyForcibly();
                    killed = true;
                }
            }
            assertThat(killed)
                    .as("child ended by itself: %s", Files.readString(errors, StandardCharsets.UTF_8))
                    .isTrue();
        } finally {
            child.destroyForcibly();
            child.waitFor();
        }
        return reported;
    }
}
