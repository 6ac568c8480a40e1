package org.vmsseaman.tagstore.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vmsseaman.api.tag.Quality;
import org.vmsseaman.api.tag.TagDefinition;
import org.vmsseaman.api.tag.TagValue;
import org.vmsseaman.api.tagstore.TagStoreStats;

class StatsTest {

    @Test
    void countsTagsByLevelAndQualityAndMeasuresTheRate() {
        TagStoreImpl store = new TagStoreImpl();
        List<TagDefinition> tags = TestTags.doubles("a", 4);
        store.define(tags);
        store.publish(List.of(
                TestTags.value("a.t0", 1.0),
                TestTags.value("a.t1", 1.0),
                new TagValue("a.t2", 1.0, Quality.UNCERTAIN_LAST_KNOWN, 1, 1, null)));

        TagStoreStats stats = store.stats();

        assertThat(stats.tagCount()).isEqualTo(4);
        assertThat(stats.byLevel())
                .containsOnly(
                        entry(Quality.Level.GOOD, 2), entry(Quality.Level.UNCERTAIN, 1), entry(Quality.Level.BAD, 1));
        assertThat(stats.byQuality())
                .containsOnly(
                        entry(Quality.GOOD, 2), entry(Quality.UNCERTAIN_LAST_KNOWN, 1), entry(Quality.BAD_NO_VALUE, 1));
        assertThat(stats.updates()).isEqualTo(3);
        assertThat(stats.updateRate()).isPositive();
    }

    @Test
    void rateMeterAveragesOverTheWindow() {
        RateMeter meter = new RateMeter(5);
        long t0 = System.nanoTime();
        meter.maybeSample(t0 + 1_000_000_000L, () -> 0);

        assertThat(meter.rate(t0 + 3_000_000_000L, 4_000)).isEqualTo(2_000.0);
        assertThat(meter.rate(t0 + 30_000_000_000L, 4_000)).isZero(); // nothing in the last 5 s
    }
}
