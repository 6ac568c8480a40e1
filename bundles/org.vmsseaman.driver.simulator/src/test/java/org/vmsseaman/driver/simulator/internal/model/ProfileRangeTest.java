package org.vmsseaman.driver.simulator.internal.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vmsseaman.driver.simulator.internal.Tags.bound;
import static org.vmsseaman.driver.simulator.internal.Tags.numeric;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vmsseaman.api.device.BoundTag;
import org.vmsseaman.api.tag.DataType;
import org.vmsseaman.api.tag.Range;

/** Every numeric profile stays inside the normal range over 10,000 ticks, and moves. */
class ProfileRangeTest {

    private static final int TICKS = 10_000;

    private final List<BoundTag> tags = List.of(
            bound("me.load", 0, 100, "profile", "load"),
            bound("me.exhaust.cyl1", 280, 420, "profile", "thermal", "follows", "me.load"),
            bound("me.cooling.temp", 70, 90, "profile", "thermal"),
            bound("me.lube_oil.inlet_pressure", 3.5, 5.5, "profile", "pressure", "follows", "me.load"),
            bound("me.fuel.pressure", 6, 9, "profile", "pressure"),
            bound("me.speed", 0, 105, "profile", "speed", "follows", "me.load"),
            bound("me.tc.speed", 5000, 20000, "profile", "speed"),
            bound("ge1.power", 0, 800, "profile", "load", "follows", "me.load"),
            bound("tank.hfo", 0, 500, "profile", "level", "periodSeconds", 600),
            bound("nav.lat", 50, 51, "profile", "position", "axis", "lat"),
            bound("nav.lon", 0, 2, "profile", "position", "axis", "lon"),
            bound("nav.world_lon", -180, 180, "profile", "position", "axis", "lon"),
            bound("nav.heading", 0, 360, "profile", "angle", "periodSeconds", 300),
            bound("nav.cog", 0, 360, "profile", "angle", "follows", "nav.heading"),
            bound("nav.rudder", -35, 35, "profile", "random_walk"),
            bound("nav.rot", -20, 20, "profile", "random_walk", "follows", "me.load", "periodSeconds", 30),
            bound("nav.depth", 10, 200),
            bound(numeric("me.rpm_long", DataType.LONG, 0, 105), "profile", "speed", "follows", "me.load"),
            bound(numeric("tank.fw_long", DataType.LONG, 0, 200), "profile", "level", "periodSeconds", 300),
            bound(numeric("nav.hdg_long", DataType.LONG, 0, 360), "profile", "angle"),
            bound(numeric("misc.walk_long", DataType.LONG, 0, 10), "profile", "random_walk"));

    @Test
    void everyNumericProfileStaysInsideItsNormalRangeAndMoves() {
        SimulationModel model = SimulationModel.create(tags, 42);
        assertThat(model.problems()).isEmpty();
        Map<String, double[]> seen = new HashMap<>();
        for (int i = 0; i < TICKS; i++) {
            model.step(0.5);
            for (SimulatedTag t : model.tags()) {
                Object v = t.value();
                assertThat(v).isInstanceOf(t.dataType().javaType());
                double d = ((Number) v).doubleValue();
                Range normal = tags.stream()
                        .filter(b -> b.id().equals(t.id()))
                        .findFirst()
                        .orElseThrow()
                        .definition()
                        .normalRange();
                assertThat(normal.contains(d))
                        .as("%s = %s at tick %d, normal %s", t.id(), d, i, normal)
                        .isTrue();
                double[] mm = seen.computeIfAbsent(t.id(), k -> new double[] {d, d});
                mm[0] = Math.min(mm[0], d);
                mm[1] = Math.max(mm[1], d);
            }
        }
        seen.forEach((id, mm) -> assertThat(mm[1]).as("%s moves", id).isGreaterThan(mm[0]));
    }

    @Test
    void levelSweepsBetweenFiveAndNinetyFivePercentAndReverses() {
        SimulationModel model =
                SimulationModel.create(List.of(bound("tank.hfo", 0, 100, "profile", "level", "periodSeconds", 100)), 7);
        double min = 100;
        double max = 0;
        for (int i = 0; i < 2000; i++) {
            model.step(0.5);
            double v = (Double) model.values().get("tank.hfo");
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        assertThat(min).isBetween(4.0, 6.5);
        assertThat(max).isBetween(93.5, 96.0);
    }

    @Test
    void switchStartsFalseAndTogglesAboutEveryPeriod() {
        SimulationModel model = SimulationModel.create(
                List.of(bound(Tagz.bool("bilge.alarm"), "profile", "switch", "periodSeconds", 10)), 3);
        model.step(0.5);
        assertThat(model.values().get("bilge.alarm")).isEqualTo(false);
        int toggles = 0;
        Object last = false;
        for (int i = 0; i < 2000; i++) { // 1000 s
            model.step(0.5);
            Object v = model.values().get("bilge.alarm");
            if (!v.equals(last)) {
                toggles++;
            }
            last = v;
        }
        assertThat(toggles).isBetween(80, 125);
    }

    @Test
    void switchWithOnSecondsPulsesOncePerPeriod() {
        SimulationModel model = SimulationModel.create(
                List.of(bound(Tagz.bool("bilge.high"), "profile", "switch", "periodSeconds", 100, "onSeconds", 10)), 3);
        int pulses = 0;
        int trueTicks = 0;
        boolean last = false;
        for (int i = 0; i < 20_000; i++) { // 10,000 s
            model.step(0.5);
            boolean v = (Boolean) model.values().get("bilge.high");
            if (i < 160) {
                assertThat(v).as("no pulse in the first 80 s").isFalse();
            }
            if (v && !last) {
                pulses++;
            }
            trueTicks += v ? 1 : 0;
            last = v;
        }
        assertThat(pulses).isBetween(90, 110);
        assertThat(trueTicks / 20.0).isBetween(90.0, 110.0); // 20 ticks per pulse
    }

    @Test
    void randomWalkCrossesItsRangeInAboutAPeriod() {
        SimulationModel model = SimulationModel.create(
                List.of(bound("nav.rudder", -35, 35, "profile", "random_walk", "periodSeconds", 60)), 8);
        double min = 35;
        double max = -35;
        double largestStep = 0;
        double previous = Double.NaN;
        for (int i = 0; i < 2400; i++) { // 20 periods
            model.step(0.5);
            double v = (Double) model.values().get("nav.rudder");
            min = Math.min(min, v);
            max = Math.max(max, v);
            if (!Double.isNaN(previous)) {
                largestStep = Math.max(largestStep, Math.abs(v - previous));
            }
            previous = v;
        }
        assertThat(max - min).isGreaterThan(0.8 * 70);
        assertThat(largestStep).as("smooth, not jumping").isLessThan(0.1 * 70);
    }
}
