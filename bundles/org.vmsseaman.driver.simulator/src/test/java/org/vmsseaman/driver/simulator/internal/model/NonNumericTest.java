package org.vmsseaman.driver.simulator.internal.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vmsseaman.driver.simulator.internal.Tags.bound;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Boolean, enum and string tags: constants by default, {@code switch} and {@code constant_bool} on request. */
class NonNumericTest {

    @Test
    void defaultsAndConstants() {
        SimulationModel model = SimulationModel.create(
                List.of(
                        bound(Tagz.bool("fire.alarm")),
                        bound(Tagz.bool("me.running"), "profile", "constant_bool", "value", true),
                        bound(Tagz.bool("me.blower"), "profile", "constant_bool", "value", "false"),
                        bound(Tagz.enumOf("me.mode", "stopped", "running", "manoeuvring")),
                        bound(Tagz.enumOf("ge1.mode", "off", "standby", "on"), "value", "on"),
                        bound(Tagz.string("vessel.voyage")),
                        bound(Tagz.string("vessel.dest"), "value", "ROTTERDAM")),
                1);
        assertThat(model.problems()).isEmpty();
        for (int i = 0; i < 10_000; i++) {
            model.step(0.5);
            Map<String, Object> v = model.values();
            assertThat(v)
                    .containsEntry("fire.alarm", false)
                    .containsEntry("me.running", true)
                    .containsEntry("me.blower", false)
                    .containsEntry("me.mode", 0L)
                    .containsEntry("ge1.mode", 2L)
                    .containsEntry("vessel.voyage", "vessel.voyage")
                    .containsEntry("vessel.dest", "ROTTERDAM");
        }
    }

    @Test
    void enumSwitchCyclesThroughItsStates() {
        SimulationModel model = SimulationModel.create(
                List.of(bound(
                        Tagz.enumOf("pump.mode", "off", "auto", "manual"), "profile", "switch", "periodSeconds", 5)),
                1);
        java.util.Set<Object> seen = new java.util.HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            model.step(0.5);
            Object v = model.values().get("pump.mode");
            assertThat((Long) v).isBetween(0L, 2L);
            seen.add(v);
        }
        assertThat(seen).containsExactlyInAnyOrder(0L, 1L, 2L);
    }
}
