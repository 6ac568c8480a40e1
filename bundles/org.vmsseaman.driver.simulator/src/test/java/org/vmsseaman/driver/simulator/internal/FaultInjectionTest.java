package org.vmsseaman.driver.simulator.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vmsseaman.driver.simulator.internal.Tags.bound;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.vmsseaman.api.device.ConnectionState;
import org.vmsseaman.api.tag.DataType;
import org.vmsseaman.api.tag.Quality;
import org.vmsseaman.api.tag.TagValue;
import org.vmsseaman.driver.simulator.internal.fault.FaultSpec;
import org.vmsseaman.driver.simulator.internal.fault.FaultType;
import org.vmsseaman.driver.simulator.internal.fault.SimulatedFault;
import org.vmsseaman.driver.simulator.internal.model.SimulationModel;

/** Each fault type has its documented effect on the next tick and ends when removed or expired. */
class FaultInjectionTest {

    private static final double DT = 0.5;

    private final RecordingSink sink = new RecordingSink();
    private final List<SimulatedFault> faults = new CopyOnWriteArrayList<>();
    private final DeviceSimulation sim = new DeviceSimulation(
            "sim",
            SimulationModel.create(
                    List.of(
                            bound("me.load", 0, 100, "profile", "load"),
                            bound("me.exhaust.cyl1", 280, 420, "profile", "thermal", "follows", "me.load"),
                            bound("me.exhaust.cyl2", 280, 420, "profile", "thermal", "follows", "me.load"),
                            bound("me.lube_oil.inlet_pressure", 3, 5, "profile", "pressure", "follows", "me.load"),
                            bound(
                                    Tags.numeric("me.rpm", DataType.LONG, 0, 100),
                                    "profile",
                                    "speed",
                                    "follows",
                                    "me.load"),
                            bound(
                                    Tags.of("bilge.high", DataType.BOOLEAN, List.of()),
                                    "profile",
                                    "constant_bool",
                                    "value",
                                    false)),
                    99),
            sink,
            () -> faults);

    private SimulatedFault add(FaultSpec spec) {
        SimulatedFault f = () -> spec;
        faults.add(f);
        return f;
    }

    private void ticks(int n) {
        for (int i = 0; i < n; i++) {
            sim.tick(DT);
        }
    }

    private double value(String id) {
        return sink.last(id).doubleValue();
    }

    @Test
    void frozenHoldsTheLastValueWhileGoodAndMovesAgainWhenRemoved() {
        ticks(10);
        double before = value("me.exhaust.cyl1");
        SimulatedFault f = add(FaultSpec.of("sim", "me.exhaust.cyl1", FaultType.FROZEN));
        for (int i = 0; i < 100; i++) {
            sim.tick(DT);
            assertThat(sink.last("me.exhaust.cyl1").value()).isEqualTo(before);
            assertThat(sink.last("me.exhaust.cyl1").quality()).isEqualTo(Quality.GOOD);
        }
        assertThat(value("me.exhaust.cyl2")).isNotEqualTo(before);
        faults.remove(f);
        ticks(1);
        assertThat(value("me.exhaust.cyl1")).isNotEqualTo(before);
    }

    @Test
    void spikeJumpsFarAboveTheRangeForOneTickEveryPeriod() {
        ticks(2);
        add(FaultSpec.of("sim", "me.exhaust.*", FaultType.SPIKE).withShape(2.0, 5));
        int spikes = 0;
        for (int i = 0; i < 40; i++) { // 20 s
            sim.tick(DT);
            double v = value("me.exhaust.cyl1");
            if (v > 420) {
                assertThat(v).isEqualTo(420 + 2.0 * 140);
                assertThat(value("me.exhaust.cyl2")).isEqualTo(v);
                spikes++;
            }
            assertThat(value("me.lube_oil.inlet_pressure")).isBetween(3.0, 5.0);
        }
        assertThat(spikes).isEqualTo(4);
    }

    @Test
    void outOfRangeRampsBeyondTheRangeAndStaysGood() {
        ticks(2);
        SimulatedFault f = add(FaultSpec.of("sim", "me.lube_oil.inlet_pressure", FaultType.OUT_OF_RANGE)
                .withShape(-0.5, 10));
        ticks(10); // 5 s: half way
        assertThat(value("me.lube_oil.inlet_pressure")).isLessThan(3.5);
        ticks(20);
        assertThat(value("me.lube_oil.inlet_pressure")).isEqualTo(2.0);
        assertThat(sink.last("me.lube_oil.inlet_pressure").quality()).isEqualTo(Quality.GOOD);
        faults.remove(f);
        ticks(1);
        assertThat(value("me.lube_oil.inlet_pressure")).isBetween(3.0, 5.0);
    }

