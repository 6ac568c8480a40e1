package org.vmsseaman.alarm.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vmsseaman.alarm.internal.FileJournalFiles.DayFile;
import org.vmsseaman.api.alarm.AlarmEvent;

/**
 * The reading end of the journal: range queries and replay over the day files, safe to use while the
 * writer appends. A file holds entries of its own day and late entries of earlier days (see {@link
 * FileJournalWriter}), never of later days.
 */
final class FileJournalReader {

    private static final Comparator<AlarmEvent> OLDEST_FIRST =
            Comparator.comparing(AlarmEvent::time).thenComparingLong(AlarmEvent::seq);
    private static final long NONE = Long.MIN_VALUE;

    /** What a file held when it was last read through: its length then, and its earliest entry time. */
    private record Span(long length, Instant earliest) {}

    private final Logger logger = LoggerFactory.getLogger(FileJournalReader.class);
    private final Path directory;
    private final Map<Path, Span> spans = new ConcurrentHashMap<>();

    FileJournalReader(Path directory) {
        this.directory = directory;
    }

    /**
     * Entries with {@code since <= time < until}, oldest first (by time, then seq), at most {@code limit}.
     * Reads the files from the day of {@code since} on; a file of a day after {@code until} only if it may
     * hold late entries (its earliest time, remembered from an earlier read, is before {@code until}).
     * Complete lines only: a line still being written is not there yet.
     *
     * @throws UncheckedIOException if a file cannot be read
     */
    List<AlarmEvent> read(Instant since, Instant until, int limit) {
        if (limit < 1 || since.isAfter(until)) {
            throw new IllegalArgumentException("need since <= until and limit >= 1");
        }
        PriorityQueue<AlarmEvent> kept = new PriorityQueue<>(OLDEST_FIRST.reversed()); // newest on top
        long firstDay = FileJournalFiles.day(since);
        long lastDay = FileJournalFiles.dayBefore(until);
        try {
            List<DayFile> files = FileJournalFiles.list(directory);
            spans.keySet()
                    .retainAll(files.stream().map(DayFile::path).collect(Collectors.toSet())); // forget pruned files
            for (DayFile file : files) {
                if (file.day() < firstDay || (file.day() > lastDay && !mayHoldBefore(file.path(), until))) {
                    continue;
                }
                scan(file.path(), event -> {
                    if (!event.time().isBefore(since) && event.time().isBefore(until)) {
                        if (kept.size() < limit) {
                            kept.add(event);
                        } else if (OLDEST_FIRST.compare(event, kept.peek()) < 0) {
                            kept.poll();
                            kept.add(event);
                        }
                    }
                });
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the alarm journal in " + directory, e);
        }
        List<AlarmEvent> result = new ArrayList<>(kept);
        result.sort(OLDEST_FIRST);
        return result;
    }

    /**
     * Hands the entries with {@code seq > afterSeq} to the consumer, in file order, skipping any whose seq
     * is not above the one handed before. Unreadable lines and files are logged and skipped; a last line
     * without line end is taken if it is a whole entry (the writer ends it before appending after it).
     *
     * @return the highest seq handed, or {@code afterSeq}
     */
    long replay(long afterSeq, Consumer<AlarmEvent> consumer) {
        List<DayFile> files;
        try {
            files = FileJournalFiles.list(directory);
        } catch (IOException e) {
            logger.error("Cannot list the alarm journal in {}; nothing to replay", directory, e);
            return afterSeq;
        }
        long[] last = {afterSeq};
        for (int i = 0; i < files.size(); i++) {
            if (i + 1 < files.size()) {
                long nextFirst = firstSeq(files.get(i + 1).path());
                if (nextFirst != NONE && nextFirst - 1 <= afterSeq) {
                    continue; // every entry of this file is before the next file's first
                }
            }
            Path path = files.get(i).path();
            try {
                FileJournalFiles.forEachLine(path, (number, buf, off, len, terminated) -> {
                    AlarmEvent event = decode(path, number, buf, off, len, terminated, true);
                    if (event == null || event.seq() <= afterSeq) {
                        return true;
                    }
                    if (event.seq() <= last[0]) {
                        logger.warn(
                                "Alarm journal {} line {}: seq {} is not after {}; skipped",
                                path.getFileName(),
                                number,
                                event.seq(),
                                last[0]);
                        return true;
                    }
                    consumer.accept(event);
                    last[0] = event.seq();
                    return true;
                });
            } catch (NoSuchFileException e) {
                // pruned meanwhile
            } catch (IOException e) {
                logger.error("Cannot read alarm journal file {}; replay goes on with the next", path, e);
            }
        }
        return last[0];
    }

    private boolean mayHoldBefore(Path file, Instant until) throws IOException {
        Span span = spans.get(file);
        try {
            return span == null
                    || span.length() != Files.size(file)
                    || (span.earliest() != null && span.earliest().isBefore(until));
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    /** Hands the complete entries of a file to the consumer, and remembers its span. */
    private void scan(Path file, Consumer<AlarmEvent> consumer) throws IOException {
        Instant[] earliest = {null};
        long length;
        try {
            length = FileJournalFiles.forEachLine(file, (number, buf, off, len, terminated) -> {
                AlarmEvent event = decode(file, number, buf, off, len, terminated, false);
                if (event != null) {
                    if (earliest[0] == null || event.time().isBefore(earliest[0])) {
                        earliest[0] = event.time();
                    }
                    consumer.accept(event);
                }
                return true;
            });
        } catch (NoSuchFileException e) {
            return; // pruned meanwhile
        }
        spans.put(file, new Span(length, earliest[0]));
    }

    /** The seq of the first entry of a file, or NONE. */
    private long firstSeq(Path file) {
        long[] first = {NONE};
        try {
            FileJournalFiles.forEachLine(file, (number, buf, off, len, terminated) -> {
                AlarmEvent event = decode(file, number, buf, off, len, terminated, false);
                if (event != null) {
                    first[0] = event.seq();
                }
                return event == null;
            });
        } catch (IOException e) {
            return NONE; // replay reads the file and says what is wrong with it
        }
        return first[0];
    }

    /**
     * The entry on a line; null for a blank line, a line without line end (unless {@code replaying}) or
     * one that is not an entry (logged at WARN when {@code replaying}, else at DEBUG).
     */
    private AlarmEvent decode(
            Path file, long number, byte[] buf, int off, int len, boolean terminated, boolean replaying) {
        if ((!terminated && !replaying) || FileJournalFiles.isBlank(buf, off, len)) {
            return null;
        }
        try {
            return JournalCodec.decodeLine(buf, off, len);
        } catch (IllegalArgumentException e) {
            if (replaying) {
                logger.warn(
                        "Alarm journal {} line {} is not an entry{}; skipped: {}",
                        file.getFileName(),
                        number,
                        terminated ? "" : " (torn last line)",
                        e.getMessage());
            } else {
                logger.debug("Alarm journal {} line {} is not an entry; skipped", file.getFileName(), number, e);
            }
            return null;
        }
    }
}
