package org.vmsseaman.tagstore.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vmsseaman.api.tag.TagDefinition;
import org.vmsseaman.api.tag.TagValue;
import org.vmsseaman.api.tagstore.SubscriptionOptions;

class SlowSubscriberIsolationTest {

    private static final int BATCHES = 2_000;

    private final TagStoreImpl store = new TagStoreImpl();

    @AfterEach
    void tearDown() {
        store.close();
    }

    @Test
    void aBlockedSubscriberSlowsNeitherPublishNorOtherSubscribers() throws Exception {
        List<TagDefinition> tags = TestTags.doubles("a", 100);
        store.define(tags);
        List<List<TagValue>> batches = java.util.stream.IntStream.range(0, BATCHES)
                .mapToObj(i -> TestTags.batch(tags, i))
                .toList();
        BlockingRecorder blocked = new BlockingRecorder();
        Recorder healthy = new Recorder();
        store.subscribe(blocked, SubscriptionOptions.lossless("blocked"));
        store.subscribe(healthy, SubscriptionOptions.lossless("healthy"));

        store.publish(batches.get(0));
        blocked.awaitEntered();
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            for (int i = 1; i < BATCHES; i++) {
                store.publish(batches.get(i));
            }
        });
        healthy.awaitUpdates(BATCHES * 100L, Duration.ofSeconds(10));

        assertThat(healthy.updates()).hasSize(BATCHES * 100);
        assertThat(blocked.events()).isEmpty();
        assertThat(store.stats().subscribers())
                .filteredOn(s -> s.name().equals("blocked"))
                .singleElement()
                .satisfies(s -> assertThat(s.lag()).isEqualTo(BATCHES * 100L));
        blocked.release.countDown();
        blocked.awaitUpdates(BATCHES * 100L, Duration.ofSeconds(10));
    }
}
