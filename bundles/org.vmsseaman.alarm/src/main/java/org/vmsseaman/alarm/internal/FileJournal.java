package org.vmsseaman.alarm.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vmsseaman.api.alarm.AlarmEvent;

/**
 * The alarm journal in JSON-lines files, one per UTC day ({@code journal-2026-11-21.jsonl}), written by one
 * thread with group commit.
 *
 * <p>Files: an entry goes to the file of its time's day, or, if its day is before the current file's (the
 * clock went back over midnight), to the current file: files are only ever appended to and the file day
 * never goes back, so seq order is file order. A file therefore holds entries of its day and late entries
 * of earlier days, never of later days; {@link #read} looks at the files from the day of {@code since} on
 * and skips the later ones that it knows to hold nothing before {@code until}.
 *
 * <p>Writing: {@link #append} encodes the entries on the caller's thread and queues them. The writer thread
 * ({@value #THREAD_NAME}) takes everything queued, writes it, forces the file once, then completes the
 * futures of all of it, on the writer thread (so a callback must not wait for another append). If writing
 * fails, the futures of that round fail (entries may still be in the file, whole or in part), the file is
 * closed and the next round opens it again, first ending a torn last line. The queue is unbounded:
 * appending never blocks.
 *
 * <p>Reading: lines that are not entries are skipped (replay logs them with file and line); replay also
 * skips an entry whose seq is not above the one before it, so it always hands entries in seq order.
 */
public final class FileJournal implements AlarmJournal {

    static final String THREAD_NAME = "alarm-journal";

    private static final long STOP_TIMEOUT_SECONDS = 30;
    private static final long FAILURE_LOG_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);
    private static final Pending STOP = new Pending(new long[0], new byte[0][], null);

    /** Encoded entries of one append, with the day of each. */
    private record Pending(long[] days, byte[][] lines, CompletableFuture<Void> future) {}

    private final Logger logger = LoggerFactory.getLogger(FileJournal.class);
    private final Path directory;
    private final FileJournalReader reader;
    private final FileJournalWriter writer; // writer thread only, after the constructor
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Object appendLock = new Object();
    private final ExecutorService executor; // the one writer thread
    private volatile Thread writerThread;
    private boolean closed; // guarded by appendLock
    private long failedRounds; // writer thread only
    private long lastFailureLog; // writer thread only

    /**
     * Opens the journal in a directory, creating it; ends a torn last line of the newest file. Never fails
     * because of what is in the directory: what cannot be read is logged and skipped, and what cannot be
     * written makes appends fail until it can.
     */
    public FileJournal(Path directory) {
        this.directory = directory;
        long newest = Long.MIN_VALUE;
        try {
            Files.createDirectories(directory);
            List<FileJournalFiles.DayFile> files = FileJournalFiles.list(directory);
            if (!files.isEmpty()) {
                newest = files.get(files.size() - 1).day();
            }
        } catch (IOException e) {
            logger.error("Cannot open the alarm journal directory {}", directory, e);
        }
        this.reader = new FileJournalReader(directory);
        this.writer = new FileJournalWriter(directory, newest);
        writer.openNewest();
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, THREAD_NAME);
            t.setDaemon(true);
            writerThread = t;
            return t;
        });
        executor.execute(this::run);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Times are kept to the microsecond. An empty list is a barrier: its future completes after every
     * entry appended before it.
     *
     * @throws IllegalStateException if the journal is closed
     * @throws IllegalArgumentException if an entry has no time or a value that is not null, a Boolean, a
     *     Number or a String
     */
    @Override
    public CompletableFuture<Void> append(List<AlarmEvent> events) {
        ensureOpen();
        long[] days = new long[events.size()];
        byte[][] lines = new byte[events.size()][];
        for (int i = 0; i < lines.length; i++) {
            AlarmEvent event = events.get(i);
            lines[i] = JournalCodec.encodeLine(event);
            days[i] = fileableDay(event.time());
        }
        Pending pending = new Pending(days, lines, new CompletableFuture<>());
        synchronized (appendLock) {
            ensureOpen();
            queue.add(pending);
        }
        return pending.future();
    }

    @Override
    public List<AlarmEvent> read(Instant since, Instant until, int limit) {
        return reader.read(since, until, limit);
    }

    @Override
    public long replay(long afterSeq, Consumer<AlarmEvent> consumer) {
        return reader.replay(afterSeq, consumer);
    }

    @Override
    public void close() {
        synchronized (appendLock) {
            if (!closed) {
                closed = true;
                queue.add(STOP);
            }
        }
        executor.shutdown();
        if (Thread.currentThread() == writerThread) {
            return; // closed from a future's callback: the writer stops after this round
        }
        try {
            if (!executor.awaitTermination(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                logger.error("Alarm journal writer did not finish within {} s; stopping it", STOP_TIMEOUT_SECONDS);
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void ensureOpen() {
        synchronized (appendLock) {
            if (closed) {
                throw new IllegalStateException("The alarm journal in " + directory + " is closed");
            }
        }
    }

    private static long fileableDay(Instant time) {
        long day = FileJournalFiles.day(time);
        try {
            FileJournalFiles.fileName(day);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("journal entry time " + time + " is out of range", e);
        }
        return day;
    }

    private void run() {
        List<Pending> round = new ArrayList<>();
        boolean stop = false;
        try {
            while (!stop) {
                round.add(queue.take());
                queue.drainTo(round);
                if (round.get(round.size() - 1) == STOP) { // nothing is queued after STOP
                    round.remove(round.size() - 1);
                    stop = true;
                }
                if (!round.isEmpty()) {
                    write(round);
                }
                round.clear();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failAll(round, new IllegalStateException("The alarm journal writer was stopped"));
        } finally {
            writer.close();
        }
        List<Pending> left = new ArrayList<>();
        queue.drainTo(left);
        failAll(left, new IllegalStateException("The alarm journal writer was stopped"));
    }

    /** One group commit: writes every entry of the round, forces once, then completes the round's futures. */
    private void write(List<Pending> round) {
        int entries = 0;
        try {
            for (Pending pending : round) {
                for (int i = 0; i < pending.lines().length; i++) {
                    writer.write(pending.days()[i], pending.lines()[i]);
                }
                entries += pending.lines().length;
            }
            writer.commit();
        } catch (IOException | RuntimeException e) {
            writer.reset();
            long now = System.nanoTime();
            if (failedRounds++ == 0) {
                logger.error("Cannot write the alarm journal in {}; appends fail until it can", directory, e);
                lastFailureLog = now;
            } else if (now - lastFailureLog >= FAILURE_LOG_INTERVAL_NANOS) {
                logger.error(
                        "Alarm journal in {} still cannot be written ({} rounds failed): {}",
                        directory,
                        failedRounds,
                        e.toString());
                lastFailureLog = now;
            } else {
                logger.debug("Alarm journal write failed again", e);
            }
            failAll(round, e);
            return;
        }
        if (failedRounds > 0) {
            logger.info("Alarm journal in {} written again after {} failed rounds", directory, failedRounds);
            failedRounds = 0;
        }
        logger.trace("Alarm journal: {} entries committed", entries);
        for (Pending pending : round) {
            pending.future().complete(null);
        }
    }

    private static void failAll(List<Pending> pendings, Throwable cause) {
        for (Pending pending : pendings) {
            if (pending != STOP) {
                pending.future().completeExceptionally(cause);
            }
        }
    }
}
