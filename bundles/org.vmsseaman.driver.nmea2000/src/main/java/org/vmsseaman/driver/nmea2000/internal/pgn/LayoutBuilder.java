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
    private List<Field> target = fields;
    private Field count;
    private int repeatStart;
    private int repeatBits;
    private final List<Field> repeated = new ArrayList<>();

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

    /**
     * The fields added after this form a set repeated as often as the fixed field {@code countField} says, every
     * {@code setBits} from {@code startBit}; their offsets are relative to the set.
     */
    LayoutBuilder repeat(String countField, int startBit, int setBits) {
        count = fields.stream()
                .filter(f -> f.name().equals(countField))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no count field " + countField));
        repeatStart = startBit;
        repeatBits = setBits;
        target = repeated;
        return this;
    }

    PgnLayout build() {
        RepeatingSet set = count == null ? null : new RepeatingSet(count, repeatStart, repeatBits, repeated);
        return new PgnLayout(pgn, name, fast, encoding, fields, set);
    }

    private LayoutBuilder add(Field f) {
        target.add(f);
        return this;
    }
}
