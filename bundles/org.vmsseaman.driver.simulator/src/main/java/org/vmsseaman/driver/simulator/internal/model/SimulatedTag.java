package org.vmsseaman.driver.simulator.internal.model;

import org.vmsseaman.api.tag.DataType;
import org.vmsseaman.api.tag.Range;

/** One simulated tag: its id, type, the range its values move in, and the signal producing them. */
public final class SimulatedTag {

    private final String id;
    private final DataType dataType;
    private final Range range;
    private final Signal signal;
    private Object setpoint; // written by a client; replaces the signal's value from then on

    SimulatedTag(String id, DataType dataType, Range range, Signal signal) {
        this.id = id;
        this.dataType = dataType;
        this.range = range;
        this.signal = signal;
    }

    public String id() {
        return id;
    }

    public DataType dataType() {
        return dataType;
    }

    /** The range the value stays in (the normal range, or a default); null for boolean, enum and string tags. */
    public Range range() {
        return range;
    }

    /** The current value, of the data type's Java type: the setpoint written last, else the signal's value. */
    public Object value() {
        return setpoint != null ? setpoint : signal.value();
    }

    /** Holds {@code value} (of the data type's Java type) as the tag's value from now on, as a device keeps a setpoint. */
    public void hold(Object value) {
        if (!dataType.accepts(value)) {
            throw new IllegalArgumentException("'" + value + "' is not a " + dataType.label() + " value");
        }
        this.setpoint = value;
    }
}
