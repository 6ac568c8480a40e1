package org.vmsseaman.driver.nmea2000.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vmsseaman.api.device.ConnectionState;
import org.vmsseaman.api.device.TagSink;
import org.vmsseaman.api.tag.Quality;
import org.vmsseaman.api.tag.TagValue;

/** A thread-safe sink that keeps every batch, status and configuration error. */
final class RecordingSink implements TagSink {

    record Status(ConnectionState state, String detail) {}

    private final List<List<TagValue>> batches = new ArrayList<>();
    private final List<Status> statuses = new ArrayList<>();
    private final Map<String, String> configurationErrors = new LinkedHashMap<>();

    @Override
    public synchronized void publish(List<TagValue> values) {
        batches.add(List.copyOf(values));
    }

    @Override
    public synchronized void publish(String tagId, Object value) {
        publish(List.of(TagValue.good(tagId, value, 0)));
    }

    @Override
    public synchronized void quality(Collection<String> tagIds, Quality quality) {
        throw new AssertionError("the driver reports qualities inside batches");
    }

    @Override
    public synchronized void configurationError(String tagId, String message) {
        configurationErrors.put(tagId, message);
    }

    @Override
    public synchronized void status(ConnectionState state, String detail) {
        statuses.add(new Status(state, detail));
    }

    synchronized List<List<TagValue>> batches() {
        return List.copyOf(batches);
    }

    /** Every value published, in order. */
    synchronized List<TagValue> values() {
        return batches.stream().flatMap(List::stream).toList();
    }

    /** The last value of each tag. */
    synchronized Map<String, TagValue> last() {
        Map<String, TagValue> last = new LinkedHashMap<>();
        values().forEach(v -> last.put(v.tagId(), v));
        return last;
    }

    synchronized List<Status> statuses() {
        return List.copyOf(statuses);
    }

    /** The first status reported with {@code state}; fails if there is none. */
    synchronized Status first(ConnectionState state) {
        return statuses.stream().filter(s -> s.state() == state).findFirst().orElseThrow();
    }

    synchronized boolean hasStatus(ConnectionState state) {
        return statuses.stream().anyMatch(s -> s.state() == state);
    }

    synchronized Map<String, String> configurationErrors() {
        return Map.copyOf(configurationErrors);
    }
}
