package org.vmsseaman.driver.simulator.internal.model;

import java.util.Random;
import org.vmsseaman.api.tag.DataType;
import org.vmsseaman.api.tag.Range;

/**
 * Profile {@code level}: a tank draining or filling linearly, one sweep between 5 % and 95 % of
 * the normal range per period, reversing at either end.
 */
final class LevelSignal extends NumericSignal {

    private static final double LOW = 0.05;
    private static final double HIGH = 0.95;

    private final double ratePerSecond;
    private double f;
    private double direction;

    LevelSignal(DataType type, Range range, Random random, double periodSeconds) {
        super(type, range, random, 0.002);
        this.ratePerSecond = (HIGH - LOW) / periodSeconds;
        this.f = 0.2 + 0.6 * random.nextDouble();
        this.direction = random.nextBoolean() ? 1 : -1;
    }

    @Override
    protected double advance(double dt) {
        f += direction * ratePerSecond * dt;
        if (f >= HIGH) {
            f = HIGH - (f - HIGH);
            direction = -1;
        } else if (f <= LOW) {
            f = LOW + (LOW - f);
            direction = 1;
        }
        f = Numbers.clamp(f, LOW, HIGH);
        return range.min() + f * range.span();
    }
}
