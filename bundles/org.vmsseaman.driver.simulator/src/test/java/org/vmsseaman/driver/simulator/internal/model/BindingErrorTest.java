package org.vmsseaman.driver.simulator.internal.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vmsseaman.driver.simulator.internal.Tags.bound;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Bindings the simulator cannot use are reported per tag with a message that says why. */
class BindingErrorTest {

    private static String problemOf(org.vmsseaman.api.device.BoundTag tag) {
        SimulationModel model = SimulationModel.create(List.of(tag), 1);
        assertThat(model.problems()).hasSize(1);
        assertThat(model.tags()).isEmpty();
        return model.problems().get(0).message();
    }

    @Test
    void messagesNameTheProblem() {
        assertThat(problemOf(bound("a.b", 0, 1, "profile", "wobble")))
                .contains("unknown profile 'wobble'", "random_walk");
        assertThat(problemOf(bound("a.b", 0, 1, "profile", "switch"))).contains("does not apply to a double tag");
        assertThat(problemOf(bound(Tagz.bool("a.b"), "profile", "thermal")))
                .contains("does not apply to a boolean tag");
        assertThat(problemOf(bound(Tagz.bool("a.b"), "profile", "constant_bool")))
                .contains("needs a boolean 'value'");
        assertThat(problemOf(bound(Tagz.bool("a.b"), "profile", "constant_bool", "value", "maybe")))
                .contains("true or false");
        assertThat(problemOf(bound("a.b", 0, 1, "profile", "position"))).contains("axis");
        assertThat(problemOf(bound("a.b", 0, 1, "profile", "level", "periodSeconds", 0)))
                .contains("periodSeconds");
        assertThat(problemOf(bound("a.b", 0, 1, "profile", "level", "periodSeconds", "soon")))
                .contains("periodSeconds");
        assertThat(problemOf(bound(Tagz.enumOf("a.b", "x", "y"), "value", "z"))).contains("state label");
        assertThat(problemOf(bound(Tagz.string("a.b"), "profile", "load"))).contains("string");
    }

    @Test
    void unknownKeysAreIgnored() {
        SimulationModel model =
                SimulationModel.create(List.of(bound("a.b", 0, 1, "profile", "Thermal", "note", "x")), 1);
        assertThat(model.problems()).isEmpty();
    }
}
