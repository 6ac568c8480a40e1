package org.vmsseaman.devices.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vmsseaman.api.device.ConnectionState;
import org.vmsseaman.api.device.TagSink;
import org.vmsseaman.api.tag.Quality;
import org.vmsseaman.api.tag.Range;
import org.vmsseaman.api.tag.TagDefinition;
import org.vmsseaman.api.tag.TagValue;
import org.vmsseaman.api.tagstore.TagStore;

/**
 * The sink one device session reports to: checks bindings and types, stamps receive time, publishes to
 * the tag store. Once {@link #close()} has returned, nothing the driver calls reaches the tag store.
 */
final class DeviceSink implements TagSink {

    private final Logger logger = LoggerFactory.getLogger(DeviceSink.class);
    private final String deviceId;
    private final TagStore tagStore;
    private final Map<String, TagDefinition> bound;
    private final BiConsumer<ConnectionState, String> statusListener;
    private final LongAdder updates = new LongAdder();
    private final LongAdder rejected = new LongAdder();
    private final Set<String> reportedConfigurationErrors = ConcurrentHashMap.newKeySet();
    // read: a call in progress; write: close. Calls never wait on each other, close waits for them.
    private final ReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private boolean closed; // guarded by lifecycle

    DeviceSink(
            String deviceId,
            TagStore tagStore,
            Map<String, TagDefinition> bound,
            BiConsumer<ConnectionState, String> statusListener) {
        this.deviceId = deviceId;
        this.tagStore = tagStore;
        this.bound = Map.copyOf(bound);
        this.statusListener = statusListener;
    }

    @Override
    public void publish(List<TagValue> values) {
        if (values.isEmpty()) {
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
        if (accepted.isEmpty()) {
            return;
        }
        lifecycle.readLock().lock();
        try {
            if (!closed) {
                int stored = tagStore.publish(accepted);
                updates.add(stored);
                rejected.add(accepted.size() - stored);
            }
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    @Override
    public void publish(String tagId, Object value) {
        publish(List.of(new TagValue(tagId, value, Quality.GOOD, 0L, 0L, null)));
    }

    @Override
    public void quality(Collection<String> tagIds, Quality quality) {
        if (quality.isGood()) {
            // GOOD needs a fresh value: re-marking an old value GOOD would hide a stale or failed sensor
            rejected.add(tagIds.size());
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
        mark(ids, quality);
    }

    @Override
    public void configurationError(String tagId, String message) {
        if (bound.containsKey(tagId) && reportedConfigurationErrors.add(tagId)) {
            logger.warn("Device '{}': tag '{}' cannot be served: {}", deviceId, tagId, message);
        }
        quality(List.of(tagId), Quality.BAD_CONFIGURATION_ERROR);
    }

    @Override
    public void status(ConnectionState state, String detail) {
        lifecycle.readLock().lock();
        try {
            if (closed) {
                return;
            }
            statusListener.accept(state, detail == null ? "" : detail);
        } finally {
            lifecycle.readLock().unlock();
        }
        if (state == ConnectionState.DISCONNECTED) {
            mark(bound.keySet(), Quality.BAD_NOT_CONNECTED);
        } else if (state == ConnectionState.FAILED) {
            mark(bound.keySet(), Quality.BAD_CONFIGURATION_ERROR);
        }
    }

    /** From now on every call is ignored; waits for calls in progress to finish. */
    void close() {
        lifecycle.writeLock().lock();
        try {
            closed = true;
        } finally {
            lifecycle.writeLock().unlock();
        }
    }

    long updates() {
        return updates.sum();
    }

    long rejected() {
        return rejected.sum();
    }

    private void mark(Collection<String> ids, Quality quality) {
        lifecycle.readLock().lock();
        try {
            if (!closed) {
                tagStore.markQuality(ids, quality, v -> true);
            }
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    /** The value as it goes to the tag store, or null if refused. A value of null keeps the tag's last value. */
    private TagValue check(TagValue v, long now) {
        TagDefinition def = bound.get(v.tagId());
        if (def == null) {
            rejected.increment();
            return null;
        }
        long source = v.sourceTime() == 0L ? now : v.sourceTime();
        if (v.value() == null) {
            if (v.quality().isGood()) {
                rejected.increment(); // GOOD without a value means nothing
                return null;
            }
            return new TagValue(v.tagId(), null, v.quality(), source, now, v.raw());
        }
        if (v.value() instanceof Number n && !Double.isFinite(n.doubleValue())) {
            // a "not available" reading (NaN, infinity) is never a number on a screen
            return new TagValue(
                    v.tagId(), null, Quality.BAD_SENSOR_FAILURE, source, now, v.raw() != null ? v.raw() : n);
        }
        Object value;
        try {
            value = def.dataType().coerce(v.value());
        } catch (IllegalArgumentException e) {
            rejected.increment();
            return new TagValue(v.tagId(), null, Quality.BAD_CONFIGURATION_ERROR, source, now, v.value());
        }
        Quality quality = v.quality();
        if (quality.isGood() && outsideDisplayRange(def, value)) {
            quality = Quality.UNCERTAIN_OUT_OF_RANGE;
        }
        return new TagValue(v.tagId(), value, quality, source, now, v.raw());
    }

    private static boolean outsideDisplayRange(TagDefinition def, Object value) {
        Range range = def.displayRange();
        return range != null && value instanceof Number n && !range.contains(n.doubleValue());
    }
}
