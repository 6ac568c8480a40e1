package org.vmsseaman.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReplayBufferTest {

    @Test
    void keepsTheNewestMessagesWithinTheCountLimit() {
        ReplayBuffer b = new ReplayBuffer(3, 1_000);
        for (long s = 1; s <= 5; s++) {
            b.add(s, RealtimeMessage.of("m" + s));
        }
        assertThat(b.size()).isEqualTo(3);
        assertThat(b.get(2)).isNull();
        assertThat(b.get(3).text()).isEqualTo("m3");
        assertThat(b.get(5).text()).isEqualTo("m5");
        assertThat(b.get(6)).isNull();
        assertThat(b.covers(2, 5)).as("3..5 are all kept").isTrue();
        assertThat(b.covers(1, 5)).as("2 is gone").isFalse();
        assertThat(b.covers(5, 5)).as("nothing missed").isTrue();
        assertThat(b.covers(6, 5)).as("a seq never sent").isFalse();
    }

    @Test
    void dropsTheOldestBeyondTheByteLimitButKeepsTheNewest() {
        ReplayBuffer b = new ReplayBuffer(100, 10);
        b.add(1, RealtimeMessage.of("aaaa"));
        b.add(2, RealtimeMessage.of("bbbb"));
        b.add(3, RealtimeMessage.of("cccc"));
        assertThat(b.bytes()).isEqualTo(8);
        assertThat(b.get(1)).isNull();
        b.add(4, RealtimeMessage.of("a message longer than the limit"));
        assertThat(b.size())
                .as("the newest is kept even if it alone is too long")
                .isEqualTo(1);
        assertThat(b.get(4).text()).startsWith("a message");
    }

    @Test
    void refusesAGapInSequenceNumbers() {
        ReplayBuffer b = new ReplayBuffer(10, 100);
        b.add(7, RealtimeMessage.of("x"));
        assertThatThrownBy(() -> b.add(9, RealtimeMessage.of("y"))).isInstanceOf(IllegalArgumentException.class);
    }
}
