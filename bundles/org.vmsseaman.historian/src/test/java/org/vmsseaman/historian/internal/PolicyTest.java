package org.vmsseaman.historian.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vmsseaman.historian.internal.Fixture.T0;
import static org.vmsseaman.historian.internal.Fixture.tag;
import static org.vmsseaman.historian.internal.Fixture.value;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vmsseaman.api.historian.Sample;
import org.vmsseaman.api.tag.DataType;
import org.vmsseaman.api.tag.HistorianPolicy;
import org.vmsseaman.api.tag.Quality;
import org.vmsseaman.api.tag.TagValue;

class PolicyTest {

    private static final long SECOND = 1_000_000L;

    @TempDir
    Path dir;

    private Fixture fixture(String id, DataType type, HistorianPolicy policy) {
        return new Fixture(
                dir.resolve("historian.duckdb"), 50, tag(id, type, policy), tag("other.flag", DataType.BOOLEAN));
    }

    @Test
    void valuesWithinTheDeadbandAreNotStoredAndValuesBeyondItAre() {
        try (Fixture f = fixture("t.level", DataType.DOUBLE, new HistorianPolicy(true, 0.5, Duration.ofHours(1)))) {
            f.publish(value("t.level", 10.0, T0));
            f.publish(value("t.level", 10.4, T0 + SECOND)); // within 0.5 of 10.0
            f.publish(value("t.level", 9.6, T0 + 2 * SECOND)); // within
            f.publish(value("t.level", 10.5, T0 + 3 * SECOND)); // exactly 0.5: not beyond
            f.publish(value("t.level", 10.6, T0 + 4 * SECOND)); // beyond
            f.publish(value("t.level", 10.9, T0 + 5 * SECOND)); // within 0.5 of the last stored 10.6
            f.publish(value("t.level", 10.0, T0 + 6 * SECOND)); // beyond, downwards
            f.awaitIdle();

            assertThat(f.values("t.level")).containsExactly(10.0, 10.6, 10.0);
        }
    }

    @Test
    void deadbandZeroStoresEveryChangeButNotRepeats() {
        try (Fixture f = fixture("t.level", DataType.DOUBLE, new HistorianPolicy(true, 0.0, Duration.ofHours(1)))) {
            f.publish(value("t.level", 1.0, T0), value("t.level", 1.0, T0 + 1), value("t.level", 1.001, T0 + 2));
            f.awaitIdle();

            assertThat(f.values("t.level")).containsExactly(1.0, 1.001);
        }
    }

    @Test
    void anUnchangedValueIsStoredOnceTheMaxIntervalOfSourceTimePassed() {
        try (Fixture f = fixture("t.level", DataType.DOUBLE, new HistorianPolicy(true, 1.0, Duration.ofSeconds(10)))) {
            for (int s = 0; s <= 25; s++) {
                f.publish(value("t.level", 5.0, T0 + s * SECOND));
            }
            f.awaitIdle();

            assertThat(f.all("t.level"))
                    .extracting(Sample::time)
                    .containsExactly(T0, T0 + 10 * SECOND, T0 + 20 * SECOND);
        }
    }

    @Test
    void aQualityChangeIsAlwaysStoredEvenWithinTheDeadband() {
        try (Fixture f = fixture("t.level", DataType.DOUBLE, new HistorianPolicy(true, 100.0, Duration.ofHours(1)))) {
            f.publish(value("t.level", 5.0, T0));
            f.publish(value("t.level", 5.0, Quality.UNCERTAIN_LAST_KNOWN, T0 + 1));
            f.publish(value("t.level", 5.0, Quality.UNCERTAIN_LAST_KNOWN, T0 + 2));
            f.publish(value("t.level", 5.1, Quality.GOOD, T0 + 3));
            f.awaitIdle();

            assertThat(f.all("t.level"))
                    .extracting(Sample::quality)
                    .containsExactly(Quality.GOOD, Quality.UNCERTAIN_LAST_KNOWN, Quality.GOOD);
        }
    }

    /**
     * The platform marks a tag BAD keeping its last value and source time; the historian records the change at
     * the moment it was observed (found by ModbusHotUpgradeIT: a driver-missing sample stored at the last good
     * value's time fell before the swap and shared that value's timestamp).
     */
    @Test
    void aBadTagKeepsItsLastValueAndIsStoredWithItWhenItWentBad() {
        try (Fixture f = fixture("t.level", DataType.DOUBLE, HistorianPolicy.DEFAULT)) {
            f.publish(value("t.level", 7.5, T0));
            long before = TagValue.nowMicros();
            f.tagStore.markQuality(java.util.List.of("t.level"), Quality.BAD_COMMUNICATION_FAILURE, v -> true);
            long after = TagValue.nowMicros();
            f.awaitIdle();

            List<Sample> samples = f.all("t.level");
            assertThat(samples).hasSize(2);
            assertThat(samples.get(0)).isEqualTo(new Sample(T0, 7.5, null, Quality.GOOD));
            Sample bad = samples.get(1);
            assertThat(bad.numeric()).isEqualTo(7.5);
            assertThat(bad.quality()).isEqualTo(Quality.BAD_COMMUNICATION_FAILURE);
            assertThat(bad.time()).isBetween(before, after);
        }
    }

    @Test
    void booleanChangesAreStoredAndRepeatsAreNot() {
        try (Fixture f = fixture("t.run", DataType.BOOLEAN, new HistorianPolicy(true, 0.0, Duration.ofHours(1)))) {
            f.publish(value("t.run", false, T0), value("t.run", false, T0 + 1), value("t.run", true, T0 + 2));
            f.publish(value("t.run", true, T0 + 3), value("t.run", false, T0 + 4));
            f.awaitIdle();

            assertThat(f.values("t.run")).containsExactly(false, true, false);
        }
    }

    @Test
    void aDisabledTagIsNotStored() {
        try (Fixture f = fixture("t.level", DataType.DOUBLE, new HistorianPolicy(false, 0.0, Duration.ofSeconds(1)))) {
            f.publish(value("t.level", 1.0, T0), value("t.level", 2.0, T0 + 5 * SECOND), value("other.flag", true, T0));
            f.awaitIdle();

            assertThat(f.all("t.level")).isEmpty();
            assertThat(f.all("other.flag")).hasSize(1);
            assertThat(f.historian.stats().received()).isEqualTo(3);
            assertThat(f.historian.stats().stored()).isEqualTo(1);
        }
    }

    @Test
    void aStringTagIsNotStored() {
        try (Fixture f = fixture("t.text", DataType.STRING, HistorianPolicy.DEFAULT)) {
            f.publish(value("t.text", "hello", T0), value("other.flag", true, T0));
            f.awaitIdle();

            assertThat(f.all("t.text")).isEmpty();
            assertThat(f.historian.stats().stored()).isEqualTo(1);
        }
    }
}
