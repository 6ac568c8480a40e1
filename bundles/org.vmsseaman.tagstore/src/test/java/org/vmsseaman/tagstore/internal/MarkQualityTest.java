package org.vmsseaman.tagstore.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vmsseaman.api.tag.Quality;
import org.vmsseaman.api.tag.TagDefinition;
import org.vmsseaman.api.tag.TagValue;
import org.vmsseaman.api.tagstore.SubscriptionOptions;

/** Quality changes without a new value, and updates that carry no value. */
class MarkQualityTest {

    private final TagStoreImpl store = new TagStoreImpl();
    private final List<TagDefinition> tags = TestTags.doubles("m", 2);

    MarkQualityTest() {
        store.define(tags);
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    @Test
    void keepsValueRawAndSourceTimeAndIsDeliveredToSubscribers() throws Exception {
        Recorder historian = new Recorder();
        store.subscribe(historian, SubscriptionOptions.lossless("historian"));
        store.publish(List.of(new TagValue("m.t0", 4.0, Quality.GOOD, 111L, 111L, 400)));

        int changed = store.markQuality(List.of("m.t0", "m.t1", "no.such.tag"), Quality.BAD_NOT_CONNECTED, v -> true);

        TagValue v = store.get("m.t0").orElseThrow();
        assertThat(changed).isEqualTo(2); // m.t1 goes from BAD_NO_VALUE to BAD_NOT_CONNECTED, still without a value
        assertThat(v.quality()).isEqualTo(Quality.BAD_NOT_CONNECTED);
        assertThat(v.value()).isEqualTo(4.0);
        assertThat(v.raw()).isEqualTo(400);
        assertThat(v.sourceTime()).isEqualTo(111L);
        assertThat(v.receiveTime()).isGreaterThan(111L);
        historian.awaitUpdates(3, Duration.ofSeconds(5));
        assertThat(historian.updates())
                .extracting(TagValue::quality)
                .containsExactly(Quality.GOOD, Quality.BAD_NOT_CONNECTED, Quality.BAD_NOT_CONNECTED);
    }

    @Test
    void theConditionIsEvaluatedOnTheCurrentValueAndAnUnchangedQualityIsSkipped() {
        store.publish(List.of(TestTags.value("m.t0", 1.0), TestTags.value("m.t1", 2.0)));

        int changed = store.markQuality(List.of("m.t0", "m.t1"), Quality.BAD_STALE, v -> v.doubleValue() > 1.5);
        int again = store.markQuality(List.of("m.t1"), Quality.BAD_STALE, v -> true);

        assertThat(changed).isEqualTo(1);
        assertThat(again).isZero();
        assertThat(store.get("m.t0").orElseThrow().quality()).isEqualTo(Quality.GOOD);
        assertThat(store.get("m.t1").orElseThrow().quality()).isEqualTo(Quality.BAD_STALE);
    }

    @Test
    void aGoodUpdateWithoutValueIsRefusedAndABadOneKeepsTheLastValue() {
        store.publish(List.of(TestTags.value("m.t0", 7.0)));

        int goodWithoutValue = store.publish(List.of(new TagValue("m.t0", null, Quality.GOOD, 1, 1, null)));
        int badWithoutValue =
                store.publish(List.of(new TagValue("m.t0", null, Quality.BAD_SENSOR_FAILURE, 1, 1, null)));

        assertThat(goodWithoutValue).isZero();
        assertThat(badWithoutValue).isEqualTo(1);
        assertThat(store.get("m.t0").orElseThrow().value()).isEqualTo(7.0);
        assertThat(store.get("m.t0").orElseThrow().quality()).isEqualTo(Quality.BAD_SENSOR_FAILURE);
        assertThat(store.stats().rejected()).isEqualTo(1);
    }
}
