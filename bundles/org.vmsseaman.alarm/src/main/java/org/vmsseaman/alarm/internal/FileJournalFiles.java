package org.vmsseaman.alarm.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** Names, lists and reads the day files of the journal: {@code journal-YYYY-MM-DD.jsonl}, one per UTC day. */
final class FileJournalFiles {

    private static final String PREFIX = "journal-";
    private static final String SUFFIX = ".jsonl";
    private static final long SECONDS_PER_DAY = 86_400;

    /** A day file: the UTC day in its name (days since the epoch) and its path. */
    record DayFile(long day, Path path) {}

    /** Takes the lines of a file; returns false to stop reading. */
    @FunctionalInterface
    interface LineHandler {
        /**
         * @param number line number, from 1
         * @param terminated false for a last line without {@code '\n'} (torn, or still being written)
         */
        boolean line(long number, byte[] buf, int off, int len, boolean terminated);
    }

    private FileJournalFiles() {}

    /** The UTC day of a time, in days since the epoch. */
    static long day(Instant time) {
        return Math.floorDiv(time.getEpochSecond(), SECONDS_PER_DAY);
    }

    /** The UTC day of the last nanosecond before {@code until}. */
    static long dayBefore(Instant until) {
        long seconds = until.getEpochSecond();
        long day = Math.floorDiv(seconds, SECONDS_PER_DAY);
        return Math.floorMod(seconds, SECONDS_PER_DAY) == 0 && until.getNano() == 0 ? day - 1 : day;
    }

    /**
     * The file name of a day.
     *
     * @throws DateTimeException if the day is beyond the years a file name can hold
     */
    static String fileName(long day) {
        return PREFIX + LocalDate.ofEpochDay(day) + SUFFIX;
    }

    /** The day files in the directory, oldest day first; none if the directory does not exist. */
    static List<DayFile> list(Path directory) throws IOException {
        List<DayFile> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, PREFIX + "*" + SUFFIX)) {
            for (Path path : stream) {
                String name = path.getFileName().toString();
                try {
                    long day = LocalDate.parse(name.substring(PREFIX.length(), name.length() - SUFFIX.length()))
                            .toEpochDay();
                    if (Files.isRegularFile(path)) {
                        files.add(new DayFile(day, path));
                    }
                } catch (DateTimeException e) {
                    // not one of ours
                }
            }
        } catch (NoSuchFileException e) {
            return List.of();
        }
        files.sort(Comparator.comparingLong(DayFile::day));
        return files;
    }

    /**
     * Hands the lines of a file, without their {@code '\n'}, to the handler, up to the end of what is
     * written now. A line longer than {@link JournalCodec#MAX_LINE_BYTES} is handed cut to that length
     * (it is not an entry).
     *
     * @return the bytes read
     */
    static long forEachLine(Path file, LineHandler handler) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] chunk = new byte[64 * 1024];
            byte[] line = new byte[1024];
            int lineLength = 0; // bytes of the current line carried over from earlier chunks
            long number = 0;
            long total = 0;
            int n;
            while ((n = in.read(chunk)) > 0) {
                total += n;
                int start = 0;
                for (int i = 0; i < n; i++) {
                    if (chunk[i] != '\n') {
                        continue;
                    }
                    number++;
                    boolean more;
                    if (lineLength == 0) {
                        more = handler.line(
                                number, chunk, start, Math.min(i - start, JournalCodec.MAX_LINE_BYTES), true);
                    } else {
                        line = append(line, lineLength, chunk, start, i - start);
                        lineLength = Math.min(lineLength + i - start, JournalCodec.MAX_LINE_BYTES);
                        more = handler.line(number, line, 0, lineLength, true);
                        lineLength = 0;
                    }
                    if (!more) {
                        return total;
                    }
                    start = i + 1;
                }
                line = append(line, lineLength, chunk, start, n - start);
                lineLength = Math.min(lineLength + n - start, JournalCodec.MAX_LINE_BYTES);
            }
            if (lineLength > 0) {
                handler.line(number + 1, line, 0, lineLength, false);
            }
            return total;
        }
    }

    /** Whether the bytes are only JSON whitespace. */
    static boolean isBlank(byte[] buf, int off, int len) {
        for (int i = off; i < off + len; i++) {
            byte b = buf[i];
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }

    /** Appends bytes to a line buffer, keeping at most {@link JournalCodec#MAX_LINE_BYTES}. */
    private static byte[] append(byte[] line, int lineLength, byte[] src, int off, int len) {
        int take = Math.min(len, JournalCodec.MAX_LINE_BYTES - lineLength);
        if (take <= 0) {
            return line;
        }
        if (lineLength + take > line.length) {
            line = Arrays.copyOf(
                    line, Math.max(lineLength + take, Math.min(2 * line.length, JournalCodec.MAX_LINE_BYTES)));
        }
        System.arraycopy(src, off, line, lineLength, take);
        return line;
    }
}
