package org.vmsseaman.driver.simulator.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.vmsseaman.api.device.ConnectionState;
import org.vmsseaman.api.device.TagSink;
import org.vmsseaman.api.tag.Quality;
import org.vmsseaman.api.tag.TagValue;

/** A thread-safe sink that records every call. */
public final class RecordingSink implements TagSink {

    public record Status(ConnectionState state, String detail) {}

    private final List<List<TagValue>> batches = new ArrayList<>();
    private final List<Status> statuses = new ArrayList<>();
    private final List<Map.Entry<String, String>> configurationErrors = new ArrayList<>();
    private int calls;
    private volatile RuntimeException failNextPublish;

    @Override
    public synchronized void publish(List<TagValue> values) {
        calls++;
        RuntimeException fail = failNextPublish;
        if (fail != null) {
            failNextPublish = null;
            throw fail;
        }
        batches.add(List.copyOf(values));
    }

    @Override
    public synchronized void publish(String tagId, Object value) {
        publish(List.of(TagValue.good(tagId, value, 0)));
    }

    @Override
    public synchronized void quality(Collection<String> tagIds, Quality quality) {
        calls++;
    }

    @Override
    public synchronized void configurationError(String tagId, String message) {
        calls++;
        configurationErrors.add(Map.entry(tagId, message));
    }

    @Override
    public synchronized void status(ConnectionState state, String detail) {
        calls++;
        statuses.add(new Status(state, detail));
    }

    /** Makes the next publish call throw. */
    public void failNextPublish(RuntimeException e) {
        failNextPublish = e;
    }

    public synchronized List<List<TagValue>> batches() {
        return List.copyOf(batches);
    }

    public synchronized List<TagValue> last() {
        return batches.get(batches.size() - 1);
    }

    /** The value of {@code tagId} in the last batch. */
    public synchronized TagValue last(String tagId) {
        return last().stream().filter(v -> v.tagId().equals(tagId)).findFirst().orElseThrow();
    }

    public synchronized List<Status> statuses() {
        return List.copyOf(statuses);
    }

    public synchronized List<Map.Entry<String, String>> configurationErrors() {
        return List.copyOf(configurationErrors);
    }

    public synchronized int calls() {
        return calls;
    }
}
