package org.vmsseaman.driver.modbus.internal;

/** Reading whole numbers and decimals from JSON scalars (numbers or numeric strings). */
final class Numbers {

    private Numbers() {}

    /** The value as a whole number, or null if it is not one. */
    static Long wholeNumber(Object value) {
        if (value instanceof Number n) {
            double d = n.doubleValue();
            if (d == Math.rint(d) && Math.abs(d) < 9.0e15) {
                return n.longValue();
            }
            return null;
        }
        if (value instanceof String s) {
            try {
                return Long.parseLong(s.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** The value as a finite double, or null if it is not one. */
    static Double finite(Object value) {
        double d;
        if (value instanceof Number n) {
            d = n.doubleValue();
        } else if (value instanceof String s) {
            try {
                d = Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        } else {
            return null;
        }
        return Double.isFinite(d) ? d : null;
    }
}
