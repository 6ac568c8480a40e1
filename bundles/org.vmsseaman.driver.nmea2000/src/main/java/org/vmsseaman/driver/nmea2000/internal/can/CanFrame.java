package org.vmsseaman.driver.nmea2000.internal.can;

/**
 * One CAN frame as read from a gateway or log: a mutable holder that parsers fill in place, so that
 * reading a bus allocates nothing per frame. Not thread-safe; each reader owns one.
 */
public final class CanFrame {

    /** Maximum data length of a classic CAN frame. */
    public static final int MAX_DATA = 8;

    /** The 29-bit identifier (extended frames only). */
    public int id;
    /** Number of data bytes, 0..8. */
    public int length;
    /** The data bytes; only the first {@link #length} are valid. */
    public final byte[] data = new byte[MAX_DATA];
    /**
     * The time the source recorded for the frame, µs; -1 if the line carried none. For candump logs the
     * epoch time of the log, for Yacht Devices RAW the time of day of the gateway.
     */
    public long timestampMicros = -1;

    /** The PGN of the identifier (see {@link CanId#pgn(int)}). */
    public int pgn() {
        return CanId.pgn(id);
    }

    /** The source address of the identifier. */
    public int source() {
        return CanId.source(id);
    }
}
