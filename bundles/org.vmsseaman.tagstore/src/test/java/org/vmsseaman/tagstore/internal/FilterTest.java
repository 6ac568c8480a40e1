package org.vmsseaman.tagstore.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vmsseaman.api.tag.TagDefinition;
import org.vmsseaman.api.tag.TagValue;
import org.vmsseaman.api.tagstore.SubscriptionOptions;

class FilterTest {

    private final TagStoreImpl store = new TagStoreImpl();

    @AfterEach
    void tearDown() {
        store.close();
    }

    @Test
    void aSubscriberReceivesOnlyTheTagsItsFilterAccepts() throws Exception {
        List<TagDefinition> tags = new ArrayList<>(TestTags.doubles("me", 3));
        tags.addAll(TestTags.doubles("ae", 2));
        store.define(tags);
        Recorder engine = new Recorder();
        Recorder all = new Recorder();
        Recorder throwing = new Recorder();
        store.subscribe(engine, SubscriptionOptions.lossless("engine").withFilter(id -> id.startsWith("me.")));
        store.subscribe(all, SubscriptionOptions.lossless("all"));
        store.subscribe(throwing, SubscriptionOptions.lossless("throwing").withFilter(id -> {
            if (id.startsWith("ae.")) {
                throw new IllegalArgumentException(id);
            }
            return true;
        }));

        store.publish(TestTags.batch(tags, 1.0));
        store.publish(TestTags.batch(tags.subList(3, 5), 2.0)); // ae.* only: nothing for "engine"
        store.publish(TestTags.batch(tags.subList(0, 1), 3.0));

        all.awaitUpdates(8, Duration.ofSeconds(10));
        engine.awaitUpdates(4, Duration.ofSeconds(10));
        throwing.awaitUpdates(4, Duration.ofSeconds(10));
        assertThat(engine.updates()).extracting(TagValue::tagId).containsExactly("me.t0", "me.t1", "me.t2", "me.t0");
        assertThat(throwing.updates()).extracting(TagValue::tagId).containsExactly("me.t0", "me.t1", "me.t2", "me.t0");
        assertThat(store.stats().subscribers())
                .filteredOn(s -> s.name().equals("throwing"))
                .singleElement()
                .satisfies(s -> assertThat(s.failures()).isPositive());
    }
}
