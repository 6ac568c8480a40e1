package org.vmsseaman.devices.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.vmsseaman.api.device.WriteException;
import org.vmsseaman.api.device.WriteException.Reason;
import org.vmsseaman.api.tag.Range;
import org.vmsseaman.api.tag.TagDefinition;

/**
 * Checks a client's setpoint against the tag and converts it to the tag's Java type, refusing anything
 * whose meaning would change on the way (1.5 for a long tag, "1" for a boolean, NaN for a double).
 */
final class SetpointValue {

    private SetpointValue() {}

    static Object convert(TagDefinition tag, Object value) throws WriteException {
        if (value == null) {
            throw invalid(tag, "a value is required");
        }
        Object converted =
                switch (tag.dataType()) {
                    case DOUBLE -> {
                        double d = number(tag, value).doubleValue();
                        if (!Double.isFinite(d)) {
                            throw invalid(tag, "'" + value + "' is not a finite number");
                        }
                        yield d;
                    }
                    case LONG -> whole(tag, value);
                    case BOOLEAN -> {
                        if (value instanceof Boolean b) {
                            yield b;
                        }
                        throw invalid(tag, "expected true or false, got " + describe(value));
                    }
                    case STRING -> {
                        if (value instanceof String s) {
                            yield s;
                        }
                        throw invalid(tag, "expected a string, got " + describe(value));
                    }
                    case ENUM -> state(tag, value);
                };
        if (converted instanceof Number n && tag.displayRange() != null) {
            Range r = tag.displayRange();
            double d = n.doubleValue();
            if (d < r.min() || d > r.max()) {
                throw invalid(tag, value + " is outside the display range " + r.min() + " to " + r.max());
            }
        }
        return converted;
    }

    private static Number number(TagDefinition tag, Object value) throws WriteException {
        if (value instanceof Number n) {
            return n;
        }
        throw invalid(tag, "expected a number, got " + describe(value));
    }

    private static long whole(TagDefinition tag, Object value) throws WriteException {
        Number n = number(tag, value);
        if (n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte) {
            return n.longValue();
        }
        try {
            BigDecimal d = n instanceof BigDecimal b ? b : new BigDecimal(n.toString());
            BigInteger i = d.toBigIntegerExact();
            return i.longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            throw invalid(tag, "'" + value + "' is not a whole number in the range of a long");
        }
    }

    private static long state(TagDefinition tag, Object value) throws WriteException {
        if (value instanceof String label) {
            int index = tag.states().indexOf(label);
            if (index < 0) {
                throw invalid(tag, "'" + label + "' is not one of its states " + tag.states());
            }
            return index;
        }
        long index = whole(tag, value);
        if (!tag.states().isEmpty() && (index < 0 || index >= tag.states().size())) {
            throw invalid(
                    tag, index + " is not a state index (0 to " + (tag.states().size() - 1) + ")");
        }
        return index;
    }

    private static String describe(Object value) {
        return value instanceof String s
                ? "the string \"" + s + "\""
                : value.getClass().getSimpleName() + " " + value;
    }

    private static WriteException invalid(TagDefinition tag, String why) {
        return new WriteException(
                Reason.INVALID_VALUE,
                "invalid value for " + tag.dataType().label() + " tag '" + tag.id() + "': " + why);
    }
}
