package org.vmsseaman.driver.simulator.internal.model;

import java.util.Random;
import org.vmsseaman.api.tag.DataType;
import org.vmsseaman.api.tag.Range;

/**
 * Profile {@code random_walk}: a smooth walk inside the normal range, reflected at its bounds, whose
 * typical time to cross the range is one period. With a leader it wanders around the leader's
 * fraction (mapped to 10..90 % of the range) instead.
 */
final class RandomWalkSignal extends NumericSignal {

    private final Signal leader;
    private final OrnsteinUhlenbeck rate;
    private final OrnsteinUhlenbeck offset;
    private double f;
    private double direction = 1;

    RandomWalkSignal(DataType type, Range range, Random random, double periodSeconds, Signal leader) {
        super(type, range, random, 0.003);
        this.leader = leader;
        // a velocity correlated over a tenth of the period gives a mean square displacement of
        // one range per period: 2 * deviation^2 * correlation * period = 1
        double correlation = periodSeconds / 10;
        this.rate = new OrnsteinUhlenbeck(random, correlation, 1 / Math.sqrt(2 * correlation * periodSeconds));
        this.offset = new OrnsteinUhlenbeck(random, periodSeconds, 0.05);
        this.f = 0.2 + 0.6 * random.nextDouble();
    }

    @Override
    protected double advance(double dt) {
        if (leader != null) {
            f = Numbers.clamp01(0.1 + 0.8 * leader.fraction() + offset.step(dt));
        } else {
            f += direction * rate.step(dt) * dt;
            if (f < 0) {
                f = -f;
                direction = -direction;
            } else if (f > 1) {
                f = 2 - f;
                direction = -direction;
            }
            f = Numbers.clamp01(f);
        }
        return range.min() + f * range.span();
    }
}
