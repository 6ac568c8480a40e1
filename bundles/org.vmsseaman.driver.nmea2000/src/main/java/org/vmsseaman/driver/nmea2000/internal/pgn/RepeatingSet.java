package org.vmsseaman.driver.nmea2000.internal.pgn;

import java.util.List;

/**
 * Fields repeated after a PGN's fixed fields, e.g. the lines of AC status (127503/127504): as many sets as
 * the count field says, each {@code setBits} long, starting at {@code startBit}. The bit offsets of the
 * {@code fields} are relative to the start of a set.
 *
 * @param count the fixed field holding the number of sets
 * @param startBit where the first set starts
 * @param setBits the length of one set
 * @param fields the fields of one set
 */
public record RepeatingSet(Field count, int startBit, int setBits, List<Field> fields) {

    public RepeatingSet {
        fields = List.copyOf(fields);
    }

    /** The start bit of set {@code index} (0-based). */
    public int base(int index) {
        return startBit + index * setBits;
    }

    /** The field of a set called {@code fieldName}, or null. */
    public Field field(String fieldName) {
        return fields.stream()
                .filter(f -> f.name().equals(fieldName))
                .findFirst()
                .orElse(null);
    }
}
