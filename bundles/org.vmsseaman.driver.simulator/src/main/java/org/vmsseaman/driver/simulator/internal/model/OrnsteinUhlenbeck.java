package org.vmsseaman.driver.simulator.internal.model;

import java.util.Random;

/** A mean-reverting random process around 0 with a given correlation time and stationary deviation. */
final class OrnsteinUhlenbeck {

    private final Random random;
    private final double correlationSeconds;
    private final double deviation;
    private double x;

    OrnsteinUhlenbeck(Random random, double correlationSeconds, double deviation) {
        this.random = random;
        this.correlationSeconds = correlationSeconds;
        this.deviation = deviation;
        this.x = random.nextGaussian() * deviation;
    }

    /** Advances by {@code dt} seconds (exact discretisation, stable for any step) and returns the new value. */
    double step(double dt) {
        double decay = Math.exp(-dt / correlationSeconds);
        x = x * decay + deviation * Math.sqrt(1 - decay * decay) * random.nextGaussian();
        return x;
    }

    double value() {
        return x;
    }
}
