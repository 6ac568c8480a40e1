package org.vmsseaman.historian.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vmsseaman.historian.internal.Fixture.T0;
import static org.vmsseaman.historian.internal.Fixture.tag;
import static org.vmsseaman.historian.internal.Fixture.value;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vmsseaman.api.historian.Sample;
import org.vmsseaman.api.tag.DataType;
import org.vmsseaman.api.tag.Quality;
import org.vmsseaman.api.tag.TagValue;

class RoundTripTest {

    @TempDir
    Path dir;

    @Test
    void publishedValueIsCommittedWithinTwoSecondsWithValueQualityAndTime() {
        try (Fixture f = new Fixture(
                dir.resolve("historian.duckdb"),
                1000,
                tag("me.pressure", DataType.DOUBLE),
                tag("me.run", DataType.BOOLEAN))) {
            f.publish(value("me.pressure", 4.25, T0 + 17), value("me.run", true, T0 + 18));
            f.awaitStored(2, Duration.ofMillis(2500));

            assertThat(f.all("me.pressure")).containsExactly(new Sample(T0 + 17, 4.25, null, Quality.GOOD));
            assertThat(f.all("me.run")).containsExactly(new Sample(T0 + 18, null, true, Quality.GOOD));
        }
    }

    @Test
    void longAndEnumValuesAreNumericAndAValueNeverReceivedIsStoredAsNull() {
        try (Fixture f = new Fixture(
                dir.resolve("historian.duckdb"),
                100,
                tag("me.count", DataType.LONG),
                tag("me.mode", DataType.ENUM),
                tag("me.temp", DataType.DOUBLE))) {
            f.publish(
                    value("me.count", 42L, T0),
                    value("me.mode", 2L, T0),
                    new TagValue("me.temp", null, Quality.BAD_NOT_CONNECTED, T0 + 5, T0 + 5, null));
            f.awaitIdle();

            assertThat(f.all("me.count")).containsExactly(new Sample(T0, 42.0, null, Quality.GOOD));
            assertThat(f.all("me.mode")).containsExactly(new Sample(T0, 2.0, null, Quality.GOOD));
            assertThat(f.all("me.temp")).containsExactly(new Sample(T0 + 5, null, null, Quality.BAD_NOT_CONNECTED));
        }
    }
}
