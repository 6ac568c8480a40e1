package org.vmsseaman.tagstore.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vmsseaman.api.tag.TagDefinition;
import org.vmsseaman.api.tagstore.SubscriptionOptions;

class ImmediateDeliveryTest {

    /** A delivery linger far longer than the test waits: only an immediate subscription skips it. */
    private final TagStoreImpl store = new TagStoreImpl(new StoreSettings(60_000_000, 2_000, 60, 5));

    @AfterEach
    void tearDown() {
        store.close();
    }

    @Test
    void anImmediateSubscriptionIsNotHeldBackByTheLinger() throws Exception {
        List<TagDefinition> tags = TestTags.doubles("me", 2);
        store.define(tags);
        Recorder immediate = new Recorder();
        Recorder gathering = new Recorder();
        store.subscribe(immediate, SubscriptionOptions.lossless("immediate").withImmediateDelivery());
        store.subscribe(gathering, SubscriptionOptions.lossless("gathering"));

        store.publish(TestTags.batch(tags, 1.0)); // both idle: delivered at once
        immediate.awaitUpdates(2, Duration.ofSeconds(10));
        gathering.awaitUpdates(2, Duration.ofSeconds(10));

        store.publish(TestTags.batch(tags, 2.0)); // within the linger of the first delivery
        immediate.awaitUpdates(4, Duration.ofSeconds(10));
        assertThat(gathering.updates())
                .as("the gathering subscription waits out its 60 s linger")
                .hasSize(2);
        assertThat(SubscriptionOptions.lossless("x")
                        .withImmediateDelivery()
                        .withFilter(id -> true)
                        .immediate())
                .as("derived options keep immediate delivery")
                .isTrue();
    }
}
