package org.vmsseaman.driver.simulator.internal.model;

import java.util.Random;
import org.vmsseaman.api.tag.DataType;
import org.vmsseaman.api.tag.Range;

/**
 * Profile {@code load}: a master load that ramps to a new set point about once per period
 * (manoeuvres) and wanders smoothly around it. With a leader, the set point is the leader's fraction.
 */
final class LoadSignal extends NumericSignal {

    private static final double LOWEST_SET_POINT = 0.35;
    private static final double HIGHEST_SET_POINT = 0.9;

    private final double periodSeconds;
    private final Signal leader;
    private final OrnsteinUhlenbeck wander;
    private double setPoint;
    private double ramped;

    LoadSignal(DataType type, Range range, Random random, double periodSeconds, Signal leader) {
        super(type, range, random, 0.002);
        this.periodSeconds = periodSeconds;
        this.leader = leader;
        this.wander = new OrnsteinUhlenbeck(random, periodSeconds / 20, 0.025);
        this.setPoint = newSetPoint();
        this.ramped = setPoint;
    }

    private double newSetPoint() {
        return LOWEST_SET_POINT + (HIGHEST_SET_POINT - LOWEST_SET_POINT) * random.nextDouble();
    }

    @Override
    protected double advance(double dt) {
        if (leader != null) {
            setPoint = leader.fraction();
        } else if (random.nextDouble() < dt / periodSeconds) {
            setPoint = newSetPoint();
        }
        // ramp at a rate that crosses the whole range in a tenth of the period (60 s by default)
        double maxChange = dt * 10 / periodSeconds;
        ramped += Numbers.clamp(setPoint - ramped, -maxChange, maxChange);
        double fraction = Numbers.clamp01(ramped + wander.step(dt));
        return range.min() + fraction * range.span();
    }
}
