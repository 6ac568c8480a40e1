package org.vmsseaman.tagstore.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vmsseaman.api.tag.TagDefinition;
import org.vmsseaman.api.tag.TagValue;
import org.vmsseaman.api.tagstore.SubscriberStats;
import org.vmsseaman.api.tagstore.Subscription;
import org.vmsseaman.api.tagstore.SubscriptionMode;
import org.vmsseaman.api.tagstore.SubscriptionOptions;

class CoalescingTest {

    private final TagStoreImpl store = new TagStoreImpl();

    @AfterEach
    void tearDown() {
        store.close();
    }

    @Test
    void deliversOnlyTheLatestValuePerTag() throws Exception {
        List<TagDefinition> tags = TestTags.doubles("a", 3);
        store.define(tags);
        BlockingRecorder screen = new BlockingRecorder();
        Subscription subscription = store.subscribe(screen, SubscriptionOptions.coalescing("screen"));

        store.publish(TestTags.batch(tags, 0));
        screen.awaitEntered();
        for (int i = 1; i <= 100; i++) {
            store.publish(TestTags.batch(tags.subList(0, 2), i)); // a.t0, a.t1 change often
        }
        store.publish(TestTags.batch(tags.subList(2, 3), 7)); // a.t2 once
        assertThat(store.stats().subscribers().get(0).lag()).isEqualTo(3);

        screen.release.countDown();
        screen.awaitUpdates(6, Duration.ofSeconds(10));
        subscription.close(); // waits for the last callback to return, so the counters are final

        List<Recorder.Event> events = screen.events();
        assertThat(events).hasSize(2);
        assertThat(events.get(1).batch())
                .extracting(TagValue::tagId, TagValue::value)
                .containsExactly(tuple("a.t0", 100.0), tuple("a.t1", 100.0), tuple("a.t2", 7.0));
        SubscriberStats stats = subscription.stats();
        assertThat(stats.mode()).isEqualTo(SubscriptionMode.COALESCING);
        assertThat(stats.coalesced()).isEqualTo(2 * 99);
        assertThat(stats.delivered()).isEqualTo(6);
        assertThat(stats.lag()).isZero();
    }
}
