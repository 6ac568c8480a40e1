package org.vmsseaman.historian.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vmsseaman.historian.internal.Fixture.ALL_FROM;
import static org.vmsseaman.historian.internal.Fixture.ALL_TO;
import static org.vmsseaman.historian.internal.Fixture.T0;
import static org.vmsseaman.historian.internal.Fixture.tag;
import static org.vmsseaman.historian.internal.Fixture.value;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vmsseaman.api.historian.Sample;
import org.vmsseaman.api.tag.DataType;
import org.vmsseaman.api.tag.TagValue;

class QueryTest {

    private static final long SECOND = 1_000_000L;

    @TempDir
    Path dir;

    private Fixture f;

    @BeforeEach
    void tenSamples() {
        f = new Fixture(dir.resolve("historian.duckdb"), 50, tag("me.speed", DataType.DOUBLE));
        List<TagValue> batch = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            batch.add(value("me.speed", (double) i, T0 + i * SECOND));
        }
        f.publish(batch);
        f.awaitIdle();
    }

    @AfterEach
    void close() {
        f.close();
    }

    private static Instant at(long micros) {
        return TagValue.toInstant(micros);
    }

    @Test
    void rawIsOldestFirstWithinSinceInclusiveUntilExclusive() {
        List<Sample> samples = f.historian.raw("me.speed", at(T0 + 2 * SECOND), at(T0 + 5 * SECOND), 100, false);

        assertThat(samples).extracting(Sample::numeric).containsExactly(2.0, 3.0, 4.0);
    }

    @Test
    void rawNewestFirstWithLimitGivesTheLatestSamples() {
        List<Sample> samples = f.historian.raw("me.speed", ALL_FROM, ALL_TO, 3, true);

        assertThat(samples).extracting(Sample::numeric).containsExactly(9.0, 8.0, 7.0);
        assertThat(f.historian.raw("me.speed", ALL_FROM, ALL_TO, 2, false))
                .extracting(Sample::numeric)
                .containsExactly(0.0, 1.0);
    }

    @Test
    void valueAtIsTheLatestSampleAtOrBeforeTheTime() {
        assertThat(f.historian.valueAt("me.speed", at(T0 + 4 * SECOND)))
                .map(Sample::numeric)
                .contains(4.0);
        assertThat(f.historian.valueAt("me.speed", at(T0 + 4 * SECOND + 999_999)))
                .map(Sample::numeric)
                .contains(4.0);
        assertThat(f.historian.valueAt("me.speed", at(T0 + 100 * SECOND)))
                .map(Sample::numeric)
                .contains(9.0);
        assertThat(f.historian.valueAt("me.speed", at(T0 - 1))).isEmpty();
    }

    @Test
    void anUnknownTagHasNoHistory() {
        assertThat(f.historian.raw("no.such", ALL_FROM, ALL_TO, 10, false)).isEmpty();
        assertThat(f.historian.aggregate("no.such", ALL_FROM, ALL_TO, Duration.ofMinutes(1)))
                .isEmpty();
        assertThat(f.historian.valueAt("no.such", ALL_TO)).isEmpty();
    }

    @Test
    void invalidArgumentsAreRefusedWithAClearMessage() {
        assertThatThrownBy(() -> f.historian.raw("me.speed", ALL_TO, ALL_FROM, 10, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is after until");
        assertThatThrownBy(() -> f.historian.raw("me.speed", ALL_FROM, ALL_TO, 0, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("limit");
        assertThatThrownBy(() -> f.historian.aggregate("me.speed", ALL_FROM, ALL_TO, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("interval");
        assertThatThrownBy(() -> f.historian.aggregate("me.speed", ALL_TO, ALL_FROM, Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> f.historian.valueAt(null, ALL_TO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tagId");
    }

    @Test
    void extremeInstantsAreClampedNotOverflowed() {
        assertThat(f.historian.raw("me.speed", Instant.MIN, Instant.MAX, 100, false))
                .hasSize(10);
    }
}
