package org.vmsseaman.driver.simulator.internal.model;

import java.util.Random;
import org.vmsseaman.api.tag.DataType;

/**
 * Profile {@code switch}. Boolean: starts {@code false} and toggles every period (±20 % jitter);
 * with {@code onSeconds}, a pulse instead: {@code true} for {@code onSeconds} once per period
 * (±20 %), the first after one period. Enum: steps to the next state every period, wrapping.
 */
final class SwitchSignal implements Signal {

    private static final double JITTER = 0.2;

    private final DataType type;
    private final int stateCount;
    private final Random random;
    private final double periodSeconds;
    private final double onSeconds;
    private double untilChange;
    private int index;

    /**
     * @param onSeconds pulse length for a boolean, or NaN to toggle
     */
    SwitchSignal(DataType type, int stateCount, Random random, double periodSeconds, double onSeconds) {
        this.type = type;
        this.stateCount = type == DataType.BOOLEAN ? 2 : Math.max(1, stateCount);
        this.random = random;
        this.periodSeconds = periodSeconds;
        this.onSeconds = type == DataType.BOOLEAN ? onSeconds : Double.NaN;
        this.untilChange = jittered(periodSeconds);
    }

    private boolean pulses() {
        return !Double.isNaN(onSeconds);
    }

    private double jittered(double seconds) {
        return type == DataType.BOOLEAN ? seconds * (1 - JITTER + 2 * JITTER * random.nextDouble()) : seconds;
    }

    /** Time until the next change after changing to {@link #index}; always positive. */
    private double nextInterval() {
        if (!pulses()) {
            return jittered(periodSeconds);
        }
        return index == 1 ? onSeconds : Math.max(onSeconds, jittered(periodSeconds) - onSeconds);
    }

    @Override
    public void step(double dt) {
        untilChange -= dt;
        while (untilChange <= 0) {
            index = (index + 1) % stateCount;
            untilChange += nextInterval();
        }
    }

    @Override
    public Object value() {
        return type == DataType.BOOLEAN ? (Object) (index == 1) : (Object) (long) index;
    }

    @Override
    public double fraction() {
        return stateCount > 1 ? (double) index / (stateCount - 1) : 0.0;
    }

    @Override
    public boolean isBoolean() {
        return type == DataType.BOOLEAN;
    }
}
