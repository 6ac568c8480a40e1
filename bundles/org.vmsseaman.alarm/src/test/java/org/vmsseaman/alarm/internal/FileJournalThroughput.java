package org.vmsseaman.alarm.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Rough append throughput with fsync, not a test: {@code java -cp <test classpath>
 * org.vmsseaman.alarm.internal.FileJournalThroughput [directory]}. Prints entries per second for a flood
 * of single-entry appends (group commit), for batches, and for appends that each wait for their fsync.
 */
public final class FileJournalThroughput {

    private FileJournalThroughput() {}

    public static void main(String[] args) throws Exception {
        Path dir = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("journal-throughput");
        Instant start = Instant.now();
        long seq = 1;
        try (FileJournal journal = new FileJournal(dir)) {
            for (int round = 0; round < 3; round++) {
                seq = flood(journal, seq, start, 100_000, 1);
                seq = flood(journal, seq, start, 100_000, 100);
                seq = oneByOne(journal, seq, start, 500);
            }
        }
        System.out.printf("journal in %s%n", dir);
    }

    /** Appends {@code count} entries in batches of {@code batch} without waiting, then waits for all. */
    private static long flood(AlarmJournal journal, long seq, Instant start, int count, int batch) throws Exception {
        long t0 = System.nanoTime();
        List<CompletableFuture<Void>> futures = new ArrayList<>();
        for (int i = 0; i < count; i += batch, seq += batch) {
            futures.add(journal.append(FileJournalEvents.events(seq, seq + batch - 1, start.plusMillis(seq), 1)));
        }
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get();
        report("flood, batches of " + batch, count, t0);
        return seq;
    }

    /** Appends one entry at a time, each waiting for its fsync. */
    private static long oneByOne(AlarmJournal journal, long seq, Instant start, int count) throws Exception {
        long t0 = System.nanoTime();
        for (int i = 0; i < count; i++, seq++) {
            journal.append(List.of(FileJournalEvents.event(seq, start.plusMillis(seq))))
                    .get();
        }
        report("one by one, waiting for each", count, t0);
        return seq;
    }

    private static void report(String what, int count, long t0) {
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("%-32s %8d entries in %6.3f s: %9.0f entries/s%n", what, count, seconds, count / seconds);
    }
}
