package org.vmsseaman.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RealtimeSubscriptionTest {

    private static final Map<String, String> SYSTEMS =
            Map.of("me.lube_oil.pressure", "me", "ae1.load", "ae1", "tank.fo.level", "tanks");

    private static RealtimeSubscription of(Set<String> tags, Set<String> groups) {
        return new RealtimeSubscription(tags, groups, SYSTEMS::get);
    }

    @Test
    void aStarMatchesAnyRunOfCharactersIncludingDots() {
        RealtimeSubscription s = of(Set.of("me.*", "*.level"), Set.of());
        assertThat(s.matches("me.lube_oil.pressure")).isTrue();
        assertThat(s.matches("tank.fo.level")).isTrue();
        assertThat(s.matches("ae1.load")).isFalse();
        assertThat(s.matches("mex.lube")).as("the dot is literal").isFalse();
    }

    @Test
    void aGroupMatchesTheTagsOfItsSystem() {
        RealtimeSubscription s = of(Set.of(), Set.of("ae1"));
        assertThat(s.matches("ae1.load")).isTrue();
        assertThat(s.matches("me.lube_oil.pressure")).isFalse();
        assertThat(s.matches("unknown.tag")).isFalse();
    }

    @Test
    void subscribingAddsOrReplacesAndUnsubscribingRemovesExactEntries() {
        RealtimeSubscription all = RealtimeSubscription.everything(SYSTEMS::get);
        assertThat(all.matches("anything")).isTrue();
        RealtimeSubscription narrow = all.plus(List.of("me.*"), List.of("tanks"), true);
        assertThat(narrow.tags()).containsExactly("me.*");
        assertThat(narrow.groups()).containsExactly("tanks");
        assertThat(narrow.matches("ae1.load")).isFalse();
        assertThat(narrow.matches("tank.fo.level")).isTrue();
        RealtimeSubscription wider = narrow.plus(List.of("ae1.*"), List.of(), false);
        assertThat(wider.size()).isEqualTo(3);
        assertThat(wider.matches("ae1.load")).isTrue();
        RealtimeSubscription less = wider.minus(List.of("me.*"), List.of("tanks"));
        assertThat(less.tags()).containsExactly("ae1.*");
        assertThat(less.matches("me.lube_oil.pressure")).isFalse();
        assertThat(less.minus(List.of("ae1.*"), List.of()).matches("ae1.load")).isFalse();
    }
}
