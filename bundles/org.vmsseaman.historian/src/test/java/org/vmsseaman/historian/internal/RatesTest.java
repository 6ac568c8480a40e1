package org.vmsseaman.historian.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RatesTest {

    private static final long S = 1_000_000_000L;

    @Test
    void ratesCoverTheTimeBetweenReadingsAtLeastASecondApart() {
        Rates rates = new Rates();
        assertThat(rates.update(10 * S, 1_000, 900)).containsExactly(0.0, 0.0);
        assertThat(rates.update(10 * S + S / 2, 1_500, 1_000))
                .as("too soon: no rate yet")
                .containsExactly(0.0, 0.0);
        assertThat(rates.update(12 * S, 5_000, 4_900)).containsExactly(2_000.0, 2_000.0);
        assertThat(rates.update(12 * S + S / 10, 9_000, 4_900))
                .as("too soon: the last rates")
                .containsExactly(2_000.0, 2_000.0);
        assertThat(rates.update(16 * S, 9_000, 8_900)).containsExactly(1_000.0, 1_000.0);
    }
}
