package org.vmsseaman.historian.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.vmsseaman.api.historian.Sample;
import org.vmsseaman.api.tag.DataType;
import org.vmsseaman.api.tag.HistorianPolicy;
import org.vmsseaman.api.tag.Quality;
import org.vmsseaman.api.tag.TagDefinition;
import org.vmsseaman.api.tag.TagValue;
import org.vmsseaman.tagstore.internal.TagStoreImpl;

/** A real tag store feeding a real historian on a DuckDB file; close it after each test. */
final class Fixture implements AutoCloseable {

    static final Instant ALL_FROM = Instant.parse("1970-01-01T00:00:00Z");
    static final Instant ALL_TO = Instant.parse("2100-01-01T00:00:00Z");
    /** A fixed source time base: 2025-01-01T00:00:00Z in µs. */
    static final long T0 = 1_735_689_600_000_000L;

    final TagStoreImpl tagStore = new TagStoreImpl();
    final Path file;
    final HistorianSettings settings;
    HistorianImpl historian;
    private long updatesBefore; // tag store updates before the current historian subscribed

    Fixture(Path file, long commitIntervalMillis, TagDefinition... tags) {
        this(file, new HistorianSettings(commitIntervalMillis, 100_000), tags);
    }

    Fixture(Path file, HistorianSettings settings, TagDefinition... tags) {
        this.file = file;
        this.settings = settings;
        tagStore.define(List.of(tags));
        start();
    }

    private void start() {
        updatesBefore = tagStore.stats().updates();
        historian = new HistorianImpl(tagStore, file, settings);
    }

    /** Closes the historian and opens a new one on the same file. */
    void restart() {
        historian.close();
        start();
    }

    static TagDefinition tag(String id, DataType type) {
        return tag(id, type, HistorianPolicy.DEFAULT);
    }

    static TagDefinition tag(String id, DataType type, HistorianPolicy policy) {
        return new TagDefinition(id, null, null, "test", type, null, null, null, false, policy, null, null);
    }

    static TagValue value(String id, Object value, long sourceTime) {
        return new TagValue(id, value, Quality.GOOD, sourceTime, sourceTime, null);
    }

    static TagValue value(String id, Object value, Quality quality, long sourceTime) {
        return new TagValue(id, value, quality, sourceTime, sourceTime, null);
    }

    void publish(TagValue... values) {
        assertThat(tagStore.publish(List.of(values))).isEqualTo(values.length);
    }

    void publish(List<TagValue> values) {
        assertThat(tagStore.publish(values)).isEqualTo(values.size());
    }

    /** Waits until the tag store delivered everything and the historian committed all it accepted. */
    void awaitIdle() {
        await(
                () -> tagStore.stats().subscribers().stream().allMatch(s -> s.lag() == 0)
                        && historian.stats().received() >= tagStore.stats().updates() - updatesBefore
                        && historian.stats().backlog() == 0,
                Duration.ofSeconds(10));
    }

    void awaitStored(long count, Duration timeout) {
        await(() -> historian.stats().stored() >= count, timeout);
    }

    List<Sample> all(String tagId) {
        return historian.raw(tagId, ALL_FROM, ALL_TO, 1_000_000, false);
    }

    List<Object> values(String tagId) {
        List<Object> result = new ArrayList<>();
        for (Sample s : all(tagId)) {
            result.add(s.value());
        }
        return result;
    }

    static void await(BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + timeout);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted");
            }
        }
    }

    @Override
    public void close() {
        historian.close();
        tagStore.close();
    }
}
