package org.vmsseaman.driver.simulator.internal.fault;

/**
 * Internal service: one configured fault. The simulator driver tracks each service object by
 * identity; a changed configuration arrives as a new object, so its timing restarts.
 */
public interface SimulatedFault {

    /** The fault. */
    FaultSpec spec();
}
