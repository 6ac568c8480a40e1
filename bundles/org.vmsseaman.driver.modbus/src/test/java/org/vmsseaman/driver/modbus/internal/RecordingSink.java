package org.vmsseaman.driver.modbus.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vmsseaman.api.device.ConnectionState;
import org.vmsseaman.api.device.TagSink;
import org.vmsseaman.api.tag.Quality;
import org.vmsseaman.api.tag.TagValue;

/** A thread-safe sink that keeps each tag's latest value and quality, every status and configuration error. */
final class RecordingSink implements TagSink {

    record Status(ConnectionState state, String detail) {}

    private final Map<String, TagValue> latest = new HashMap<>();
    private final Map<String, List<Object>> goodValues = new HashMap<>();
    private final List<Status> statuses = new ArrayList<>();
    private final Map<String, String> configurationErrors = new LinkedHashMap<>();
    private final List<String> foreign = new ArrayList<>();
    private Collection<String> accepted;

    /** Only these tag ids are accepted (as the platform's sink does); others are recorded as foreign. */
    synchronized RecordingSink accepting(Collection<String> ids) {
        accepted = List.copyOf(ids);
        return this;
    }

    @Override
    public synchronized void publish(List<TagValue> values) {
        for (TagValue v : values) {
            if (accepted != null && !accepted.contains(v.tagId())) {
                foreign.add(v.tagId());
                continue;
            }
            latest.put(v.tagId(), v);
            if (v.quality() == Quality.GOOD) {
                goodValues.computeIfAbsent(v.tagId(), k -> new ArrayList<>()).add(v.value());
            }
        }
    }

    @Override
    public synchronized void publish(String tagId, Object value) {
        publish(List.of(TagValue.good(tagId, value, 0)));
    }

    @Override
    public synchronized void quality(Collection<String> tagIds, Quality quality) {
        for (String id : tagIds) {
            TagValue v = latest.get(id);
            latest.put(id, v == null ? new TagValue(id, null, quality, 0, 0, null) : v.withQuality(quality, 0));
        }
    }

    @Override
    public synchronized void configurationError(String tagId, String message) {
        configurationErrors.put(tagId, message);
    }

    @Override
    public synchronized void status(ConnectionState state, String detail) {
        statuses.add(new Status(state, detail));
        if (state == ConnectionState.DISCONNECTED) {
            latest.replaceAll((id, v) -> v.withQuality(Quality.BAD_NOT_CONNECTED, 0));
        }
    }

    synchronized TagValue value(String tagId) {
        return latest.get(tagId);
    }

    synchronized Quality quality(String tagId) {
        TagValue v = latest.get(tagId);
        return v == null ? null : v.quality();
    }

    synchronized int goodUpdates(String tagId) {
        return goodValues.getOrDefault(tagId, List.of()).size();
    }

    /** Every GOOD value published for the tag, in order. */
    synchronized List<Object> goodValues(String tagId) {
        return List.copyOf(goodValues.getOrDefault(tagId, List.of()));
    }

    synchronized List<Status> statuses() {
        return List.copyOf(statuses);
    }

    synchronized Status lastStatus() {
        return statuses.isEmpty() ? null : statuses.get(statuses.size() - 1);
    }

    synchronized Map<String, String> configurationErrors() {
        return Map.copyOf(configurationErrors);
    }

    synchronized List<String> foreign() {
        return List.copyOf(foreign);
    }
}
