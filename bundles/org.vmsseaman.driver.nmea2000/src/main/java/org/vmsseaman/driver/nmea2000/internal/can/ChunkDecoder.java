package org.vmsseaman.driver.nmea2000.internal.can;

/** Turns the bytes of a bus connection, in chunks as they are read, into frames or messages. */
public interface ChunkDecoder {

    /** Processes {@code buf[off, off + len)}; an incomplete unit at the end is kept for the next chunk. */
    void accept(byte[] buf, int off, int len);

    /** The input ended (end of a file or datagram): a trailing unit without terminator is processed. */
    void endOfInput();

    /** Units (lines, packets) that were not understood. */
    long malformed();
}
