package org.vmsseaman.driver.simulator.internal.model;

import java.util.Random;
import org.vmsseaman.api.tag.DataType;
import org.vmsseaman.api.tag.Range;

/** A double or long signal: a clean process value plus sensor noise, clamped to its bounds. */
abstract class NumericSignal implements Signal {

    protected final Range range;
    protected final Random random;
    private final DataType type;
    private final double noise;
    private double output = Double.NaN;

    /**
     * @param range the tag's normal range
     * @param noise standard deviation of the sensor noise as a fraction of the range's span
     */
    NumericSignal(DataType type, Range range, Random random, double noise) {
        this.type = type;
        this.range = range;
        this.random = random;
        this.noise = noise;
    }

    /** Advances the process by {@code dt} seconds and returns its clean value in the tag's unit. */
    protected abstract double advance(double dt);

    /** The range the published value is clamped to; the normal range unless a subclass widens it. */
    protected Range bounds() {
        return range;
    }

    @Override
    public final void step(double dt) {
        double clean = advance(dt);
        Range b = bounds();
        output = Numbers.clamp(clean + random.nextGaussian() * noise * range.span(), b.min(), b.max());
    }

    /** The last published value as a double. */
    protected final double output() {
        return Double.isNaN(output) ? range.min() + range.span() / 2 : output;
    }

    @Override
    public Object value() {
        return Numbers.typed(output(), type, bounds());
    }

    @Override
    public double fraction() {
        return Numbers.fraction(output(), range);
    }
}
