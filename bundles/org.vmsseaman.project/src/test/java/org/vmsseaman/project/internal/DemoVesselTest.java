package org.vmsseaman.project.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.vmsseaman.api.project.AlarmDefinition;
import org.vmsseaman.api.project.AlarmKind;
import org.vmsseaman.api.project.TagBinding;
import org.vmsseaman.api.project.VesselProject;
import org.vmsseaman.api.tag.TagDefinition;

class DemoVesselTest {
    private static final Set<String> PROFILES = Set.of(
            "load",
            "thermal",
            "pressure",
            "level",
            "speed",
            "switch",
            "constant_bool",
            "position",
            "angle",
            "random_walk",
            "difference");

    private final VesselProject demo = loadDemo();

    private static VesselProject loadDemo() {
        try {
            return new ProjectReader().readBuiltIn("demo-vessel.vmsproj");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void demoVesselLoadsWithEveryTagBoundToTheSimulator() {
        assertThat(demo.source()).isEqualTo("demo:demo-vessel.vmsproj");
        assertThat(demo.vessel().name()).isEqualTo("MV Nordic Seaman");
        assertThat(demo.tags()).hasSizeGreaterThanOrEqualTo(220);
        assertThat(demo.alarms()).hasSizeGreaterThanOrEqualTo(40);
        assertThat(demo.devices()).singleElement().satisfies(d -> {
            assertThat(d.protocol()).isEqualTo("simulator");
            assertThat(d.settings()).containsEntry("tickMillis", 500L);
        });
        Map<String, TagBinding> bindings =
                demo.bindings().stream().collect(Collectors.toMap(TagBinding::tagId, Function.identity()));
        assertThat(bindings.keySet())
                .isEqualTo(demo.tags().stream().map(TagDefinition::id).collect(Collectors.toSet()));
        assertThat(demo.bindingsOf("sim")).hasSize(demo.tags().size());
    }

    @Test
    void simulatorAddressesUseTheDocumentedKeys() {
        Set<String> ids = demo.tags().stream().map(TagDefinition::id).collect(Collectors.toSet());
        for (TagBinding b : demo.bindings()) {
            assertThat(b.address().keySet())
                    .as(b.tagId())
                    .isSubsetOf("profile", "follows", "periodSeconds", "onSeconds", "value", "axis", "reference");
            assertThat(PROFILES).as(b.tagId()).contains((String) b.address().get("profile"));
            if (b.address().containsKey("follows")) {
                assertThat(ids).as(b.tagId()).contains((String) b.address().get("follows"));
            }
        }
    }

    @Test
    void demoCoversTheShipsSystemsAndAlarmKinds() {
        assertThat(demo.systems())
                .extracting(s -> s.id())
                .contains("me", "dg1", "dg2", "dg3", "msb", "tanks", "bilge", "steering", "fire", "nav");
        assertThat(demo.tag("me.lube_oil.inlet_pressure")).get().satisfies(t -> {
            assertThat(t.unit()).isEqualTo("bar");
            assertThat(t.normalRange().min()).isEqualTo(3.5);
            assertThat(t.expectedInterval()).hasSeconds(5);
        });
        assertThat(demo.tags())
                .extracting(TagDefinition::unit)
                .contains(
                        "bar", "degC", "rpm", "kW", "V", "Hz", "A", "m3", "%", "m", "kn", "deg", "m/s", "kg/h", "l/h");
        assertThat(demo.alarms())
                .extracting(AlarmDefinition::kind)
                .contains(AlarmKind.LIMIT, AlarmKind.DISCRETE, AlarmKind.DEVIATION);
        AlarmDefinition low = demo.alarms().stream()
                .filter(a -> a.id().equals("me.lube_oil.inlet_pressure.l"))
                .findFirst()
                .orElseThrow();
        assertThat(low.tagId()).isEqualTo("me.lube_oil.inlet_pressure");
        assertThat(low.suppressedBy()).isEqualTo("me.stopped");
        assertThat(low.onDelay()).hasSeconds(5);
        for (TagDefinition t : demo.tags()) {
            if (t.normalRange() != null) {
                assertThat(t.displayRange()).as(t.id()).isNotNull();
            }
        }
    }

    @Test
    void minimalExampleHasThreeTagsAndDefaultsApplied() throws Exception {
        VesselProject minimal = new ProjectReader().readBuiltIn("minimal.vmsproj");
        assertThat(minimal.tags()).hasSize(3);
        TagDefinition stopped = minimal.tag("me.stopped").orElseThrow();
        assertThat(stopped.writable()).isFalse();
        assertThat(stopped.historian().enabled()).isTrue();
        assertThat(stopped.historian().maxInterval()).hasSeconds(60);
        AlarmDefinition overspeed = minimal.alarms().stream()
                .filter(a -> a.id().equals("me.speed.hh"))
                .findFirst()
                .orElseThrow();
        assertThat(overspeed.ackRequired()).isTrue();
        assertThat(overspeed.group()).isEqualTo("me");
        assertThat(overspeed.offDelay()).isZero();
        assertThat(overspeed.referenceTag()).isEmpty();
        assertThat(overspeed.suppressedBy()).isEmpty();
    }
}
