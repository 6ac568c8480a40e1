package org.vmsseaman.tagstore.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vmsseaman.api.tag.TagDefinition;
import org.vmsseaman.api.tagstore.SubscriberStats;
import org.vmsseaman.api.tagstore.SubscriptionOptions;

class LosslessOverflowTest {

    private final TagStoreImpl store = new TagStoreImpl();

    @AfterEach
    void tearDown() {
        store.close();
    }

    @Test
    void anOverflowIsDroppedCountedAndAnnouncedBeforeTheNextBatch() throws Exception {
        List<TagDefinition> tags = TestTags.doubles("a", 10);
        store.define(tags);
        BlockingRecorder subscriber = new BlockingRecorder();
        store.subscribe(subscriber, SubscriptionOptions.lossless("historian").withCapacity(100));

        store.publish(TestTags.batch(tags, 0)); // taken by the delivery thread, which then blocks
        subscriber.awaitEntered();
        for (int i = 1; i <= 9; i++) {
            store.publish(TestTags.batch(tags, i)); // fills the buffer: 10 in hand + 90 queued
        }
        for (int i = 10; i < 15; i++) {
            store.publish(TestTags.batch(tags, i)); // 5 batches of 10 do not fit
        }
        SubscriberStats stats = store.stats().subscribers().get(0);
        assertThat(stats.dropped()).isEqualTo(50);
        assertThat(stats.lag()).isEqualTo(100);

        subscriber.release.countDown();
        subscriber.awaitUpdates(100, Duration.ofSeconds(10));
        store.publish(TestTags.batch(tags, 15));
        subscriber.awaitUpdates(110, Duration.ofSeconds(10));

        List<Recorder.Event> events = subscriber.events();
        assertThat(events)
                .extracting(e -> e.batch() == null ? -e.gap() : (long) e.batch().size())
                .containsExactly(10L, 90L, -50L, 10L);
        assertThat(events.get(3).batch().get(0).value()).isEqualTo(15.0);
        assertThat(store.stats().subscribers().get(0).dropped()).isEqualTo(50);
    }
}
