package org.vmsseaman.driver.simulator.internal.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.vmsseaman.api.tag.Quality;

class FaultSpecTest {

    @Test
    void invalidAttributesAreRefusedWithTheirName() {
        assertThatThrownBy(() -> FaultSpec.of("", "", FaultType.FROZEN).withTiming(-1, 0))
                .hasMessageContaining("startDelaySeconds");
        assertThatThrownBy(() -> FaultSpec.of("", "", FaultType.FROZEN).withTiming(0, Double.NaN))
                .hasMessageContaining("durationSeconds");
        assertThatThrownBy(() -> FaultSpec.of("", "", FaultType.SPIKE).withShape(2, -1))
                .hasMessageContaining("periodSeconds");
        assertThatThrownBy(() -> FaultSpec.of("", "", FaultType.SPIKE).withShape(Double.POSITIVE_INFINITY, 1))
                .hasMessageContaining("magnitude");
        assertThatThrownBy(() -> FaultSpec.of("", "", FaultType.BAD_QUALITY).withQuality(Quality.GOOD))
                .hasMessageContaining("quality");
    }

    @Test
    void emptyDeviceMeansEveryDevice() {
        assertThat(FaultSpec.of("", "", FaultType.OFFLINE).appliesToDevice("sim"))
                .isTrue();
        assertThat(FaultSpec.of("sim", "", FaultType.OFFLINE).appliesToDevice("sim"))
                .isTrue();
        assertThat(FaultSpec.of("sim", "", FaultType.OFFLINE).appliesToDevice("sim2"))
                .isFalse();
    }
}
