package org.vmsseaman.devices.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiConsumer;
import org.vmsseaman.api.device.ConnectionState;
import org.vmsseaman.api.device.TagSink;
import org.vmsseaman.api.tag.Quality;
import org.vmsseaman.api.tag.Range;
import org.vmsseaman.api.tag.TagDefinition;
import org.vmsseaman.api.tag.TagValue;
import org.vmsseaman.api.tagstore.TagStore;

/** The sink one device session reports to: checks bindings and types, stamps receive time, publishes to the tag store. */
final class DeviceSink implements TagSink {

    private final TagStore tagStore;
    private final Map<String, TagDefinition> bound;
    private final BiConsumer<ConnectionState, String> statusListener;
    private final LongAdder updates = new LongAdder();
    private final LongAdder rejected = new LongAdder();
    private volatile boolean closed;

    DeviceSink(
            TagStore tagStore, Map<String, TagDefinition> bound, BiConsumer<ConnectionState, String> statusListener) {
        this.tagStore = tagStore;
        this.bound = Map.copyOf(bound);
        this.statusListener = statusListener;
    }

    @Override
    public void publish(List<TagValue> values) {
        if (closed || values.isEmpty()) {
            return;
        }
        long now = TagValue.nowMicros();
        List<TagValue> accepted = new ArrayList<>(values.size());
        for (TagValue v : values) {
            TagValue checked = check(v, now);
            if (checked != null) {
                accepted.add(checked);
            }
        }
        if (!accepted.isEmpty()) {
            updates.add(tagStore.publish(accepted));
        }
    }

    @Override
    public void publish(String tagId, Object value) {
        publish(List.of(new TagValue(tagId, value, Quality.GOOD, 0L, 0L, null)));
    }

    @Override
    public void quality(Collection<String> tagIds, Quality quality) {
        if (closed) {
            return;
        }
        List<String> ids = new ArrayList<>(tagIds.size());
        for (String id : tagIds) {
            if (bound.containsKey(id)) {
                ids.add(id);
            } else {
                rejected.increment();
            }
        }
        markQuality(tagStore, ids, quality);
    }

    @Override
    public void configurationError(String tagId, String message) {
        quality(List.of(tagId), Quality.BAD_CONFIGURATION_ERROR);
    }

    @Override
    public void status(ConnectionState state, String detail) {
        if (closed) {
            return;
        }
        statusListener.accept(state, detail == null ? "" : detail);
        if (state == ConnectionState.DISCONNECTED) {
            markQuality(tagStore, bound.keySet(), Quality.BAD_NOT_CONNECTED);
        } else if (state == ConnectionState.FAILED) {
            markQuality(tagStore, bound.keySet(), Quality.BAD_CONFIGURATION_ERROR);
        }
    }

    /** Ignores every later call; the driver's session is closed. */
    void close() {
        closed = true;
    }

    long updates() {
        return updates.sum();
    }

    long rejected() {
        return rejected.sum();
    }

    private TagValue check(TagValue v, long now) {
        TagDefinition def = bound.get(v.tagId());
        if (def == null) {
            rejected.increment();
            return null;
        }
        long source = v.sourceTime() == 0L ? now : v.sourceTime();
        if (v.value() == null) {
            return v.quality().isGood()
                    ? null
                    : new TagValue(v.tagId(), lastValue(v.tagId()), v.quality(), source, now, v.raw());
        }
        Object value;
        try {
            value = def.dataType().coerce(v.value());
        } catch (IllegalArgumentException e) {
            rejected.increment();
            return new TagValue(
                    v.tagId(), lastValue(v.tagId()), Quality.BAD_CONFIGURATION_ERROR, source, now, v.value());
        }
        Quality quality = v.quality();
        if (quality.isGood() && outsideDisplayRange(def, value)) {
            quality = Quality.UNCERTAIN_OUT_OF_RANGE;
        }
        return new TagValue(v.tagId(), value, quality, source, now, v.raw());
    }

    private Object lastValue(String tagId) {
        return tagStore.get(tagId).map(TagValue::value).orElse(null);
    }

    private static boolean outsideDisplayRange(TagDefinition def, Object value) {
        Range range = def.displayRange();
        return range != null && value instanceof Number n && !range.contains(n.doubleValue());
    }

    /** Republishes the current value of each tag with another quality, keeping value and source time. */
    static void markQuality(TagStore tagStore, Collection<String> tagIds, Quality quality) {
        long now = TagValue.nowMicros();
        List<TagValue> changed = new ArrayList<>(tagIds.size());
        for (String id : tagIds) {
            tagStore.get(id)
                    .filter(v -> v.quality() != quality)
                    .ifPresent(v -> changed.add(v.withQuality(quality, now)));
        }
        if (!changed.isEmpty()) {
            tagStore.publish(changed);
        }
    }
}
