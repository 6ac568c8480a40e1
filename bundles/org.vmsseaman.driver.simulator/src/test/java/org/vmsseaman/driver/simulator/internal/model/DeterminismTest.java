package org.vmsseaman.driver.simulator.internal.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vmsseaman.driver.simulator.internal.Tags.bound;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vmsseaman.api.device.BoundTag;

/** The same seed and steps give the same values; another seed gives others. */
class DeterminismTest {

    private final List<BoundTag> tags = List.of(
            bound("me.load", 0, 100, "profile", "load"),
            bound("me.exhaust.cyl1", 280, 420, "profile", "thermal", "follows", "me.load"),
            bound("tank.hfo", 0, 500, "profile", "level"),
            bound("nav.lat", 50, 51, "profile", "position", "axis", "lat"),
            bound("nav.heading", 0, 360, "profile", "angle"),
            bound("nav.depth", 10, 200),
            bound(Tagz.bool("bilge.alarm"), "profile", "switch", "periodSeconds", 20));

    private List<Map<String, Object>> run(long seed) {
        SimulationModel model = SimulationModel.create(tags, seed);
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            model.step(0.5);
            out.add(model.values());
        }
        return out;
    }

    @Test
    void sameSeedSameValues() {
        assertThat(run(1234)).isEqualTo(run(1234));
    }

    @Test
    void otherSeedOtherValues() {
        assertThat(run(1234).get(999).get("me.load"))
                .isNotEqualTo(run(1235).get(999).get("me.load"));
    }

    @Test
    void addingATagDoesNotChangeTheOthers() {
        SimulationModel a = SimulationModel.create(List.of(tags.get(0)), 9);
        SimulationModel b = SimulationModel.create(List.of(tags.get(0), tags.get(5)), 9);
        for (int i = 0; i < 100; i++) {
            a.step(0.5);
            b.step(0.5);
        }
        assertThat(a.values().get("me.load")).isEqualTo(b.values().get("me.load"));
    }
}
