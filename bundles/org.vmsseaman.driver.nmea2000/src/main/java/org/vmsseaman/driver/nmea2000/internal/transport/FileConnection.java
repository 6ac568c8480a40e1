package org.vmsseaman.driver.nmea2000.internal.transport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a recorded log (candump or Yacht Devices RAW) for replay; pacing is the reader's job. */
public final class FileConnection implements BusConnection {

    private final Path file;
    private final boolean loop;
    private InputStream in;

    private FileConnection(Path file, boolean loop) throws IOException {
        this.file = file;
        this.loop = loop;
        this.in = Files.newInputStream(file);
    }

    /** Opens {@code file}; with {@code loop}, {@link #rewind()} starts it again. */
    public static FileConnection open(Path file, boolean loop) throws IOException {
        return new FileConnection(file, loop);
    }

    @Override
    public synchronized int read(byte[] buf) throws IOException {
        return in.read(buf);
    }

    @Override
    public synchronized boolean rewind() throws IOException {
        if (!loop) {
            return false;
        }
        in.close();
        in = Files.newInputStream(file);
        return true;
    }

    @Override
    public synchronized void close() {
        try {
            in.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
