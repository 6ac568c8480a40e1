package org.vmsseaman.driver.nmea2000.internal.pgn;

import java.util.List;

/**
 * The layout of one PGN's data.
 *
 * @param pgn the parameter group number
 * @param name a short camel-case name, e.g. {@code engineParametersRapidUpdate}
 * @param fastPacket whether the message is sent as an NMEA 2000 fast packet (up to 223 bytes in frames)
 * @param encoding whose "not available" patterns the fields follow
 * @param fields the fields this driver decodes, in bit order (reserved bits and repeated sets are left out)
 */
public record PgnLayout(int pgn, String name, boolean fastPacket, Encoding encoding, List<Field> fields) {

    public PgnLayout {
        fields = List.copyOf(fields);
    }

    /** The field called {@code fieldName}, or null. */
    public Field field(String fieldName) {
        for (Field f : fields) {
            if (f.name().equals(fieldName)) {
                return f;
            }
        }
        return null;
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
