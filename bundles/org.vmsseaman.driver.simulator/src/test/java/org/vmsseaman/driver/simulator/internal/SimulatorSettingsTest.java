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
}