    @Test
    void outOfRangeDefaultGoesOneSpanAboveAndLongTagsAreRounded() {
        add(FaultSpec.of("sim", "me.rpm", FaultType.OUT_OF_RANGE));
        ticks(25);
        assertThat(sink.last("me.rpm").value()).isEqualTo(200L);
    }

    @Test
    void badQualityKeepsTheLastValueAndEndsWhenRemoved() {
        ticks(5);
        Object before = sink.last("me.exhaust.cyl1").value();
        SimulatedFault f = add(FaultSpec.of("sim", "me.exhaust.cyl1", FaultType.BAD_QUALITY)
                .withQuality(Quality.BAD_COMMUNICATION_FAILURE));
        ticks(10);
        TagValue v = sink.last("me.exhaust.cyl1");
        assertThat(v.quality()).isEqualTo(Quality.BAD_COMMUNICATION_FAILURE);
        assertThat(v.value()).isEqualTo(before);
        assertThat(sink.last("me.exhaust.cyl2").quality()).isEqualTo(Quality.GOOD);
        faults.remove(f);
        ticks(1);
        assertThat(sink.last("me.exhaust.cyl1").quality()).isEqualTo(Quality.GOOD);
    }

    @Test
    void offlineDisconnectsPublishesNothingThenConnectsAgain() {
        sim.start();
        ticks(2);
        int batches = sink.batches().size();
        SimulatedFault f = add(FaultSpec.of("sim", "", FaultType.OFFLINE));
        ticks(10);
        assertThat(sink.batches()).hasSize(batches);
        assertThat(sink.statuses())
                .extracting(RecordingSink.Status::state)
                .containsExactly(ConnectionState.CONNECTED, ConnectionState.DISCONNECTED);
        assertThat(sink.statuses().get(1).detail()).isEqualTo("simulated offline");
        faults.remove(f);
        ticks(1);
        assertThat(sink.statuses())
                .extracting(RecordingSink.Status::state)
                .containsExactly(ConnectionState.CONNECTED, ConnectionState.DISCONNECTED, ConnectionState.CONNECTED);
        assertThat(sink.batches()).hasSize(batches + 1);
    }

    @Test
    void chatterTogglesBooleansEveryTwoSecondsAndNumbersAcrossTheMaximum() {
        add(FaultSpec.of("sim", "", FaultType.CHATTER));
        int toggles = 0;
        Object last = null;
        for (int i = 0; i < 40; i++) { // 20 s
            sim.tick(DT);
            Object v = sink.last("bilge.high").value();
            if (last != null && !last.equals(v)) {
                toggles++;
            }
            last = v;
            double p = value("me.lube_oil.inlet_pressure");
            assertThat(p).isIn(5.0 + 0.1, 5.0 - 0.1);
        }
        assertThat(toggles).isBetween(9, 10);
    }

    @Test
    void startDelayAndDurationBoundTheFault() {
        ticks(2);
        add(FaultSpec.of("sim", "me.exhaust.cyl1", FaultType.BAD_QUALITY).withTiming(2, 3));
        ticks(4); // 2 s: not yet
        assertThat(sink.last("me.exhaust.cyl1").quality()).isEqualTo(Quality.GOOD);
        ticks(1);
        assertThat(sink.last("me.exhaust.cyl1").quality()).isEqualTo(Quality.BAD_SENSOR_FAILURE);
        ticks(5); // 2.5 s after the start: still in effect
        assertThat(sink.last("me.exhaust.cyl1").quality()).isEqualTo(Quality.BAD_SENSOR_FAILURE);
        ticks(1); // 3 s: over
        assertThat(sink.last("me.exhaust.cyl1").quality()).isEqualTo(Quality.GOOD);
        ticks(20);
        assertThat(sink.last("me.exhaust.cyl1").quality()).isEqualTo(Quality.GOOD);
    }

    @Test
    void faultsForOtherDevicesAreIgnored() {
        add(FaultSpec.of("other", "", FaultType.OFFLINE));
        add(FaultSpec.of("other", "", FaultType.BAD_QUALITY));
        ticks(5);
        assertThat(sink.last()).allSatisfy(v -> assertThat(v.quality()).isEqualTo(Quality.GOOD));
        assertThat(sink.statuses()).isEmpty();
    }
}
