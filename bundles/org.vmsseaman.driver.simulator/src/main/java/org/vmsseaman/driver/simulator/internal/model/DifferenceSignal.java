package org.vmsseaman.driver.simulator.internal.model;

import org.vmsseaman.api.tag.DataType;
import org.vmsseaman.api.tag.Range;

/**
 * {@code follows - reference}, e.g. a cylinder's exhaust temperature deviation from the mean: consistent with
 * the two tags it is computed from at every step (both are stepped before it).
 */
final class DifferenceSignal implements Signal {
    private final DataType type;
    private final Range range;
    private final Signal minuend;
    private final Signal subtrahend;
    private double value;

    DifferenceSignal(DataType type, Range range, Signal minuend, Signal subtrahend) {
        this.type = type;
        this.range = range;
        this.minuend = minuend;
        this.subtrahend = subtrahend;
        this.value = compute();
    }

    @Override
    public void step(double dt) {
        value = compute();
    }

    @Override
    public Object value() {
        return type == DataType.LONG ? (Object) Math.round(value) : (Object) value;
    }

    @Override
    public double fraction() {
        return range.span() == 0 ? 0.0 : Math.max(0.0, Math.min(1.0, (value - range.min()) / range.span()));
    }

    private double compute() {
        return ((Number) minuend.value()).doubleValue() - ((Number) subtrahend.value()).doubleValue();
    }
}
