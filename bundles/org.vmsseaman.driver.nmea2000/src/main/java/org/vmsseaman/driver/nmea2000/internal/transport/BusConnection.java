package org.vmsseaman.driver.nmea2000.internal.transport;

import java.io.Closeable;
import java.io.IOException;

/** An open connection to a bus that delivers text lines (Yacht Devices RAW or candump) in chunks. */
public interface BusConnection extends Closeable {

    /**
     * Reads the next chunk into {@code buf}: the number of bytes read, 0 if nothing arrived within the read
     * timeout (about a second), -1 at the end of the stream.
     */
    int read(byte[] buf) throws IOException;

    /** {@code true} if each chunk is a whole datagram (ends the last line even without a newline). */
    default boolean datagrams() {
        return false;
    }

    /** Starts again from the beginning (replay in a loop); false if this connection cannot. */
    default boolean rewind() throws IOException {
        return false;
    }

    /** Closes the connection; unblocks a thread waiting in {@link #read}. Never throws. */
    @Override
    void close();
}
