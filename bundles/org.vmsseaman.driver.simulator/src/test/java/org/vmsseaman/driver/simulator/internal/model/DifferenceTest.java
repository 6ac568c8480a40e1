package org.vmsseaman.driver.simulator.internal.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vmsseaman.driver.simulator.internal.Tags.bound;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code difference}: a deviation tag equals its two source tags' difference at every step. */
class DifferenceTest {

    @Test
    void deviationIsExactlyCylinderMinusMeanAtEveryStep() {
        SimulationModel model = SimulationModel.create(
                List.of(
                        // declared before its sources: the model still steps the sources first
                        bound(
                                "me.exhaust.cyl1.deviation",
                                -25,
                                25,
                                "profile",
                                "difference",
                                "follows",
                                "me.exhaust.cyl1.temp",
                                "reference",
                                "me.exhaust.mean_temp"),
                        bound("me.load", 0, 100, "profile", "load"),
                        bound("me.exhaust.mean_temp", 300, 390, "profile", "thermal", "follows", "me.load"),
                        bound(
                                "me.exhaust.cyl1.temp",
                                300,
                                400,
                                "profile",
                                "thermal",
                                "follows",
                                "me.exhaust.mean_temp")),
                42L);
        assertThat(model.problems()).isEmpty();
        for (int i = 0; i < 2_000; i++) {
            model.step(0.5);
            Map<String, Object> v = model.values();
            double expected = (Double) v.get("me.exhaust.cyl1.temp") - (Double) v.get("me.exhaust.mean_temp");
            assertThat((Double) v.get("me.exhaust.cyl1.deviation")).isEqualTo(expected);
        }
    }

    @Test
    void aDifferenceWithoutReferenceOrWithAnUnknownOneIsAnErrorOfThatTagOnly() {
        SimulationModel model = SimulationModel.create(
                List.of(
                        bound("a", 0, 10, "profile", "random_walk"),
                        bound("d1", -5, 5, "profile", "difference", "follows", "a"),
                        bound("d2", -5, 5, "profile", "difference", "follows", "a", "reference", "nope")),
                1L);
        assertThat(model.problems()).extracting(ConfigProblem::tagId).containsExactlyInAnyOrder("d1", "d2");
        assertThat(model.problems())
                .extracting(ConfigProblem::message)
                .anySatisfy(m -> assertThat(m).contains("needs 'follows' and 'reference'"))
                .anySatisfy(m -> assertThat(m).contains("reference 'nope'"));
        assertThat(model.values()).containsOnlyKeys("a");
    }
}
