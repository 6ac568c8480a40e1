package org.vmsseaman.driver.nmea2000.internal.can;

/**
 * Reads the binary stream of an Actisense NGT-1 (BST framing): {@code DLE STX <command> <length> <data...>
 * <checksum> DLE ETX}, a DLE inside doubled, the checksum making command + length + data + checksum 0 modulo
 * 256. Command 0x93 carries one complete NMEA 2000 message (the NGT-1 has reassembled fast packets):
 * priority, PGN (3 bytes, little-endian), destination, source, a 4-byte timestamp, the data length and the
 * data. Other commands are ignored; a packet with a wrong checksum or length is malformed. Not thread-safe.
 */
public final class ActisenseReader implements ChunkDecoder {

    /** Receives each decoded NMEA 2000 message; {@code data} is valid only during the call. */
    public interface MessageHandler {
        void message(int pgn, int source, byte[] data, int length);
    }

    static final int DLE = 0x10;
    static final int STX = 0x02;
    static final int ETX = 0x03;
    /** Received NMEA 2000 message. */
    static final int N2K_RECEIVED = 0x93;

    private static final int HEADER = 11; // priority, PGN (3), destination, source, timestamp (4), length

    private final MessageHandler handler;
    private final byte[] packet = new byte[2 + 255 + 1];
    private final byte[] data = new byte[255];
    private int size;
    private boolean inPacket;
    private boolean afterDle;
    private long malformed;
    private long packets;

    public ActisenseReader(MessageHandler handler) {
        this.handler = handler;
    }

    @Override
    public void accept(byte[] buf, int off, int len) {
        for (int i = off; i < off + len; i++) {
            int b = buf[i] & 0xFF;
            if (afterDle) {
                afterDle = false;
                if (b == STX) {
                    if (inPacket) {
                        malformed++; // a new start inside a packet: the old one was cut off
                    }
                    inPacket = true;
                    size = 0;
                } else if (b == ETX && inPacket) {
                    inPacket = false;
                    packet();
                } else if (b == DLE && inPacket) {
                    add(DLE);
                } else if (inPacket) {
                    inPacket = false;
                    malformed++;
                }
            } else if (b == DLE) {
                afterDle = true;
            } else if (inPacket) {
                add(b);
            }
        }
    }

    private void add(int b) {
        if (size == packet.length) {
            inPacket = false;
            malformed++;
            return;
        }
        packet[size++] = (byte) b;
    }

    /** command, length, data (length bytes), checksum. */
    private void packet() {
        packets++;
        if (size < 3 || (packet[1] & 0xFF) != size - 3) {
            malformed++;
            return;
        }
        int sum = 0;
        for (int i = 0; i < size; i++) {
            sum += packet[i] & 0xFF;
        }
        if ((sum & 0xFF) != 0) {
            malformed++;
            return;
        }
        if ((packet[0] & 0xFF) != N2K_RECEIVED) {
            return;
        }
        int dataLength = size - 3 - HEADER;
        int base = 2; // after command and length
        if (dataLength < 0 || (packet[base + 10] & 0xFF) != dataLength) {
            malformed++;
            return;
        }
        int pf = packet[base + 2] & 0xFF;
        int ps = pf < 240 ? 0 : packet[base + 1] & 0xFF; // PDU1: the low byte is the destination
        int pgn = ps | pf << 8 | (packet[base + 3] & 0x03) << 16;
        int source = packet[base + 5] & 0xFF;
        System.arraycopy(packet, base + HEADER, data, 0, dataLength);
        handler.message(pgn, source, data, dataLength);
    }

    @Override
    public void endOfInput() {
        // a packet is only complete with its DLE ETX: nothing to finish
    }

    @Override
    public long malformed() {
        return malformed;
    }

    /** Packets framed (valid or not). */
    public long packets() {
        return packets;
    }

    /** The NGT-1 command that makes it forward every PGN (clears its transmit PGN list), framed for sending. */
    public static byte[] startupCommand() {
        int[] body = {0xA1, 0x03, 0x11, 0x02, 0x00};
        int sum = 0;
        for (int b : body) {
            sum += b;
        }
        int checksum = (256 - (sum & 0xFF)) & 0xFF;
        return new byte[] {DLE, STX, (byte) 0xA1, 0x03, 0x11, 0x02, 0x00, (byte) checksum, DLE, ETX};
    }
}
