package org.vmsseaman.driver.nmea2000.internal.binding;

import org.vmsseaman.api.tag.DataType;
import org.vmsseaman.driver.nmea2000.internal.pgn.Field;
import org.vmsseaman.driver.nmea2000.internal.pgn.PgnLayout;

/**
 * A tag bound to one field of one PGN, compiled from its binding address.
 *
 * @param tagId the tag
 * @param layout the PGN
 * @param field the field that gives the value
 * @param source the sender's source address, or -1 for any
 * @param filterFields fields that must hold the matching {@code filterValues} (raw) for a message to count
 * @param filterValues the raw values of the filters
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
        Units.Conversion conversion,
        DataType dataType) {

    /** {@code true} if a message from {@code sender} with {@code data} of {@code length} bytes is for this tag. */
    public boolean matches(int sender, byte[] data, int length) {
        if (source >= 0 && source != sender) {
            return false;
        }
        int bits = length * 8;
        if (field.endBit() > bits) {
            return false;
        }
        for (int i = 0; i < filterFields.length; i++) {
            Field f = filterFields[i];
            if (f.endBit() > bits || f.raw(data) != filterValues[i]) {
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
