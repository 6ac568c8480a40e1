package org.vmsseaman.driver.nmea2000.internal.pgn;

/** Little-endian bit fields as NMEA 2000 and J1939 lay them out: bit 0 is the lowest bit of byte 0. */
public final class Bits {

    private Bits() {}

    /**
     * The {@code length} bits (1..64) at {@code offset} of {@code data}, unsigned (a 64-bit field comes back
     * as its two's complement bits). The caller checks that the field lies within the data.
     */
    public static long unsigned(byte[] data, int offset, int length) {
        int first = offset >>> 3;
        int shift = offset & 7;
        int bytes = (shift + length + 7) >>> 3;
        long v = 0;
        int n = Math.min(bytes, 8);
        for (int i = n - 1; i >= 0; i--) {
            v = (v << 8) | (data[first + i] & 0xFFL);
        }
        v >>>= shift;
        if (bytes > 8) {
            v |= (data[first + 8] & 0xFFL) << (64 - shift);
        }
        return length == 64 ? v : v & ((1L << length) - 1);
    }

    /** The field sign-extended from {@code length} bits. */
    public static long signed(byte[] data, int offset, int length) {
        long v = unsigned(data, offset, length);
        return length == 64 ? v : (v << (64 - length)) >> (64 - length);
    }
}
