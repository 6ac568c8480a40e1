package org.vmsseaman.alarm.internal;

/**
 * A limit or discrete condition: the operator compared with a setpoint to enter the alarm, and the same
 * comparison shifted by the deadband towards normal to stay in it (hysteresis on leaving).
 *
 * <p>{@code > >= < <=} leave only once the value is beyond the setpoint by the deadband on the normal
 * side; {@code ==} stays while the value is within the deadband of the setpoint; {@code !=} has no
 * deadband.
 */
record Comparison(String operator, double setpoint, double deadband) {

    Comparison {
        switch (operator) {
            case ">", ">=", "<", "<=", "==", "!=" -> {}
            default ->
                throw new IllegalArgumentException(
                        "unknown operator '" + operator + "' (expected one of > >= < <= == !=)");
        }
        if (!(deadband >= 0)) {
            throw new IllegalArgumentException("deadband must be >= 0, got " + deadband);
        }
    }

    /** Whether the value is in alarm, given whether it was. */
    boolean test(double value, boolean wasInAlarm) {
        double db = wasInAlarm ? deadband : 0.0;
        return switch (operator) {
            case ">" -> value > setpoint - db;
            case ">=" -> value >= setpoint - db;
            case "<" -> value < setpoint + db;
            case "<=" -> value <= setpoint + db;
            case "==" -> Math.abs(value - setpoint) <= db;
            default -> value != setpoint;
        };
    }
}
