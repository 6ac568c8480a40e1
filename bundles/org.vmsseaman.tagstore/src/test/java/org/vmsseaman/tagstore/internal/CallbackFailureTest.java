package org.vmsseaman.tagstore.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vmsseaman.api.tag.TagDefinition;
import org.vmsseaman.api.tag.TagValue;
import org.vmsseaman.api.tagstore.SubscriberStats;
import org.vmsseaman.api.tagstore.Subscription;
import org.vmsseaman.api.tagstore.SubscriptionMode;
import org.vmsseaman.api.tagstore.SubscriptionOptions;

class CallbackFailureTest {

    private final TagStoreImpl store = new TagStoreImpl();

    @AfterEach
    void tearDown() {
        store.close();
    }

    @Test
    void aThrowingCallbackIsCountedAndDeliveryContinues() throws Exception {
        List<TagDefinition> tags = TestTags.doubles("a", 5);
        store.define(tags);
        AtomicInteger calls = new AtomicInteger();
        Recorder recorder = new Recorder() {
            @Override
            public void onBatch(List<TagValue> batch) {
                super.onBatch(batch);
                if (calls.incrementAndGet() % 2 == 1) {
                    throw new IllegalStateException("boom " + calls.get());
                }
            }
        };
        // maxBatch 5: each published batch is delivered on its own
        Subscription subscription = store.subscribe(
                recorder, new SubscriptionOptions("flaky", SubscriptionMode.LOSSLESS, 1_000, id -> true, 5));

        for (int i = 0; i < 10; i++) {
            store.publish(TestTags.batch(tags, i));
        }
        recorder.awaitUpdates(50, Duration.ofSeconds(10));
        subscription.close(); // waits for the last callback to return, so the counters are final

        SubscriberStats stats = subscription.stats();
        assertThat(calls.get()).isEqualTo(10);
        assertThat(stats.failures()).isEqualTo(5);
        assertThat(stats.delivered()).isEqualTo(50);
    }
}
