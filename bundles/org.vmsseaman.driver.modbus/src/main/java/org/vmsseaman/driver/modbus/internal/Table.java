package org.vmsseaman.driver.modbus.internal;

import java.util.Locale;

/** The four Modbus data tables, with the function code that reads each. */
enum Table {
    COIL(1, true, true),
    DISCRETE_INPUT(2, true, false),
    HOLDING_REGISTER(3, false, true),
    INPUT_REGISTER(4, false, false);

    private final int readFunction;
    private final boolean bits;
    private final boolean writable;

    Table(int readFunction, boolean bits, boolean writable) {
        this.readFunction = readFunction;
        this.bits = bits;
        this.writable = writable;
    }

    /** The read function code (1..4). */
    int readFunction() {
        return readFunction;
    }

    /** {@code true} for coils and discrete inputs (single bits), false for 16-bit registers. */
    boolean bits() {
        return bits;
    }

    /** {@code true} for coils and holding registers. */
    boolean writable() {
        return writable;
    }

    /** The project-file name, e.g. {@code holding_register}. */
    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The table for a project-file name, or null. */
    static Table fromLabel(String label) {
        for (Table t : values()) {
            if (t.label().equals(label)) {
                return t;
            }
        }
        return null;
    }
}
