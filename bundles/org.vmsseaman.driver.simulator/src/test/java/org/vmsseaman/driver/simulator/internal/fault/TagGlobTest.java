package org.vmsseaman.driver.simulator.internal.fault;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TagGlobTest {

    @Test
    void globs() {
        assertThat(new TagGlob("").matches("any.tag")).isTrue();
        assertThat(new TagGlob("me.exhaust.*").matches("me.exhaust.cyl1.temp")).isTrue();
        assertThat(new TagGlob("me.exhaust.*").matches("me.exhaustx.cyl1")).isFalse();
        assertThat(new TagGlob("me.exhaust.*").matches("ge.me.exhaust.cyl1")).isFalse();
        assertThat(new TagGlob("me.lube_oil.inlet_pressure").matches("me.lube_oil.inlet_pressure"))
                .isTrue();
        assertThat(new TagGlob("me.lube_oil.inlet_pressure").matches("me.lube_oil.inlet_pressure2"))
                .isFalse();
        assertThat(new TagGlob("ge?.power").matches("ge2.power")).isTrue();
        assertThat(new TagGlob("*.power").matches("ge2.power")).isTrue();
        assertThat(new TagGlob("ge1.(x)+").matches("ge1.(x)+")).isTrue();
    }
}
