package org.vmsseaman.driver.nmea2000.internal.binding;

import org.vmsseaman.api.tag.DataType;
import org.vmsseaman.driver.nmea2000.internal.pgn.Field;
import org.vmsseaman.driver.nmea2000.internal.pgn.PgnLayout;
import org.vmsseaman.driver.nmea2000.internal.pgn.RepeatingSet;

/**
 * A tag bound to one field of one PGN, compiled from its binding address.
 *
 * @param tagId the tag
 * @param layout the PGN
 * @param field the field that gives the value
 * @param source the sender's source address, or -1 for any
 * @param filterFields fields that must hold the matching {@code filterValues} (raw) for a message to count;
 *     fields of the repeated set select the set
 * @param filterValues the raw values of the filters
 * @param repeated whether {@code field} is in the PGN's repeated set
 * @param conversion from the field's unit to the tag's
 * @param dataType the tag's data type
 */
public record FieldBinding(
        String tagId,
        PgnLayout layout,
        Field field,
        int source,
        Field[] filterFields,
        long[] filterValues,
        boolean repeated,
        Units.Conversion conversion,
        DataType dataType) {

    /**
     * Where this tag's field is in a message from {@code sender} with {@code data} of {@code length} bytes: the
     * bit its set starts at (0 for a fixed field), or -1 if the message is not for this tag.
     */
    public int locate(int sender, byte[] data, int length) {
        if (source >= 0 && source != sender) {
            return -1;
        }
        int bits = length * 8;
        if (!repeated) {
            return field.endBit() <= bits && filtersMatch(data, bits, 0) ? 0 : -1;
        }
        RepeatingSet set = layout.repeating();
        if (set.count().endBit() > bits) {
            return -1;
        }
        long count = set.count().raw(data);
        for (int i = 0; i < count; i++) {
            int base = set.base(i);
            if (base + field.endBit() > bits) {
                return -1;
            }
            if (filtersMatch(data, bits, base)) {
                return base;
            }
        }
        return -1;
    }

    /** Fixed filters at bit 0, the repeated set's filters at {@code base}. */
    private boolean filtersMatch(byte[] data, int bits, int base) {
        RepeatingSet set = layout.repeating();
        for (int i = 0; i < filterFields.length; i++) {
            Field f = filterFields[i];
            int at = set != null && set.fields().contains(f) ? base : 0;
            if (at + f.endBit() > bits || f.raw(data, at) != filterValues[i]) {
                return false;
            }
        }
        return true;
    }

    /** The value of a valid raw reading, as the tag's type wants it. */
    public Object value(long raw) {
        if (dataType == DataType.STRING && field.isLookup()) {
            String label = field.lookup().labels().get(raw);
            return label != null ? label : Long.toString(raw);
        }
        if (field.resolution() == 1 && field.offset() == 0 && conversion == Units.Conversion.NONE) {
            return raw;
        }
        return conversion.apply(field.scale(raw));
    }
}
