package org.vmsseaman.driver.modbus.internal;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.vmsseaman.api.device.BoundTag;
import org.vmsseaman.api.tag.DataType;

/**
 * One tag's parsed binding address ({@code tags[].source.address}); see the bundle README for the keys.
 *
 * @param table the Modbus table
 * @param address 0-based protocol address of the first bit or register
 * @param type how the value is encoded
 * @param bit bit number for {@link ValueType#BIT} (0 = least significant)
 * @param length characters of a {@link ValueType#STRING}
 * @param wordSwap least significant register first (wordOrder little)
 * @param byteSwap low byte first within each register (byteOrder little)
 * @param scale multiplier applied to the raw number
 * @param offset added after scaling
 * @param group poll group name, "" for the device's default interval
 */
record TagAddress(
        Table table,
        int address,
        ValueType type,
        int bit,
        int length,
        boolean wordSwap,
        boolean byteSwap,
        double scale,
        double offset,
        String group) {

    static final Set<String> KEYS = Set.of(
            "function",
            "address",
            "dataType",
            "bit",
            "length",
            "wordOrder",
            "byteOrder",
            "scale",
            "offset",
            "pollGroup");

    /** Bits or registers the value occupies. */
    int count() {
        if (table.bits()) {
            return 1;
        }
        return type == ValueType.STRING ? (length + 1) / 2 : type.registers();
    }

    /** {@code true} when scale and offset change the value. */
    boolean scaled() {
        return scale != 1.0 || offset != 0.0;
    }

    /** A binding the driver cannot use; the message says which key and why. */
    static final class BindingException extends Exception {
        private static final long serialVersionUID = 1L;

        BindingException(String message) {
            super(message);
        }
    }

    /**
     * Parses a tag's binding address.
     *
     * @throws BindingException naming the key that is missing or wrong
     */
    static TagAddress parse(BoundTag tag) throws BindingException {
        Map<String, Object> a = tag.address();
        for (String key : a.keySet()) {
            if (!KEYS.contains(key)) {
                throw new BindingException("unknown Modbus address key '" + key + "' (expected "
                        + String.join(", ", new java.util.TreeSet<>(KEYS)) + ")");
            }
        }
        Object f = a.get("function");
        Table table = f == null ? null : Table.fromLabel(f.toString().trim().toLowerCase(Locale.ROOT));
        if (table == null) {
            throw new BindingException("address key 'function' must be one of coil, discrete_input, "
                    + "holding_register, input_register, was '" + f + "'");
        }
        Long address = Numbers.wholeNumber(a.get("address"));
        if (address == null || address < 0 || address > 65535) {
            throw new BindingException(
                    "address key 'address' must be a protocol address 0..65535, was '" + a.get("address") + "'");
        }
        ValueType type = type(tag, table, a.get("dataType"));
        int bit = 0;
        if (type == ValueType.BIT) {
            Long b = Numbers.wholeNumber(a.get("bit"));
            if (b == null || b < 0 || b > 15) {
                throw new BindingException(
                        "address key 'bit' must be 0..15 for dataType bit, was '" + a.get("bit") + "'");
            }
            bit = b.intValue();
        }
        int length = 0;
        if (type == ValueType.STRING) {
            Long l = Numbers.wholeNumber(a.get("length"));
            if (l == null || l < 1 || l > 250) {
                throw new BindingException("address key 'length' must be 1..250 characters for dataType string, was '"
                        + a.get("length") + "'");
            }
            length = l.intValue();
        }
        boolean wordSwap = order(a, "wordOrder");
        boolean byteSwap = order(a, "byteOrder");
        double scale = decimal(a, "scale", 1.0);
        if (scale == 0.0) {
            throw new BindingException("address key 'scale' must not be 0");
        }
        double offset = decimal(a, "offset", 0.0);
        if ((scale != 1.0 || offset != 0.0) && !type.numeric()) {
            throw new BindingException("scale and offset apply to number types only, not to " + type.label());
        }
        Object g = a.get("pollGroup");
        String group = g == null ? "" : g.toString().trim();
        if (!group.isEmpty() && !group.matches("[A-Za-z0-9_-]+")) {
            throw new BindingException("address key 'pollGroup' must be letters, digits, _ and -, was '" + g + "'");
        }
        TagAddress result =
                new TagAddress(table, address.intValue(), type, bit, length, wordSwap, byteSwap, scale, offset, group);
        if (address + result.count() > 65536) {
            throw new BindingException("the value's " + result.count() + " registers from address " + address
                    + " run past the last address 65535");
        }
        return result;
    }

    private static ValueType type(BoundTag tag, Table table, Object label) throws BindingException {
        ValueType type;
        if (label == null) {
            type = table.bits() ? ValueType.BOOL : ValueType.UINT16;
        } else {
            type = ValueType.fromLabel(label.toString().trim().toLowerCase(Locale.ROOT));
            if (type == null) {
                throw new BindingException(
                        "address key 'dataType' must be one of " + ValueType.labels() + ", was '" + label + "'");
            }
        }
        if (table.bits() != (type == ValueType.BOOL)) {
            throw new BindingException(
                    table.bits()
                            ? table.label() + " holds single bits: dataType must be bool, was " + type.label()
                            : table.label()
                                    + " holds registers: dataType bool is for coils and discrete inputs (use bit)");
        }
        if ((type == ValueType.STRING) != (tag.definition().dataType() == DataType.STRING)) {
            throw new BindingException("dataType string is for string tags only, and a string tag needs dataType string"
                    + " (tag is " + tag.definition().dataType().label() + ", dataType " + type.label() + ")");
        }
        return type;
    }

    private static boolean order(Map<String, Object> a, String key) throws BindingException {
        Object v = a.get(key);
        if (v == null) {
            return false;
        }
        String s = v.toString().trim().toLowerCase(Locale.ROOT);
        if (s.equals("big")) {
            return false;
        }
        if (s.equals("little")) {
            return true;
        }
        throw new BindingException("address key '" + key + "' must be big or little, was '" + v + "'");
    }

    private static double decimal(Map<String, Object> a, String key, double dflt) throws BindingException {
        Object v = a.get(key);
        if (v == null) {
            return dflt;
        }
        Double d = Numbers.finite(v);
        if (d == null) {
            throw new BindingException("address key '" + key + "' must be a finite number, was '" + v + "'");
        }
        return d;
    }
}
