package org.vmsseaman.driver.nmea2000.internal.pgn;

/** Which standard's "not available" patterns a PGN's fields follow (see {@link Availability}). */
public enum Encoding {
    NMEA2000,
    J1939;

    /** Classifies the raw bits of a field of {@code length} bits. */
    Availability classify(long raw, int length, boolean signed) {
        if (length == 1 || length >= 64 && !signed) {
            return Availability.VALID;
        }
        return this == NMEA2000 ? nmea2000(raw, length, signed) : j1939(raw, length);
    }

    private static Availability nmea2000(long raw, int length, boolean signed) {
        long max = signed ? (1L << (length - 1)) - 1 : (1L << length) - 1;
        if (signed && length == 64) {
            max = Long.MAX_VALUE;
        }
        if (raw == max) {
            return Availability.NOT_AVAILABLE;
        }
        if (length < 4) {
            return Availability.VALID;
        }
        if (raw == max - 1) {
            return Availability.OUT_OF_RANGE;
        }
        return raw == max - 2 ? Availability.RESERVED : Availability.VALID;
    }

    private static Availability j1939(long raw, int length) {
        if (length < 8) {
            long max = (1L << length) - 1;
            if (raw == max) {
                return Availability.NOT_AVAILABLE;
            }
            return raw == max - 1 ? Availability.ERROR : Availability.VALID;
        }
        long top = raw >>> (length - 8);
        if (top == 0xFF) {
            return Availability.NOT_AVAILABLE;
        }
        if (top == 0xFE) {
            return Availability.ERROR;
        }
        return top >= 0xFB ? Availability.RESERVED : Availability.VALID;
    }
}
