package org.vmsseaman.api.tag;

import java.util.Locale;

/**
 * The data type of a tag and the Java type its values carry.
 *
 * <p>Values cross bundles as {@link Double}, {@link Long}, {@link Boolean} or {@link String};
 * an {@link #ENUM} value is a {@link Long} index into the tag's state labels.
 */
public enum DataType {
    DOUBLE(Double.class),
    LONG(Long.class),
    BOOLEAN(Boolean.class),
    STRING(String.class),
    ENUM(Long.class);

    private final Class<?> javaType;

    DataType(Class<?> javaType) {
        this.javaType = javaType;
    }

    /** The Java type of this data type's values. */
    public Class<?> javaType() {
        return javaType;
    }

    /** {@code true} if {@code value} is of this type's Java type ({@code null} is not accepted). */
    public boolean accepts(Object value) {
        return javaType.isInstance(value);
    }

    /**
     * Converts a value a driver produced to this type's Java type.
     *
     * <p>Numbers convert between each other (a double is rounded for LONG/ENUM), booleans to 0/1
     * and back; strings are parsed. NaN and infinite numbers are refused for every type but DOUBLE
     * (where they are already of the type), and so is anything else that does not convert.
     *
     * @throws IllegalArgumentException naming the value and the type when it cannot be converted
     */
    public Object coerce(Object value) {
        if (value == null) {
            throw new IllegalArgumentException("null is not a " + label() + " value");
        }
        if (javaType.isInstance(value)) {
            return value;
        }
        if (value instanceof Number n && !Double.isFinite(n.doubleValue())) {
            // NaN and infinity are "not available", never 0, Long.MAX_VALUE or true
            throw new IllegalArgumentException(
                    "'" + value + "' is not a finite number, so not a " + label() + " value");
        }
        try {
            switch (this) {
                case DOUBLE:
                    if (value instanceof Number n) return n.doubleValue();
                    if (value instanceof Boolean b) return b ? 1.0 : 0.0;
                    return Double.parseDouble(value.toString().trim());
                case LONG:
                case ENUM:
                    if (value instanceof Number n) return Math.round(n.doubleValue());
                    if (value instanceof Boolean b) return b ? 1L : 0L;
                    return Long.parseLong(value.toString().trim());
                case BOOLEAN:
                    if (value instanceof Number n) return n.doubleValue() != 0.0;
                    String s = value.toString().trim().toLowerCase(Locale.ROOT);
                    if (s.equals("true") || s.equals("1")) return Boolean.TRUE;
                    if (s.equals("false") || s.equals("0")) return Boolean.FALSE;
                    break;
                case STRING:
                    return value.toString();
            }
        } catch (NumberFormatException e) {
            // fall through to the error below
        }
        throw new IllegalArgumentException("'" + value + "' is not a " + label() + " value");
    }

    /** The lower-case name used in project files and JSON, e.g. {@code double}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The data type for a project-file label.
     *
     * @throws IllegalArgumentException listing the valid labels
     */
    public static DataType fromLabel(String label) {
        for (DataType t : values()) {
            if (t.label().equals(label)) {
                return t;
            }
        }
        throw new IllegalArgumentException(
                "unknown data type '" + label + "' (expected one of double, long, boolean, string, enum)");
    }
}
