package org.vmsseaman.driver.simulator.internal.model;

import java.util.Random;
import org.vmsseaman.api.tag.DataType;
import org.vmsseaman.api.tag.Range;

/**
 * Profiles {@code thermal}, {@code pressure} and {@code speed}: a first-order lag towards a set
 * point that is a linear function of the leader's fraction, with a small slow wander. A boolean
 * leader is a machine's running state: pressures and speeds are nominal while it runs and fall to
 * the display minimum when it stops; temperatures rise to 90 % or cool to the normal minimum.
 */
final class LagSignal extends NumericSignal {

    /** How a lag profile maps the leader to its set point. */
    record Shape(
            double timeConstantSeconds, double noise, double low, double high, double alone, boolean followsMachine) {}

    static final Shape THERMAL = new Shape(60, 0.005, 0.2, 0.9, 0.5, false);
    static final Shape PRESSURE = new Shape(5, 0.01, 0.2, 0.9, 0.5, true);
    static final Shape SPEED = new Shape(5, 0.005, 0.05, 0.95, 0.7, true);

    private final Shape shape;
    private final Signal leader;
    private final Range widened;
    private final OrnsteinUhlenbeck wander;
    private double x = Double.NaN;

    /**
     * @param displayRange the tag's display range, or null; a pressure or speed following a stopped
     *     machine (boolean leader false) falls to its lower bound
     */
    LagSignal(DataType type, Range range, Range displayRange, Random random, Shape shape, Signal leader) {
        super(type, range, random, shape.noise());
        this.shape = shape;
        this.leader = leader;
        this.wander = new OrnsteinUhlenbeck(random, 300, 0.02);
        boolean mayStop = leader != null && leader.isBoolean() && shape.followsMachine() && displayRange != null;
        this.widened = mayStop ? new Range(Math.min(range.min(), displayRange.min()), range.max()) : range;
    }

    private double target() {
        if (leader == null) {
            return range.min() + (shape.alone() + wander.value()) * range.span();
        }
        if (leader.isBoolean() && shape.followsMachine()) {
            // a pressure or speed of a machine: nominal (mid-range) while it runs, the display minimum when stopped
            return leader.isStopped() ? widened.min() : range.min() + (0.5 + wander.value()) * range.span();
        }
        if (leader.isStopped()) {
            return range.min(); // a temperature falls to ambient
        }
        double f = shape.low() + (shape.high() - shape.low()) * leader.fraction();
        return range.min() + (f + wander.value()) * range.span();
    }

    @Override
    protected double advance(double dt) {
        wander.step(dt);
        double target = target();
        if (Double.isNaN(x)) {
            x = target; // start in steady state
        } else {
            x += (target - x) * (1 - Math.exp(-dt / shape.timeConstantSeconds()));
        }
        return x;
    }

    /** Below the normal range only while the machine is stopped, or still coming up after a start. */
    @Override
    protected Range bounds() {
        return leader != null && (leader.isStopped() || x < range.min()) ? widened : range;
    }
}
