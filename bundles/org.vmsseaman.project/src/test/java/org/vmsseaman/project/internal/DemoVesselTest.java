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
    void demoVesselLoadsWithEveryTagBoundToTheSimulatorOrTheDisabledTankGauge() {
        assertThat(demo.source()).isEqualTo("demo:demo-vessel.vmsproj");
        assertThat(demo.vessel().name()).isEqualTo("MV Nordic Seaman");
        assertThat(demo.tags()).hasSizeGreaterThanOrEqualTo(220);
        assertThat(demo.alarms()).hasSizeGreaterThanOrEqualTo(40);
        assertThat(demo.devices()).hasSize(2);
        assertThat(demo.devices().get(0)).satisfies(d -> {
            assertThat(d.protocol()).isEqualTo("simulator");
            assertThat(d.settings()).containsEntry("tickMillis", 500L);
        });
        // a Modbus tank gauge, disabled until a real gauge is configured (its tags are BAD out of service)
        assertThat(demo.devices().get(1)).satisfies(d -> {
            assertThat(d.id()).isEqualTo("tankgauge");
            assertThat(d.protocol()).isEqualTo("modbus-tcp");
            assertThat(d.enabled()).isFalse();
        });
        Map<String, TagBinding> bindings =
                demo.bindings().stream().collect(Collectors.toMap(TagBinding::tagId, Function.identity()));
        assertThat(bindings.keySet())
                .isEqualTo(demo.tags().stream().map(TagDefinition::id).collect(Collectors.toSet()));
        assertThat(demo.bindingsOf("sim").size() + demo.bindingsOf("tankgauge").size())
                .isEqualTo(demo.tags().size());
        assertThat(demo.bindingsOf("tankgauge")).hasSize(4);
        assertThat(demo.alarms()).as("no alarms on the disabled gauge's tags").noneMatch(a -> a.tagId()
                .startsWith("tanks.gauge."));
    }

    @Test
    void simulatorAddressesUseTheDocumentedKeys() {
        Set<String> ids = demo.tags().stream().map(TagDefinition::id).collect(Collectors.toSet());
        for (TagBinding b : demo.bindingsOf("sim")) {
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
