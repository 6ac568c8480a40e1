package org.vmsseaman.alarm.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The writing end of the journal, used by one thread: the newest day file, open for appending. An entry
 * goes to the file of its day, or to the current file if that is of a later day (the file day never goes
 * back). Not thread-safe.
 */
final class FileJournalWriter implements AutoCloseable {

    private final Logger logger = LoggerFactory.getLogger(FileJournalWriter.class);
    private final Path directory;
    private final ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
    private FileChannel channel; // null until opened, and after a failure
    private long day; // day of the newest file, Long.MIN_VALUE if none

    /** @param newestDay the day of the newest file in the directory, Long.MIN_VALUE if none */
    FileJournalWriter(Path directory, long newestDay) {
        this.directory = directory;
        this.day = newestDay;
    }

    /** Opens the newest file, ending a torn last line; logs and leaves it closed if it cannot. */
    void openNewest() {
        if (day == Long.MIN_VALUE) {
            return;
        }
        try {
            open(day);
        } catch (IOException | RuntimeException e) {
            logger.error("Cannot open alarm journal file {}; will try again on the next append", fileOf(day), e);
        }
    }

    /** Writes one line (buffered) to the file it belongs to. */
    void write(long entryDay, byte[] line) throws IOException {
        long target = Math.max(entryDay, day);
        if (channel != null && target != day) {
            flush();
            channel.force(false); // the entries written to the old file are in this group commit too
            closeChannel();
        }
        if (channel == null) {
            open(target);
        }
        if (line.length > buffer.remaining()) {
            flush();
            if (line.length > buffer.capacity()) {
                writeFully(ByteBuffer.wrap(line));
                return;
            }
        }
        buffer.put(line);
    }

    /** Writes what is buffered and forces it to disk. */
    void commit() throws IOException {
        flush();
        if (channel != null) {
            channel.force(false);
        }
    }

    /** After a failed write: drops what is buffered and closes the file, to be opened again on the next write. */
    void reset() {
        buffer.clear();
        closeChannel();
    }

    @Override
    public void close() {
        reset();
    }

    private void open(long target) throws IOException {
        Files.createDirectories(directory);
        Path file = fileOf(target);
        boolean created = !Files.exists(file);
        FileChannel ch =
                FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
            long size = ch.size();
            if (size > 0 && !endsWithNewline(ch, size)) {
                // a torn last line (killed while writing): the next entry starts on a line of its own
                logger.warn("Alarm journal file {} does not end with a line end; starting a new line", file);
                ch.write(ByteBuffer.wrap(new byte[] {'\n'}), size);
                ch.force(false);
            }
            ch.position(ch.size());
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
        if (created) {
            forceDirectory();
        }
        channel = ch;
        day = target;
    }

    private static boolean endsWithNewline(FileChannel ch, long size) throws IOException {
        ByteBuffer last = ByteBuffer.allocate(1);
        while (last.hasRemaining() && ch.read(last, size - 1) >= 0) {
            // read the one byte
        }
        return last.get(0) == '\n';
    }

    /** Makes the new file's directory entry durable, where the platform allows it. */
    private void forceDirectory() {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            logger.debug("Cannot force directory {} (not supported on this platform?)", directory, e);
        }
    }

    private Path fileOf(long fileDay) {
        return directory.resolve(FileJournalFiles.fileName(fileDay));
    }

    private void flush() throws IOException {
        buffer.flip();
        try {
            writeFully(buffer);
        } finally {
            buffer.clear();
        }
    }

    private void writeFully(ByteBuffer data) throws IOException {
        while (data.hasRemaining()) {
            channel.write(data);
        }
    }

    private void closeChannel() {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            logger.debug("Closing alarm journal file failed", e);
        }
        channel = null;
    }
}
