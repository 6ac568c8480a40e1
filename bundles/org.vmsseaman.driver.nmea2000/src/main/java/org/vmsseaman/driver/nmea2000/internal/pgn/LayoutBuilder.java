package org.vmsseaman.driver.nmea2000.internal.pgn;

import java.util.ArrayList;
import java.util.List;

/** Writes PGN layouts as readable tables: one line per field. */
final class LayoutBuilder {

    private final int pgn;
    private final String name;
    private final boolean fast;
    private final Encoding encoding;
    private final List<Field> fields = new ArrayList<>();

    private LayoutBuilder(int pgn, String name, boolean fast, Encoding encoding) {
        this.pgn = pgn;
        this.name = name;
        this.fast = fast;
        this.encoding = encoding;
    }

    static LayoutBuilder single(int pgn, String name) {
        return new LayoutBuilder(pgn, name, false, Encoding.NMEA2000);
    }

    static LayoutBuilder fast(int pgn, String name) {
        return new LayoutBuilder(pgn, name, true, Encoding.NMEA2000);
    }

    static LayoutBuilder j1939(int pgn, String name) {
        return new LayoutBuilder(pgn, name, false, Encoding.J1939);
    }

    /** An unsigned number. */
    LayoutBuilder u(String field, int bitOffset, int bitLength, double resolution, String unit) {
        return add(new Field(field, bitOffset, bitLength, false, resolution, 0, unit, null, Long.MAX_VALUE));
    }

    /** An unsigned number with an offset (J1939). */
    LayoutBuilder u(String field, int bitOffset, int bitLength, double resolution, double offset, String unit) {
        return add(new Field(field, bitOffset, bitLength, false, resolution, offset, unit, null, Long.MAX_VALUE));
    }

    /** A signed number. */
    LayoutBuilder s(String field, int bitOffset, int bitLength, double resolution, String unit) {
        return add(new Field(field, bitOffset, bitLength, true, resolution, 0, unit, null, Long.MAX_VALUE));
    }

    /** An unsigned count, instance or identifier without unit. */
    LayoutBuilder n(String field, int bitOffset, int bitLength) {
        return u(field, bitOffset, bitLength, 1, "");
    }

    /** An enumerated field. */
    LayoutBuilder e(String field, int bitOffset, int bitLength, Lookup lookup) {
        return add(new Field(field, bitOffset, bitLength, false, 1, 0, "", lookup, Long.MAX_VALUE));
    }

    /** An enumerated field whose raw values above {@code validMax} mean "no value". */
    LayoutBuilder e(String field, int bitOffset, int bitLength, Lookup lookup, long validMax) {
        return add(new Field(field, bitOffset, bitLength, false, 1, 0, "", lookup, validMax));
    }

    PgnLayout build() {
        return new PgnLayout(pgn, name, fast, encoding, fields);
    }

    private LayoutBuilder add(Field f) {
        fields.add(f);
        return this;
    }
}
