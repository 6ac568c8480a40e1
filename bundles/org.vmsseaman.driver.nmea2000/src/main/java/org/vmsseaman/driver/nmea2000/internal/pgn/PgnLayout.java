package org.vmsseaman.driver.nmea2000.internal.pgn;

import java.util.List;

/**
 * The layout of one PGN's data.
 *
 * @param pgn the parameter group number
 * @param name a short camel-case name, e.g. {@code engineParametersRapidUpdate}
 * @param fastPacket whether the message is sent as an NMEA 2000 fast packet (up to 223 bytes in frames)
 * @param encoding whose "not available" patterns the fields follow
 * @param fields the fixed fields this driver decodes, in bit order (reserved bits are left out)
 * @param repeating the fields repeated after the fixed ones, or null
 */
public record PgnLayout(
        int pgn, String name, boolean fastPacket, Encoding encoding, List<Field> fields, RepeatingSet repeating) {

    public PgnLayout {
        fields = List.copyOf(fields);
    }

    /** The fixed field called {@code fieldName}, or null. */
    public Field field(String fieldName) {
        for (Field f : fields) {
            if (f.name().equals(fieldName)) {
                return f;
            }
        }
        return null;
    }

    /** The field of a repeated set called {@code fieldName}, or null. */
    public Field repeatedField(String fieldName) {
        return repeating == null ? null : repeating.field(fieldName);
    }

    /** The fixed and the repeated fields. */
    public List<Field> allFields() {
        if (repeating == null) {
            return fields;
        }
        List<Field> all = new java.util.ArrayList<>(fields);
        all.addAll(repeating.fields());
        return all;
    }

    /** The index of the field called {@code fieldName} in {@link #fields()}, or -1. */
    public int indexOf(String fieldName) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equals(fieldName)) {
                return i;
            }
        }
        return -1;
    }
}
