package org.vmsseaman.driver.simulator.internal.fault;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vmsseaman.api.tag.DataType;
import org.vmsseaman.api.tag.Range;
import org.vmsseaman.api.tag.TagValue;

/**
 * Applies the configured faults to one device's values. Each fault is timed from the tick at which
 * this device first sees it; it stops when its service goes away or its duration has passed.
 * Not thread-safe: called from the device's ticker only.
 */
public final class FaultEngine {

    private final Logger logger = LoggerFactory.getLogger(FaultEngine.class);
    private final String deviceId;
    private final Map<SimulatedFault, ActiveFault> known = new IdentityHashMap<>();
    private final List<ActiveFault> inEffect = new ArrayList<>();

    public FaultEngine(String deviceId) {
        this.deviceId = deviceId;
    }

    /**
     * Starts a tick at simulated time {@code now} with the faults currently configured.
     *
     * @param faults a snapshot of the configured faults, in configuration order
     */
    public void beginTick(List<SimulatedFault> faults, double now) {
        Map<SimulatedFault, ActiveFault> current = new IdentityHashMap<>();
        inEffect.clear();
        for (SimulatedFault f : faults) {
            FaultSpec spec = f.spec();
            if (!spec.appliesToDevice(deviceId)) {
                continue;
            }
            ActiveFault a = known.get(f);
            if (a == null) {
                a = new ActiveFault(spec, now);
            }
            current.put(f, a);
            if (a.advance(now)) {
                logger.info("Device '{}': simulated fault {} {}", deviceId, a, a.isActive() ? "started" : "ended");
            }
            if (a.isActive()) {
                inEffect.add(a);
            }
        }
        for (Map.Entry<SimulatedFault, ActiveFault> gone : known.entrySet()) {
            if (!current.containsKey(gone.getKey()) && gone.getValue().isActive()) {
                logger.info("Device '{}': simulated fault {} removed", deviceId, gone.getValue());
            }
        }
        known.clear();
        known.putAll(current);
    }

    /** {@code true} if an OFFLINE fault is in effect this tick. */
    public boolean offline() {
        for (ActiveFault a : inEffect) {
            if (a.spec().type() == FaultType.OFFLINE) {
                return true;
            }
        }
        return false;
    }

    /** {@code true} if any fault is in effect this tick. */
    public boolean anyInEffect() {
        return !inEffect.isEmpty();
    }

    /**
     * Applies the faults in effect to one tag's value, in configuration order.
     *
     * @param range the range the tag's value moves in, null for non-numeric tags
     * @param last the value published for the tag on the previous tick, or null
     */
    public TagValue apply(TagValue value, DataType type, Range range, Object last) {
        TagValue v = value;
        for (ActiveFault a : inEffect) {
            if (a.spec().type() != FaultType.OFFLINE && a.matches(value.tagId())) {
                v = a.apply(v, type, range, last);
            }
        }
        return v;
    }
}
