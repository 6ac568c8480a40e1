package org.vmsseaman.driver.simulator.internal.model;

/** The simulated process behind one tag: advanced by the model, read after each step. */
interface Signal {

    /** Advances the signal by {@code dt} seconds of simulated time. */
    void step(double dt);

    /** The current value, of the tag's data type's Java type. */
    Object value();

    /**
     * The current value as a fraction 0..1 of the tag's normal range (a boolean is 0 or 1), what a
     * follower is driven by.
     */
    double fraction();

    /** {@code true} for a boolean signal (a machine's running state when followed). */
    default boolean isBoolean() {
        return false;
    }

    /** {@code true} if this is a boolean signal that is currently {@code false} (a stopped machine). */
    default boolean isStopped() {
        return isBoolean() && fraction() == 0.0;
    }
}
