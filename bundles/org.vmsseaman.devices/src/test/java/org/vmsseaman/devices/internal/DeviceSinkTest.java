package org.vmsseaman.devices.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vmsseaman.api.device.ConnectionState;
import org.vmsseaman.api.tag.DataType;
import org.vmsseaman.api.tag.HistorianPolicy;
import org.vmsseaman.api.tag.Quality;
import org.vmsseaman.api.tag.Range;
import org.vmsseaman.api.tag.TagDefinition;
import org.vmsseaman.api.tag.TagValue;
import org.vmsseaman.tagstore.internal.TagStoreImpl;

/** The sink a driver reports to, against the real tag store. */
class DeviceSinkTest {

    private final TagStoreImpl store = new TagStoreImpl();
    private final TagDefinition pressure = tag("me.lo.pressure", DataType.DOUBLE, new Range(0, 10));
    private final TagDefinition running = tag("me.running", DataType.BOOLEAN, null);
    private final TagDefinition other = tag("dg1.kw", DataType.DOUBLE, null);
    private final List<ConnectionState> states = new ArrayList<>();
    private final DeviceSink sink;

    DeviceSinkTest() {
        store.define(List.of(pressure, running, other));
        sink = new DeviceSink(
                "plc1", store, Map.of(pressure.id(), pressure, running.id(), running), (s, d) -> states.add(s));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void stampsReceiveTimeAndUsesItAsSourceTimeWhenTheDeviceSentNone() {
        long before = TagValue.nowMicros();
        sink.publish(pressure.id(), 4.2);
        TagValue v = store.get(pressure.id()).orElseThrow();
        assertThat(v.value()).isEqualTo(4.2);
        assertThat(v.quality()).isEqualTo(Quality.GOOD);
        assertThat(v.receiveTime()).isGreaterThanOrEqualTo(before);
        assertThat(v.sourceTime()).isEqualTo(v.receiveTime());
    }

    @Test
    void keepsTheDeviceTimestampAndRawValue() {
        sink.publish(List.of(new TagValue(pressure.id(), 4.0, Quality.GOOD, 1_000_000L, 0L, 400)));
        TagValue v = store.get(pressure.id()).orElseThrow();
        assertThat(v.sourceTime()).isEqualTo(1_000_000L);
        assertThat(v.raw()).isEqualTo(400);
    }

    @Test
    void convertsToTheTagTypeAndRefusesTagsOfOtherDevices() {
        sink.publish(List.of(
                new TagValue(running.id(), 1L, Quality.GOOD, 0, 0, null),
                new TagValue(other.id(), 5.0, Quality.GOOD, 0, 0, null)));
        assertThat(store.get(running.id()).orElseThrow().value()).isEqualTo(Boolean.TRUE);
        assertThat(store.get(other.id()).orElseThrow().quality()).isEqualTo(Quality.BAD_NO_VALUE);
        assertThat(sink.rejected()).isEqualTo(1);
        assertThat(sink.updates()).isEqualTo(1);
    }

    @Test
    void aValueThatCannotBeConvertedIsAConfigurationErrorKeepingTheLastValue() {
        sink.publish(pressure.id(), 3.0);
        sink.publish(pressure.id(), "not a number");
        TagValue v = store.get(pressure.id()).orElseThrow();
        assertThat(v.quality()).isEqualTo(Quality.BAD_CONFIGURATION_ERROR);
        assertThat(v.value()).isEqualTo(3.0);
        assertThat(v.raw()).isEqualTo("not a number");
    }

    @Test
    void aGoodValueOutsideTheDisplayRangeIsUncertain() {
        sink.publish(pressure.id(), 12.5);
        assertThat(store.get(pressure.id()).orElseThrow().quality()).isEqualTo(Quality.UNCERTAIN_OUT_OF_RANGE);
    }

    @Test
    void disconnectTurnsEveryTagOfTheDeviceBadKeepingValues() {
        sink.publish(pressure.id(), 4.0);
        sink.status(ConnectionState.DISCONNECTED, "connection refused");
        assertThat(states).containsExactly(ConnectionState.DISCONNECTED);
        assertThat(store.get(pressure.id()).orElseThrow()).satisfies(v -> {
            assertThat(v.quality()).isEqualTo(Quality.BAD_NOT_CONNECTED);
            assertThat(v.value()).isEqualTo(4.0);
        });
        assertThat(store.get(running.id()).orElseThrow().quality()).isEqualTo(Quality.BAD_NOT_CONNECTED);
        assertThat(store.get(other.id()).orElseThrow().quality()).isEqualTo(Quality.BAD_NO_VALUE);
    }

    @Test
    void qualityWithoutValueKeepsTheLastValue() {
        sink.publish(pressure.id(), 4.0);
        sink.quality(List.of(pressure.id(), other.id()), Quality.BAD_COMMUNICATION_FAILURE);
        assertThat(store.get(pressure.id()).orElseThrow().quality()).isEqualTo(Quality.BAD_COMMUNICATION_FAILURE);
        assertThat(store.get(pressure.id()).orElseThrow().value()).isEqualTo(4.0);
        assertThat(store.get(other.id()).orElseThrow().quality()).isEqualTo(Quality.BAD_NO_VALUE);
    }

    @Test
    void callsAfterCloseAreIgnored() {
        sink.publish(pressure.id(), 4.0);
        sink.close();
        sink.publish(pressure.id(), 5.0);
        sink.status(ConnectionState.DISCONNECTED, "late");
        assertThat(store.get(pressure.id()).orElseThrow().value()).isEqualTo(4.0);
        assertThat(store.get(pressure.id()).orElseThrow().quality()).isEqualTo(Quality.GOOD);
        assertThat(states).isEmpty();
    }

    @Test
    void aNotAvailableReadingIsASensorFailureNeverANumber() {
        sink.publish(pressure.id(), 4.0);
        sink.publish(pressure.id(), Double.NaN);
        TagValue v = store.get(pressure.id()).orElseThrow();
        assertThat(v.quality()).isEqualTo(Quality.BAD_SENSOR_FAILURE);
        assertThat(v.value()).isEqualTo(4.0);

        sink.publish(running.id(), Float.POSITIVE_INFINITY); // a boolean never becomes true from infinity
        assertThat(store.get(running.id()).orElseThrow().quality()).isEqualTo(Quality.BAD_SENSOR_FAILURE);
        assertThat(store.get(running.id()).orElseThrow().value()).isNull();
    }

    @Test
    void aDriverCannotMarkAnOldValueGood() {
        sink.publish(pressure.id(), 4.0);
        sink.quality(List.of(pressure.id()), Quality.BAD_COMMUNICATION_FAILURE);
        sink.quality(List.of(pressure.id()), Quality.GOOD);
        assertThat(store.get(pressure.id()).orElseThrow().quality()).isEqualTo(Quality.BAD_COMMUNICATION_FAILURE);
        assertThat(sink.rejected()).isEqualTo(1);
    }

    @Test
    void aGoodValueWithoutValueIsRefused() {
        sink.publish(List.of(new TagValue(pressure.id(), null, Quality.GOOD, 0, 0, null)));
        assertThat(store.get(pressure.id()).orElseThrow().quality()).isEqualTo(Quality.BAD_NO_VALUE);
        assertThat(sink.rejected()).isEqualTo(1);
    }

    private static TagDefinition tag(String id, DataType type, Range display) {
        return new TagDefinition(
                id,
                id,
                "",
                id.substring(0, id.indexOf('.')),
                type,
                "",
                null,
                display,
                false,
                HistorianPolicy.DEFAULT,
                Duration.ofSeconds(5),
                List.of());
    }
}
