package org.vmsseaman.driver.simulator.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vmsseaman.driver.simulator.internal.Tags.bound;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vmsseaman.api.driver.DriverException;
import org.vmsseaman.driver.simulator.internal.fault.FaultSpec;
import org.vmsseaman.driver.simulator.internal.fault.FaultType;
import org.vmsseaman.driver.simulator.internal.fault.SimulatedFault;
import org.vmsseaman.driver.simulator.internal.model.SimulationModel;

/** A written setpoint is published at once and held on every later tick, as a device keeps it. */
class SetpointWriteTest {

    private final RecordingSink sink = new RecordingSink();
    private final List<SimulatedFault> faults = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final DeviceSimulation sim = new DeviceSimulation(
            "sim",
            SimulationModel.create(
                    List.of(
                            bound("steering.rudder_order", -10, 10, "profile", "random_walk"),
                            bound("me.load", 0, 100, "profile", "load")),
                    7),
            sink,
            () -> faults);

    @Test
    void theWrittenValueIsPublishedAndHeld() throws DriverException {
        sim.tick(0.5);
        double load = sink.last("me.load").doubleValue();
        sim.write("steering.rudder_order", 3.25);
        assertThat(sink.last()).hasSize(1); // published at once, on its own
        assertThat(sink.last("steering.rudder_order").value()).isEqualTo(3.25);
        for (int i = 0; i < 50; i++) {
            sim.tick(0.5);
            assertThat(sink.last("steering.rudder_order").value()).isEqualTo(3.25);
        }
        assertThat(sink.last("me.load").doubleValue()).isNotEqualTo(load); // the others keep moving
    }

    @Test
    void aWriteToAnOfflineDeviceOrAnUnknownTagFails() {
        assertThatThrownBy(() -> sim.write("no.such", 1.0))
                .isInstanceOf(DriverException.class)
                .hasMessageContaining("no.such");
        faults.add(() -> FaultSpec.of("sim", "*", FaultType.OFFLINE));
        sim.tick(0.5);
        assertThatThrownBy(() -> sim.write("steering.rudder_order", 1.0))
                .isInstanceOf(DriverException.class)
                .hasMessageContaining("offline");
    }

    @Test
    void aValueOfTheWrongTypeIsRefused() {
        assertThatThrownBy(() -> sim.write("steering.rudder_order", "left"))
                .isInstanceOf(DriverException.class)
                .hasMessageContaining("double");
    }
}
