package org.vmsseaman.driver.simulator.internal.model;

/**
 * Profile {@code constant_bool}, and the default for boolean, enum and string tags: a fixed value.
 */
final class ConstantSignal implements Signal {

    private final Object value;
    private final double fraction;

    /**
     * @param value the value, already of the tag's Java type
     * @param fraction what a follower sees: 0 or 1 for a boolean, index / (states - 1) for an enum
     */
    ConstantSignal(Object value, double fraction) {
        this.value = value;
        this.fraction = fraction;
    }

    @Override
    public void step(double dt) {
        // constant
    }

    @Override
    public Object value() {
        return value;
    }

    @Override
    public double fraction() {
        return fraction;
    }

    @Override
    public boolean isBoolean() {
        return value instanceof Boolean;
    }
}
