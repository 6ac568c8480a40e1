package org.vmsseaman.driver.modbus.internal;

import java.util.Locale;

/** How the bits or registers of one binding encode its value. */
enum ValueType {
    /** A coil or discrete input. */
    BOOL(0, false),
    /** One bit ({@code bit} 0..15, 0 = least significant) of a register. */
    BIT(1, false),
    INT16(1, true),
    UINT16(1, true),
    INT32(2, true),
    UINT32(2, true),
    FLOAT32(2, true),
    INT64(4, true),
    FLOAT64(4, true),
    /** {@code length} characters (ISO-8859-1), two per register, trailing NULs and spaces dropped. */
    STRING(0, false);

    private final int registers;
    private final boolean numeric;

    ValueType(int registers, boolean numeric) {
        this.registers = registers;
        this.numeric = numeric;
    }

    /** Registers the type occupies (STRING: depends on its length; BOOL: none). */
    int registers() {
        return registers;
    }

    /** {@code true} for the number types, to which scale and offset apply. */
    boolean numeric() {
        return numeric;
    }

    /** {@code true} for the integer number types. */
    boolean integer() {
        return numeric && this != FLOAT32 && this != FLOAT64;
    }

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    static ValueType fromLabel(String label) {
        for (ValueType t : values()) {
            if (t.label().equals(label)) {
                return t;
            }
        }
        return null;
    }

    static String labels() {
        StringBuilder b = new StringBuilder();
        for (ValueType t : values()) {
            b.append(b.length() == 0 ? "" : ", ").append(t.label());
        }
        return b.toString();
    }
}
