package org.vmsseaman.alarm.internal;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.vmsseaman.api.alarm.AlarmEvent;

/**
 * Where the alarm engine keeps its journal. The engine's state is rebuilt on start by replaying the
 * journal, so the journal is the single source of truth: an entry whose {@link #append} future has
 * completed survives a crash of the process.
 *
 * <p>One implementation keeps it in files of the alarm bundle ({@link FileJournal}); one that keeps it
 * in the historian's database can take its place behind this interface.
 */
public interface AlarmJournal extends AutoCloseable {

    /**
     * Queues entries to be written, in order after every entry queued before. Never blocks on I/O.
     *
     * @param events entries with increasing {@code seq}, each greater than any appended before
     * @return completes once the entries are durable (written and forced to disk), or exceptionally if
     *     they cannot be written
     */
    CompletableFuture<Void> append(List<AlarmEvent> events);

    /**
     * Entries with {@code since <= time < until}, oldest first, at most {@code limit}; includes every
     * entry whose append has completed.
     */
    List<AlarmEvent> read(Instant since, Instant until, int limit);

    /**
     * Hands every durable entry with {@code seq > afterSeq} to {@code consumer}, in seq order. Entries
     * that cannot be read (a torn last line after a crash) are skipped and logged with file and line.
     *
     * @return the highest seq seen, or {@code afterSeq} if none
     */
    long replay(long afterSeq, Consumer<AlarmEvent> consumer);

    /** Writes what is queued and closes. Idempotent. */
    @Override
    void close();
}
