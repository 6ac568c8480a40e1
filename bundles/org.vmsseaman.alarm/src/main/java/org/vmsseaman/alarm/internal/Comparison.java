package org.vmsseaman.alarm.internal;

/**
 * A limit or discrete condition: the operator compared with a setpoint to enter the alarm, and the same
 * comparison shifted by the deadband towards normal to stay in it (hysteresis on leaving).
 *
 * <p>{@code > >= < <=} leave only once the value is beyond the setpoint by the deadband on the normal
 * side; {@code ==} stays while the value is within the deadband of the setpoint; {@code !=} has no
 * deadband.
 */
record Comparison(Operator operator, double setpoint, double deadband) {

    /** The project file's operators, parsed once rather than at every evaluation. */
    enum Operator {
        GT,
        GE,
        LT,
        LE,
        EQ,
        NE;

        static Operator of(String symbol) {
            return switch (symbol) {
                case ">" -> GT;
                case ">=" -> GE;
                case "<" -> LT;
                case "<=" -> LE;
                case "==" -> EQ;
                case "!=" -> NE;
                default ->
                    throw new IllegalArgumentException(
                            "unknown operator '" + symbol + "' (expected one of > >= < <= == !=)");
            };
        }
    }

    Comparison {
        if (!(deadband >= 0)) {
            throw new IllegalArgumentException("deadband must be >= 0, got " + deadband);
        }
    }

    Comparison(String operator, double setpoint, double deadband) {
        this(Operator.of(operator), setpoint, deadband);
    }

    /** Whether the value is in alarm, given whether it was. */
    boolean test(double value, boolean wasInAlarm) {
        double db = wasInAlarm ? deadband : 0.0;
        return switch (operator) {
            case GT -> value > setpoint - db;
            case GE -> value >= setpoint - db;
            case LT -> value < setpoint + db;
            case LE -> value <= setpoint + db;
            case EQ -> Math.abs(value - setpoint) <= db;
            case NE -> value != setpoint;
        };
    }
}
