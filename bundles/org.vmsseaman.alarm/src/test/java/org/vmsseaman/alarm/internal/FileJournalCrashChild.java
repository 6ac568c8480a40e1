package org.vmsseaman.alarm.internal;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import org.vmsseaman.api.alarm.AlarmEvent;

/**
 * Child process of {@link FileJournalCrashTest}: appends entries from a seq on, forever, and prints each seq
 * whose append completed (a batch's lines in one write). Times run across a midnight. It exits when its
 * output is closed or after {@link #MAX_ENTRIES}.
 *
 * <p>Arguments: journal directory, first seq.
 */
public final class FileJournalCrashChild {

    static final Instant START = Instant.parse("2026-11-21T23:59:59Z");

    /** Stops by itself after this many entries, should nobody kill it. */
    private static final long MAX_ENTRIES = 2_000_000;

    private FileJournalCrashChild() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        long seq = Long.parseLong(args[1]);
        long end = seq + MAX_ENTRIES;
        FileOutputStream out = new FileOutputStream(FileDescriptor.out);
        Semaphore inFlight = new Semaphore(16);
        FileJournal journal = new FileJournal(dir);
        for (int size = 1; seq < end; size = size % 50 + 1) {
            List<AlarmEvent> batch = new ArrayList<>();
            for (int i = 0; i < size; i++, seq++) {
                batch.add(FileJournalEvents.event(seq, START.plusMillis(seq)));
            }
            inFlight.acquire();
            journal.append(batch).whenComplete((ok, failure) -> {
                if (failure == null) {
                    report(out, batch);
                } else {
                    failure.printStackTrace();
                    System.exit(2);
                }
                inFlight.release();
            });
        }
        journal.close();
    }

    private static void report(FileOutputStream out, List<AlarmEvent> batch) {
        StringBuilder text = new StringBuilder();
        for (AlarmEvent event : batch) {
            text.append(event.seq()).append('\n');
        }
        try {
            out.write(text.toString().getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            System.exit(3);
        }
    }
}
