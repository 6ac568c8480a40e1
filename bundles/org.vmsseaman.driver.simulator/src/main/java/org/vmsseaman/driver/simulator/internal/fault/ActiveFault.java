package org.vmsseaman.driver.simulator.internal.fault;

import java.util.HashMap;
import java.util.Map;
import org.vmsseaman.api.tag.DataType;
import org.vmsseaman.api.tag.Range;
import org.vmsseaman.api.tag.TagValue;

/** One fault as one device sees it: when it appeared, whether it is in effect this tick, what it holds per tag. */
final class ActiveFault {

    static final double CHATTER_SECONDS = 2.0;
    private static final double CHATTER_BAND = 0.05;

    private final FaultSpec spec;
    private final TagGlob glob;
    private final double seenAt;
    private final Map<String, Object> held = new HashMap<>();
    private boolean active;
    private double phase;
    private long spikeIndex = -1;
    private boolean spikeNow;

    ActiveFault(FaultSpec spec, double seenAt) {
        this.spec = spec;
        this.glob = new TagGlob(spec.tags());
        this.seenAt = seenAt;
    }

    FaultSpec spec() {
        return spec;
    }

    boolean isActive() {
        return active;
    }

    /** Works out this tick's state at simulated time {@code now}; returns true if it just started or ended. */
    boolean advance(double now) {
        boolean was = active;
        double sinceStart = now - seenAt - spec.startDelaySeconds();
        boolean ended = spec.durationSeconds() > 0 && sinceStart >= spec.durationSeconds();
        active = sinceStart >= 0 && !ended;
        phase = Math.max(0, sinceStart);
        spikeNow = false;
        if (active && spec.type() == FaultType.SPIKE) {
            long index = spec.periodSeconds() > 0 ? (long) Math.floor(phase / spec.periodSeconds()) : 0;
            spikeNow = index != spikeIndex;
            spikeIndex = index;
        }
        if (!active) {
            held.clear();
        }
        return was != active;
    }

    boolean matches(String tagId) {
        return glob.matches(tagId);
    }

    /**
     * Applies the fault to one tag's value of this tick.
     *
     * @param value the value the model (and earlier faults) produced
     * @param last the value published for the tag on the previous tick, or null
     */
    TagValue apply(TagValue value, DataType type, Range range, Object last) {
        String id = value.tagId();
        Object v = value.value();
        switch (spec.type()) {
            case FROZEN:
                return withValue(value, held.computeIfAbsent(id, k -> last != null ? last : v));
            case BAD_QUALITY:
                Object kept = held.computeIfAbsent(id, k -> last != null ? last : v);
                return new TagValue(id, kept, spec.quality(), value.sourceTime(), value.receiveTime(), null);
            case SPIKE:
                return spikeNow && range != null
                        ? withValue(value, typed(range.max() + spec.magnitude() * range.span(), type))
                        : value;
            case OUT_OF_RANGE:
                if (range == null) {
                    return value;
                }
                double start = (Double) held.computeIfAbsent(id, k -> value.doubleValue());
                double target = range.min() + spec.magnitude() * range.span();
                double progress = spec.periodSeconds() > 0 ? Math.min(1.0, phase / spec.periodSeconds()) : 1.0;
                return withValue(value, typed(start + (target - start) * progress, type));
            case CHATTER:
                return withValue(value, chatter(v, type, range));
            default:
                return value;
        }
    }

    private Object chatter(Object v, DataType type, Range range) {
        boolean high = ((long) Math.floor(phase / CHATTER_SECONDS)) % 2 == 0;
        switch (type) {
            case BOOLEAN:
                return high;
            case ENUM:
                return high ? 1L : 0L;
            case DOUBLE:
            case LONG:
                if (range == null) {
                    return v;
                }
                double band = Math.max(CHATTER_BAND * range.span(), type == DataType.LONG ? 1 : 0);
                return typed(range.max() + (high ? band : -band), type);
            default:
                return v;
        }
    }

    private static Object typed(double v, DataType type) {
        return type == DataType.LONG ? (Object) Math.round(v) : (Object) v;
    }

    private static TagValue withValue(TagValue t, Object v) {
        return new TagValue(t.tagId(), v, t.quality(), t.sourceTime(), t.receiveTime(), null);
    }

    @Override
    public String toString() {
        return spec.type() + " (" + spec.name() + ")";
    }
}
