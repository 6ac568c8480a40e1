package org.vmsseaman.driver.simulator.internal.model;

import org.vmsseaman.api.tag.DataType;
import org.vmsseaman.api.tag.Range;

/** One simulated tag: its id, type, the range its values move in, and the signal producing them. */
public final class SimulatedTag {

    private final String id;
    private final DataType dataType;
    private final Range range;
    private final Signal signal;

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

    /** The current value, of the data type's Java type. */
    public Object value() {
        return signal.value();
    }
}
