package org.vmsseaman.driver.simulator.internal.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vmsseaman.driver.simulator.internal.Tags.bound;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.vmsseaman.api.tag.DataType;
import org.vmsseaman.api.tag.Range;

/** {@code follows}: followers move with their leader, thermal ones after a lag. */
class FollowsTest {

    /** A leader whose fraction the test sets. */
    private static final class Lever implements Signal {
        double fraction;

        @Override
        public void step(double dt) {}

        @Override
        public Object value() {
            return fraction;
        }

        @Override
        public double fraction() {
            return fraction;
        }
    }

    @Test
    void thermalFollowerRisesAfterALagWhenTheLoadRises() {
        Lever load = new Lever();
        load.fraction = 0.2;
        Range range = new Range(200, 400);
        LagSignal exhaust = new LagSignal(DataType.DOUBLE, range, null, new Random(1), LagSignal.THERMAL, load);
        for (int i = 0; i < 1200; i++) {
            exhaust.step(0.5);
        }
        double before = (Double) exhaust.value();
        load.fraction = 0.9;
        exhaust.step(0.5);
        exhaust.step(0.5);
        double afterOneSecond = (Double) exhaust.value();
        for (int i = 0; i < 600; i++) { // 5 time constants
            exhaust.step(0.5);
        }
        double settled = (Double) exhaust.value();
        double expectedRise = 0.7 * 0.7 * range.span();
        assertThat(afterOneSecond - before).isLessThan(0.1 * expectedRise);
        assertThat(settled - before).isGreaterThan(0.8 * expectedRise);
        assertThat(range.contains(settled)).isTrue();
    }

    @Test
    void thermalFollowerCorrelatesWithLoadAndLagsIt() {
        SimulationModel model = SimulationModel.create(
                List.of(
                        bound("me.load", 0, 100, "profile", "load", "periodSeconds", 300),
                        bound("me.exhaust.cyl1", 280, 420, "profile", "thermal", "follows", "me.load")),
                11);
        int n = 10_000;
        double[] load = new double[n];
        double[] temp = new double[n];
        for (int i = 0; i < n; i++) {
            model.step(0.5);
            load[i] = (Double) model.values().get("me.load");
            temp[i] = (Double) model.values().get("me.exhaust.cyl1");
        }
        double sameTime = correlation(load, temp, 0);
        double oneMinuteLater = correlation(load, temp, 120);
        assertThat(sameTime).isGreaterThan(0.5);
        assertThat(oneMinuteLater).isGreaterThan(sameTime);
    }

    @Test
    void pressureFollowingAStoppedMachineFallsToTheDisplayMinimum() {
        SimulationModel model = SimulationModel.create(
                List.of(
                        bound(Tagz.bool("me.running"), "profile", "constant_bool", "value", false),
                        bound("me.lube_oil.inlet_pressure", 3, 5, "profile", "pressure", "follows", "me.running"),
                        bound("me.cooling.temp", 70, 90, "profile", "thermal", "follows", "me.running")),
                5);
        for (int i = 0; i < 1000; i++) {
            model.step(0.5);
        }
        // Tags.numeric gives a display range one span either side of the normal range: [1, 7] and [50, 110]
        assertThat((Double) model.values().get("me.lube_oil.inlet_pressure")).isBetween(1.0, 1.1);
        assertThat((Double) model.values().get("me.cooling.temp")).isBetween(70.0, 71.0);
    }

    @Test
    void pressureAndSpeedOfARunningMachineAreNominalAndNeverAboveTheRange() {
        SimulationModel model = SimulationModel.create(
                List.of(
                        bound(Tagz.bool("dg1.running"), "profile", "switch", "periodSeconds", 300),
                        bound("dg1.voltage", 435, 445, "profile", "pressure", "follows", "dg1.running"),
                        bound("dg1.speed", 895, 905, "profile", "speed", "follows", "dg1.running")),
                5);
        double runningSum = 0;
        int runningTicks = 0;
        for (int i = 0; i < 10_000; i++) {
            model.step(0.5);
            double volts = (Double) model.values().get("dg1.voltage");
            double rpm = (Double) model.values().get("dg1.speed");
            assertThat(volts).isBetween(425.0, 445.0); // display range [425, 455]: may fall below while stopped
            assertThat(rpm).isBetween(885.0, 905.0);
            if (Boolean.TRUE.equals(model.values().get("dg1.running")) && rpm >= 895) {
                runningSum += volts;
                runningTicks++;
            }
        }
        assertThat(runningTicks).isGreaterThan(2000);
        assertThat(runningSum / runningTicks).isBetween(438.0, 442.0);
    }

    @Test
    void badFollowsIsAnErrorOfThatTagOnly() {
        SimulationModel model = SimulationModel.create(
                List.of(
                        bound("me.load", 0, 100, "profile", "load"),
                        bound("me.exhaust.cyl1", 280, 420, "profile", "thermal", "follows", "me.nope"),
                        bound("a.one", 0, 1, "profile", "thermal", "follows", "a.two"),
                        bound("a.two", 0, 1, "profile", "thermal", "follows", "a.one"),
                        bound("a.self", 0, 1, "profile", "pressure", "follows", "a.self"),
                        bound(Tagz.string("a.text")),
                        bound("a.on_text", 0, 1, "profile", "pressure", "follows", "a.text"),
                        bound("me.exhaust.cyl2", 280, 420, "profile", "thermal", "follows", "me.load")),
                1);
        assertThat(model.problems())
                .extracting(ConfigProblem::tagId)
                .containsExactlyInAnyOrder("me.exhaust.cyl1", "a.one", "a.two", "a.self", "a.on_text");
        assertThat(model.problems())
                .filteredOn(p -> p.tagId().equals("me.exhaust.cyl1"))
                .singleElement()
                .extracting(ConfigProblem::message)
                .asString()
                .contains("me.nope");
        model.step(0.5);
        assertThat(model.values()).containsOnlyKeys("me.load", "a.text", "me.exhaust.cyl2");
    }

    private static double correlation(double[] x, double[] y, int lag) {
        int n = x.length - lag;
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i];
            my += y[i + lag];
        }
        mx /= n;
        my /= n;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            double dx = x[i] - mx;
            double dy = y[i + lag] - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        return sxy / Math.sqrt(sxx * syy);
    }
}
