package org.vmsseaman.driver.modbus.internal;

import java.nio.charset.StandardCharsets;

/**
 * Decodes register and bit values into tag values and encodes written values back, applying word order, byte order,
 * scale and offset. Registers are 16-bit values held in the low bits of an {@code int}.
 */
final class Codec {

    private Codec() {}

    /**
     * A decoded value.
     *
     * @param value the scaled value (Double, Long, Boolean or String)
     * @param raw the value as the device holds it, before scale and offset
     */
    record Decoded(Object value, Object raw) {}

    /** The value of a coil or discrete input. */
    static Decoded decodeBit(boolean bit) {
        return new Decoded(bit, bit);
    }

    /** The value of {@code a} whose first register is {@code registers[from]}. */
    static Decoded decode(TagAddress a, int[] registers, int from) {
        switch (a.type()) {
            case BIT: {
                boolean set = ((registers[from] >> a.bit()) & 1) != 0;
                return new Decoded(set, registers[from] & 0xFFFF);
            }
            case STRING:
                return decodeString(a, registers, from);
            default:
                long bits = bigEndian(a, registers, from);
                Number raw = rawNumber(a.type(), bits);
                return new Decoded(scaled(a, raw), raw);
        }
    }

    private static Number rawNumber(ValueType type, long bits) {
        switch (type) {
            case INT16:
                return (long) (short) bits;
            case UINT16:
                return bits & 0xFFFFL;
            case INT32:
                return (long) (int) bits;
            case UINT32:
                return bits & 0xFFFF_FFFFL;
            case FLOAT32:
                return (double) Float.intBitsToFloat((int) bits);
            case INT64:
                return bits;
            case FLOAT64:
                return Double.longBitsToDouble(bits);
            default:
                throw new IllegalArgumentException("not a number type: " + type);
        }
    }

    private static Object scaled(TagAddress a, Number raw) {
        if (!a.scaled()) {
            return raw;
        }
        return raw.doubleValue() * a.scale() + a.offset();
    }

    /** The registers of a number type as one big-endian value: most significant register and byte first. */
    private static long bigEndian(TagAddress a, int[] registers, int from) {
        int n = a.type().registers();
        long v = 0;
        for (int i = 0; i < n; i++) {
            int reg = registers[from + (a.wordSwap() ? n - 1 - i : i)];
            v = (v << 16) | (a.byteSwap() ? swapBytes(reg) : reg & 0xFFFF);
        }
        return v;
    }

    private static Decoded decodeString(TagAddress a, int[] registers, int from) {
        byte[] bytes = new byte[a.length()];
        for (int i = 0; i < bytes.length; i++) {
            int reg = registers[from + i / 2];
            if (a.byteSwap()) {
                reg = swapBytes(reg);
            }
            bytes[i] = (byte) (i % 2 == 0 ? reg >> 8 : reg);
        }
        int end = bytes.length;
        while (end > 0 && (bytes[end - 1] == 0 || bytes[end - 1] == ' ')) {
            end--;
        }
        String s = new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
        return new Decoded(s, s);
    }

    private static int swapBytes(int reg) {
        return ((reg & 0xFF) << 8) | ((reg >> 8) & 0xFF);
    }

    /** A value that cannot be written to a binding; the message says why. */
    static final class EncodeException extends Exception {
        private static final long serialVersionUID = 1L;

        EncodeException(String message) {
            super(message);
        }
    }

    /** The coil state for a written value (a boolean, or a number: non-zero is on). */
    static boolean encodeBit(Object value) throws EncodeException {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Number n) {
            return n.doubleValue() != 0.0;
        }
        throw new EncodeException("a coil takes true or false, not '" + value + "'");
    }

    /**
     * The registers to write for {@code value}: scale and offset reversed, range-checked, in the binding's word and
     * byte order.
     */
    static int[] encode(TagAddress a, Object value) throws EncodeException {
        switch (a.type()) {
            case BIT:
                throw new EncodeException("writing one bit of a register is not supported (it would need a "
                        + "read-modify-write that could overwrite the device's other bits); bind a coil instead");
            case STRING:
                return encodeString(a, value);
            default:
                long bits = numberBits(a, value);
                int n = a.type().registers();
                int[] regs = new int[n];
                for (int i = 0; i < n; i++) {
                    int reg = (int) (bits >>> (16 * (n - 1 - i))) & 0xFFFF;
                    regs[a.wordSwap() ? n - 1 - i : i] = a.byteSwap() ? swapBytes(reg) : reg;
                }
                return regs;
        }
    }

    private static long numberBits(TagAddress a, Object value) throws EncodeException {
        double v;
        if (value instanceof Boolean b) {
            v = b ? 1.0 : 0.0;
        } else if (value instanceof Number num) {
            if (!a.scaled() && a.type() == ValueType.INT64 && value instanceof Long l) {
                return l;
            }
            v = num.doubleValue();
        } else {
            throw new EncodeException("a " + a.type().label() + " register takes a number, not '" + value + "'");
        }
        double raw = (v - a.offset()) / a.scale();
        if (!Double.isFinite(raw)) {
            throw new EncodeException("'" + value + "' gives no finite raw value");
        }
        switch (a.type()) {
            case FLOAT32:
                return Float.floatToIntBits((float) raw) & 0xFFFF_FFFFL;
            case FLOAT64:
                return Double.doubleToLongBits(raw);
            case INT16:
                return checked(a, raw, Short.MIN_VALUE, Short.MAX_VALUE);
            case UINT16:
                return checked(a, raw, 0, 0xFFFF);
            case INT32:
                return checked(a, raw, Integer.MIN_VALUE, Integer.MAX_VALUE);
            case UINT32:
                return checked(a, raw, 0, 0xFFFF_FFFFL);
            default:
                return checked(a, raw, Long.MIN_VALUE, Long.MAX_VALUE);
        }
    }

    private static long checked(TagAddress a, double raw, long min, long max) throws EncodeException {
        double r = Math.rint(raw);
        if (r < min || r > max) {
            throw new EncodeException(
                    "raw value " + r + " is outside the range of " + a.type().label() + " (" + min + ".." + max + ")");
        }
        return (long) r;
    }

    private static int[] encodeString(TagAddress a, Object value) throws EncodeException {
        byte[] text = value.toString().getBytes(StandardCharsets.ISO_8859_1);
        if (text.length > a.length()) {
            throw new EncodeException("'" + value + "' is longer than the binding's " + a.length() + " characters");
        }
        int[] regs = new int[a.count()];
        for (int i = 0; i < text.length; i++) {
            int shift = (i % 2 == 0) == !a.byteSwap() ? 8 : 0;
            regs[i / 2] |= (text[i] & 0xFF) << shift;
        }
        return regs;
    }
}
