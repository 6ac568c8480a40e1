package org.vmsseaman.historian.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vmsseaman.historian.internal.Fixture.T0;
import static org.vmsseaman.historian.internal.Fixture.tag;
import static org.vmsseaman.historian.internal.Fixture.value;

import org.junit.jupiter.api.Test;
import org.vmsseaman.api.tag.DataType;

class InMemoryTest {

    @Test
    void recordsAndAnswersWithoutAFile() {
        try (Fixture f = new Fixture(null, 50, tag("a.one", DataType.DOUBLE))) {
            f.publish(value("a.one", 3.5, T0));
            f.awaitIdle();

            assertThat(f.values("a.one")).containsExactly(3.5);
            assertThat(f.historian.stats().fileBytes()).isZero();
            assertThat(f.historian.stats().totalSamples()).isEqualTo(1);
        }
    }
}
