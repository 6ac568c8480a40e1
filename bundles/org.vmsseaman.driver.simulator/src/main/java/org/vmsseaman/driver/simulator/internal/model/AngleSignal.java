package org.vmsseaman.driver.simulator.internal.model;

import java.util.Random;
import org.vmsseaman.api.tag.DataType;
import org.vmsseaman.api.tag.Range;

/**
 * Profile {@code angle}: an angle wrapping within its range (0..360 by default). Alone it turns
 * with a smoothly wandering rate (about 45° per period); with a leader it is the leader's angle
 * plus a small wandering offset (course over ground following heading).
 */
final class AngleSignal implements Signal {

    private static final double RATE_CORRELATION_SECONDS = 30;

    private final DataType type;
    private final Range range;
    private final Random random;
    private final Signal leader;
    private final OrnsteinUhlenbeck rate;
    private final OrnsteinUhlenbeck offset;
    private final double fixedOffset;
    private double angle;
    private double output;

    AngleSignal(DataType type, Range range, Random random, double periodSeconds, Signal leader) {
        this.type = type;
        this.range = range;
        this.random = random;
        this.leader = leader;
        double rateDeviation = range.span() / 8 / Math.sqrt(2 * RATE_CORRELATION_SECONDS * periodSeconds);
        this.rate = new OrnsteinUhlenbeck(random, RATE_CORRELATION_SECONDS, rateDeviation);
        this.offset = new OrnsteinUhlenbeck(random, 120, range.span() / 180);
        this.fixedOffset = (random.nextDouble() - 0.5) * range.span() / 36;
        this.angle = range.min() + random.nextDouble() * range.span();
        this.output = angle;
    }

    @Override
    public void step(double dt) {
        if (leader != null) {
            angle = range.min() + leader.fraction() * range.span() + fixedOffset + offset.step(dt);
        } else {
            angle += rate.step(dt) * dt;
        }
        angle = wrap(angle);
        output = wrap(angle + random.nextGaussian() * range.span() / 3600);
    }

    private double wrap(double v) {
        if (range.span() <= 0) {
            return range.min();
        }
        double w = range.min() + ((v - range.min()) % range.span() + range.span()) % range.span();
        return w >= range.max() ? range.min() : w;
    }

    @Override
    public Object value() {
        if (type == DataType.DOUBLE) {
            return output;
        }
        long rounded = Math.round(output);
        return rounded >= range.max() ? (long) Math.ceil(range.min()) : rounded;
    }

    @Override
    public double fraction() {
        return Numbers.fraction(output, range);
    }
}
