package org.vmsseaman.driver.nmea2000.internal.binding;

/** Reads the JSON scalars of project settings and addresses. */
public final class Scalars {

    private Scalars() {}

    /** A whole number given as a number or a decimal string, or null if {@code v} is none. */
    public static Long integer(Object v) {
        if (v instanceof Number num && num.doubleValue() == Math.rint(num.doubleValue())) {
            return num.longValue();
        }
        if (v instanceof String s) {
            try {
                return Long.parseLong(s.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
