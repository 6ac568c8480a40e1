package org.vmsseaman.driver.simulator.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vmsseaman.api.driver.DriverException;
import org.vmsseaman.api.project.DeviceDefinition;

/** Device settings: defaults, accepted forms, and a DriverException naming a bad setting. */
class SimulatorSettingsTest {

    private static SimulatorSettings settings(Map<String, Object> s) throws DriverException {
        return SimulatorSettings.of(new DeviceDefinition("sim", "simulator", "Sim", true, s));
    }

    @Test
    void defaults() throws DriverException {
        SimulatorSettings s = settings(Map.of());
        assertThat(s.tickMillis()).isEqualTo(500);
        assertThat(s.seed()).isEqualTo("sim".hashCode());
    }

    @Test
    void numbersAndNumericStrings() throws DriverException {
        assertThat(settings(Map.of("tickMillis", 10, "seed", 7L))).isEqualTo(new SimulatorSettings(10, 7));
        assertThat(settings(Map.of("tickMillis", 250.0, "seed", "-3"))).isEqualTo(new SimulatorSettings(250, -3));
    }

    @Test
    void badTickMillisIsADriverExceptionNamingTheSetting() {
        for (Object bad : List.of(5, 0, -100, 12.5, "fast", true, 4_000_000)) {
            assertThatThrownBy(() -> settings(Map.of("tickMillis", bad)))
                    .as("%s", bad)
                    .isInstanceOf(DriverException.class)
                    .hasMessageContaining("tickMillis");
        }
    }

    @Test
    void badSeedIsADriverExceptionNamingTheSetting() {
        assertThatThrownBy(() -> settings(Map.of("seed", "abc")))
                .isInstanceOf(DriverException.class)
                .hasMessageContaining("seed");
    }

    @Test
    void devicesStartedTogetherTickSpreadOverThePeriodAndKeepTheirPhase() throws DriverException {
        java.util.Set<Long> phases = new java.util.HashSet<>();
        long[] perQuarter = new long[4];
        for (int d = 0; d < 100; d++) {
            SimulatorSettings s = SimulatorSettings.of(
                    new DeviceDefinition("sim" + d, "simulator", "Sim", true, Map.of("tickMillis", 100)));
            long phase = s.phaseMillis();
            assertThat(phase).isBetween(1L, 100L);
            assertThat(s.phaseMillis()).isEqualTo(phase);
            phases.add(phase);
            perQuarter[(int) ((phase - 1) / 25)]++;
        }
        assertThat(phases).hasSizeGreaterThan(50);
        for (long n : perQuarter) {
            assertThat(n).as("devices per quarter of the period").isBetween(10L, 40L);
        }
    }
}
