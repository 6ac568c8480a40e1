package org.vmsseaman.driver.simulator.internal.fault;

/** What a simulated fault does to the tags it matches. */
public enum FaultType {
    /** The value stops changing at its last published value; quality stays GOOD. */
    FROZEN,
    /** Single-tick spikes to {@code max + magnitude × span}, at once and then every {@code periodSeconds}. */
    SPIKE,
    /** The value ramps within {@code periodSeconds} to {@code min + magnitude × span} and stays there, GOOD. */
    OUT_OF_RANGE,
    /** The last published value is republished with the configured BAD/UNCERTAIN quality. */
    BAD_QUALITY,
    /** The whole device reports DISCONNECTED and publishes nothing; CONNECTED again when the fault ends. */
    OFFLINE,
    /** Booleans toggle every 2 s; numbers alternate just above and just below the normal maximum. */
    CHATTER
}
