package org.vmsseaman.tagstore.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vmsseaman.api.tag.DataType;
import org.vmsseaman.api.tag.TagDefinition;
import org.vmsseaman.api.tag.TagValue;
import org.vmsseaman.api.tagstore.Subscription;
import org.vmsseaman.api.tagstore.SubscriptionMode;
import org.vmsseaman.api.tagstore.SubscriptionOptions;

class LosslessOrderTest {

    private static final int THREADS = 4;
    private static final int TAGS_PER_THREAD = 50;
    private static final int BATCHES_PER_THREAD = 500;
    private static final int MAX_BATCH = 37;

    private final TagStoreImpl store = new TagStoreImpl();
    private final ExecutorService publishers = Executors.newFixedThreadPool(THREADS);

    @AfterEach
    void tearDown() {
        publishers.shutdownNow();
        store.close();
    }

    @Test
    void everyUpdateArrivesOnceAndInOrderPerTag() throws Exception {
        List<TagDefinition> all = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            for (int i = 0; i < TAGS_PER_THREAD; i++) {
                all.add(TestTags.tag("p" + t + ".t" + i, DataType.LONG));
            }
        }
        store.define(all);
        Recorder recorder = new Recorder();
        Subscription subscription = store.subscribe(
                recorder,
                new SubscriptionOptions("order", SubscriptionMode.LOSSLESS, 1_000_000, id -> true, MAX_BATCH));

        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            done.add(publishers.submit(() -> {
                start.await();
                for (long seq = 0; seq < BATCHES_PER_THREAD; seq++) {
                    List<TagValue> batch = new ArrayList<>(TAGS_PER_THREAD);
                    for (int i = 0; i < TAGS_PER_THREAD; i++) {
                        batch.add(TestTags.value("p" + thread + ".t" + i, seq));
                    }
                    assertThat(store.publish(batch)).isEqualTo(TAGS_PER_THREAD);
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : done) {
            f.get(30, TimeUnit.SECONDS);
        }

        long total = (long) THREADS * TAGS_PER_THREAD * BATCHES_PER_THREAD;
        recorder.awaitUpdates(total, Duration.ofSeconds(30));
        subscription.close(); // waits for the last callback to return, so the counters are final
        List<TagValue> received = recorder.updates();
        assertThat(received).hasSize((int) total);
        Map<String, Long> next = new HashMap<>();
        for (TagValue v : received) {
            long expected = next.getOrDefault(v.tagId(), 0L);
            assertThat(v.value()).as("next value of %s", v.tagId()).isEqualTo(expected);
            next.put(v.tagId(), expected + 1);
        }
        assertThat(next).hasSize(all.size()).allSatisfy((id, count) -> assertThat(count)
                .isEqualTo(BATCHES_PER_THREAD));
        assertThat(recorder.events())
                .allSatisfy(e -> assertThat(e.batch()).isNotNull().hasSizeBetween(1, MAX_BATCH));
        assertThat(subscription.stats().delivered()).isEqualTo(total);
    }
}
