package org.vmsseaman.alarm.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.vmsseaman.api.alarm.AlarmEvent;
import org.vmsseaman.api.alarm.Transition;
import org.vmsseaman.api.project.AlarmDefinition;
import org.vmsseaman.api.project.AlarmKind;
import org.vmsseaman.api.project.AlarmPriority;
import org.vmsseaman.api.project.DeviceDefinition;
import org.vmsseaman.api.project.SystemGroup;
import org.vmsseaman.api.project.TagBinding;
import org.vmsseaman.api.project.VesselInfo;
import org.vmsseaman.api.project.VesselProject;
import org.vmsseaman.api.tag.DataType;
import org.vmsseaman.api.tag.HistorianPolicy;
import org.vmsseaman.api.tag.Quality;
import org.vmsseaman.api.tag.TagDefinition;
import org.vmsseaman.api.tag.TagValue;

/** A controllable clock, a small project builder and an engine that records what it journals. */
final class Fixture {

    static final Instant START = Instant.parse("2026-11-21T08:00:00Z");

    /** A clock that moves only when told to. */
    static final class ManualClock implements InstantSource {
        private Instant now = START;

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }
    }

    /** Builds a vessel project with tags on one device. */
    static final class Project {
        private final List<TagDefinition> tags = new ArrayList<>();
        private final List<AlarmDefinition> alarms = new ArrayList<>();
        private final List<TagBinding> bindings = new ArrayList<>();

        Project tag(String id, DataType type) {
            tags.add(new TagDefinition(
                    id,
                    id,
                    "",
                    "me",
                    type,
                    "",
                    null,
                    null,
                    false,
                    HistorianPolicy.DEFAULT,
                    Duration.ofSeconds(10),
                    List.of()));
            bindings.add(new TagBinding(id, "plc", Map.of()));
            return this;
        }

        Project alarm(AlarmDefinition d) {
            alarms.add(d);
            return this;
        }

        VesselProject build() {
            return new VesselProject(
                    1,
                    "test",
                    new VesselInfo("MV Test", "", "", "", "", ""),
                    List.of(new SystemGroup("me", "Main Engine", "")),
                    tags,
                    alarms,
                    List.of(new DeviceDefinition("plc", "modbus", "Engine PLC", true, Map.of())),
                    bindings);
        }
    }

    /** A limit alarm. */
    static AlarmDefinition limit(
            String id, String tag, String op, double setpoint, double deadband, int onDelay, int offDelay) {
        return new AlarmDefinition(
                id,
                tag,
                AlarmKind.LIMIT,
                op,
                setpoint,
                "",
                AlarmPriority.ALARM,
                "me",
                Duration.ofSeconds(onDelay),
                Duration.ofSeconds(offDelay),
                deadband,
                true,
                id + " message",
                "");
    }

    static AlarmDefinition with(
            AlarmDefinition d, AlarmPriority priority, boolean ackRequired, String suppressedBy, String group) {
        return new AlarmDefinition(
                d.id(),
                d.tagId(),
                d.kind(),
                d.operator(),
                d.setpoint(),
                d.referenceTag(),
                priority,
                group,
                d.onDelay(),
                d.offDelay(),
                d.deadband(),
                ackRequired,
                d.message(),
                suppressedBy);
    }

    static AlarmDefinition kind(
            String id, String tag, AlarmKind kind, String op, double setpoint, String reference, double deadband) {
        return new AlarmDefinition(
                id,
                tag,
                kind,
                op,
                setpoint,
                reference,
                AlarmPriority.ALARM,
                "me",
                Duration.ZERO,
                Duration.ZERO,
                deadband,
                true,
                id,
                "");
    }

    final ManualClock clock = new ManualClock();
    final List<AlarmEvent> journal = new ArrayList<>();
    final AlarmEngine engine;

    Fixture(VesselProject project) {
        this(project, AlarmSettings.defaults());
    }

    Fixture(VesselProject project, AlarmSettings settings) {
        engine = new AlarmEngine(project, settings, clock, events -> {
            journal.addAll(events);
            return CompletableFuture.completedFuture(null);
        });
    }

    /** Publishes a GOOD value now. */
    void value(String tag, Object value) {
        engine.onValues(List.of(new TagValue(tag, value, Quality.GOOD, micros(), micros(), null)));
    }

    void bad(String tag, Quality quality) {
        engine.onValues(List.of(new TagValue(tag, null, quality, micros(), micros(), null)));
    }

    void advance(int seconds) {
        clock.advance(Duration.ofSeconds(seconds));
        engine.tick();
    }

    void advanceMillis(long millis) {
        clock.advance(Duration.ofMillis(millis));
        engine.tick();
    }

    long micros() {
        return TimeUtil.micros(clock.instant());
    }

    /** The transitions journalled for one alarm, in order. */
    List<Transition> transitions(String alarmId) {
        return journal.stream()
                .filter(e -> e.alarmId().equals(alarmId))
                .map(AlarmEvent::transition)
                .toList();
    }

    AlarmEvent last() {
        return journal.get(journal.size() - 1);
    }
}
