package org.vmsseaman.driver.nmea2000.internal.pgn;

/**
 * One field of a PGN: where its bits are and how they scale. The value is {@code raw * resolution +
 * offset} in {@link #unit()} (the unit on the wire: K, Pa, rad, m/s, ...).
 *
 * @param name the field's name in bindings, e.g. {@code oilPressure}
 * @param bitOffset first bit, counted from bit 0 of byte 0
 * @param bitLength number of bits, 1..64
 * @param signed two's complement
 * @param resolution scale of one raw step
 * @param offset added after scaling (J1939 temperatures: -40 degC)
 * @param unit unit symbol of the scaled value (see {@code Units}); empty for counts and enumerations
 * @param lookup names of the values of an enumerated field, or null
 * @param validMax largest raw value that is a value; larger ones are reported as not available, and the
 *     encoding's patterns do not apply. {@code Long.MAX_VALUE}: the encoding's patterns decide
 */
public record Field(
        String name,
        int bitOffset,
        int bitLength,
        boolean signed,
        double resolution,
        double offset,
        String unit,
        Lookup lookup,
        long validMax) {

    public Field {
        if (bitLength < 1 || bitLength > 64 || bitOffset < 0) {
            throw new IllegalArgumentException("field " + name + ": bad bit layout " + bitOffset + "/" + bitLength);
        }
    }

    /** The bit after the field. */
    public int endBit() {
        return bitOffset + bitLength;
    }

    /** {@code true} for enumerated fields (published as their raw number). */
    public boolean isLookup() {
        return lookup != null;
    }

    /** The raw bits, sign-extended for signed fields. */
    public long raw(byte[] data) {
        return raw(data, 0);
    }

    /** The raw bits of the field in a repeated set starting at bit {@code base}. */
    public long raw(byte[] data, int base) {
        int at = base + bitOffset;
        return signed ? Bits.signed(data, at, bitLength) : Bits.unsigned(data, at, bitLength);
    }

    /** What the raw value means under {@code encoding}. */
    public Availability availability(long raw, Encoding encoding) {
        if (validMax != Long.MAX_VALUE) {
            return raw > validMax ? Availability.NOT_AVAILABLE : Availability.VALID;
        }
        return encoding.classify(raw, bitLength, signed);
    }

    /** The scaled value of a valid raw value. */
    public double scale(long raw) {
        return raw * resolution + offset;
    }
}
