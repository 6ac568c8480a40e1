package org.vmsseaman.tagstore.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.vmsseaman.api.subscriber.TagSubscriber;
import org.vmsseaman.api.tagstore.Subscription;
import org.vmsseaman.api.tagstore.SubscriptionOptions;

class CloseTest {

    private final TagStoreImpl store = new TagStoreImpl();
    private final TagSubscriber ignore = batch -> {};

    @Test
    void closeStopsTheDeliveryThreadAndIsIdempotent() {
        Subscription subscription = store.subscribe(ignore, SubscriptionOptions.lossless("close-test"));
        Thread thread = thread("vmsseaman-tagstore-close-test");
        assertThat(thread).isNotNull();
        assertThat(thread.isDaemon()).isTrue();

        subscription.close();
        subscription.close();

        assertThat(thread.isAlive()).isFalse();
        assertThat(thread("vmsseaman-tagstore-close-test")).isNull();
        assertThat(store.stats().subscribers()).isEmpty();
    }

    @Test
    void aBlockedCallbackIsInterruptedOnClose() throws Exception {
        store.define(TestTags.doubles("a", 1));
        BlockingRecorder blocked = new BlockingRecorder();
        Subscription subscription = store.subscribe(blocked, SubscriptionOptions.lossless("close-blocked"));
        store.publish(TestTags.batch(TestTags.doubles("a", 1), 1));
        blocked.awaitEntered();

        subscription.close();

        assertThat(thread("vmsseaman-tagstore-close-blocked")).isNull();
    }

    @Test
    void deactivateClosesEverySubscription() {
        store.subscribe(ignore, SubscriptionOptions.lossless("deactivate-1"));
        store.subscribe(ignore, SubscriptionOptions.coalescing("deactivate-2"));

        store.close();

        assertThat(thread("vmsseaman-tagstore-deactivate-1")).isNull();
        assertThat(thread("vmsseaman-tagstore-deactivate-2")).isNull();
        assertThat(store.stats().subscribers()).isEmpty();
    }

    private static Thread thread(String name) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals(name) && t.isAlive())
                .findFirst()
                .orElse(null);
    }

    @Test
    void noSubscriptionIsAcceptedOnceTheStoreIsStopped() {
        TagStoreImpl stopped = new TagStoreImpl();
        stopped.close();
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> stopped.subscribe(new Recorder(), SubscriptionOptions.lossless("late")))
                .isInstanceOf(IllegalStateException.class);
        assertThat(Thread.getAllStackTraces().keySet())
                .noneMatch(t -> t.getName().equals("vmsseaman-tagstore-late"));
    }
}
