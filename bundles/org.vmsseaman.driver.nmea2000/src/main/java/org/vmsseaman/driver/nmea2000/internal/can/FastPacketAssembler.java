package org.vmsseaman.driver.nmea2000.internal.can;

import java.util.HashMap;
import java.util.Map;

/**
 * Reassembles NMEA 2000 fast packets: a message of up to 223 bytes sent as a sequence of frames. Byte 0 of
 * every frame holds a 3-bit sequence id (upper bits) and a 5-bit frame counter; frame 0 carries the total
 * length in byte 1 and 6 data bytes, every later frame 7.
 *
 * <p>Messages are assembled per sender and PGN, so interleaved senders do not disturb each other. A frame
 * with an unexpected counter or sequence id means a frame was lost: the message is dropped and counted,
 * never decoded half. A new frame 0 replaces an unfinished message (counted as dropped). Not thread-safe.
 */
public final class FastPacketAssembler {

    /** The largest fast-packet payload: 6 + 31 * 7 bytes. */
    public static final int MAX_LENGTH = 223;

    private final Map<Integer, Partial> partials = new HashMap<>();
    private long dropped;
    private long malformed;
    private int lastLength;

    private static final class Partial {
        final byte[] data = new byte[MAX_LENGTH];
        int sequence;
        int expectedLength;
        int received;
        int nextFrame;
        boolean active;
    }

    /**
     * Adds one frame of a fast-packet PGN.
     *
     * @return the partial buffer holding the complete message when this frame completed it (valid until the
     *     next call), else null; its length is {@link #lastLength()}
     */
    public byte[] add(int pgn, int source, CanFrame frame) {
        if (frame.length < 1) {
            malformed++;
            return null;
        }
        int key = (source << 18) | pgn;
        Partial p = partials.get(key);
        int header = frame.data[0] & 0xFF;
        int sequence = header >>> 5;
        int counter = header & 0x1F;
        if (counter == 0) {
            if (frame.length < 2 || (frame.data[1] & 0xFF) > MAX_LENGTH) {
                malformed++;
                return null;
            }
            if (p == null) {
                p = new Partial();
                partials.put(key, p);
            } else if (p.active) {
                dropped++; // its remaining frames never came
            }
            p.active = true;
            p.sequence = sequence;
            p.expectedLength = frame.data[1] & 0xFF;
            p.received = 0;
            p.nextFrame = 1;
            return append(p, frame, 2);
        }
        if (p == null || !p.active) {
            return null; // the rest of a message whose start we did not see (or already dropped)
        }
        if (sequence != p.sequence || counter != p.nextFrame) {
            p.active = false;
            dropped++;
            return null;
        }
        p.nextFrame++;
        return append(p, frame, 1);
    }

    private byte[] append(Partial p, CanFrame frame, int from) {
        int n = Math.min(CanFrame.MAX_DATA - from, p.expectedLength - p.received);
        if (frame.length - from < n) {
            p.active = false; // a short frame in the middle: the bytes after it would be misplaced
            dropped++;
            return null;
        }
        System.arraycopy(frame.data, from, p.data, p.received, n);
        p.received += n;
        if (p.received >= p.expectedLength) {
            p.active = false;
            lastLength = p.expectedLength;
            return p.data;
        }
        return null;
    }

    /** Length of the message the last completing {@link #add} returned. */
    public int lastLength() {
        return lastLength;
    }

    /** Messages dropped because a frame was lost or came out of order. */
    public long dropped() {
        return dropped;
    }

    /** Frames that cannot be part of a fast packet (empty, or a start announcing more than 223 bytes). */
    public long malformed() {
        return malformed;
    }
}
