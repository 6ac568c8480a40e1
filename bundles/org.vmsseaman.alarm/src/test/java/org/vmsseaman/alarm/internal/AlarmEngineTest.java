package org.vmsseaman.alarm.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vmsseaman.alarm.internal.Fixture.kind;
import static org.vmsseaman.alarm.internal.Fixture.limit;
import static org.vmsseaman.alarm.internal.Fixture.with;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vmsseaman.api.alarm.Alarm;
import org.vmsseaman.api.alarm.AlarmCommandException;
import org.vmsseaman.api.alarm.AlarmEvent;
import org.vmsseaman.api.alarm.AlarmState;
import org.vmsseaman.api.alarm.EngineerCall;
import org.vmsseaman.api.alarm.Transition;
import org.vmsseaman.api.project.AlarmKind;
import org.vmsseaman.api.project.AlarmPriority;
import org.vmsseaman.api.tag.DataType;
import org.vmsseaman.api.tag.Quality;

class AlarmEngineTest {

    private static final String TEMP = "me.cooling.temp";
    private static final String PRESS = "me.lube_oil.pressure";
    private static final String STOPPED = "me.stopped";

    private static Fixture fixture(org.vmsseaman.api.project.AlarmDefinition... alarms) {
        Fixture.Project p = new Fixture.Project()
                .tag(TEMP, DataType.DOUBLE)
                .tag(PRESS, DataType.DOUBLE)
                .tag(STOPPED, DataType.BOOLEAN)
                .tag("me.mean", DataType.DOUBLE)
                .tag("bilge.high", DataType.BOOLEAN);
        for (var a : alarms) {
            p.alarm(a);
        }
        return new Fixture(p.build());
    }

    private static AlarmState state(Fixture f, String id) {
        return f.engine.alarm(id).orElseThrow().state();
    }

    @Test
    void onDelayRaisesOnlyWhenTheConditionHoldsLongEnoughEvenWithoutNewValues() {
        Fixture f = fixture(limit("t.h", TEMP, ">", 90, 2, 5, 0));
        f.value(TEMP, 95.0);
        f.advance(4);
        f.value(TEMP, 80.0); // gone before the on-delay ran out
        f.advance(10);
        assertThat(f.transitions("t.h")).isEmpty();

        f.value(TEMP, 95.0);
        f.advance(4);
        assertThat(state(f, "t.h")).isEqualTo(AlarmState.NORMAL);
        f.advance(1); // 5 s after the value, no further value needed
        assertThat(f.transitions("t.h")).containsExactly(Transition.RAISED);
        Alarm a = f.engine.alarm("t.h").orElseThrow();
        assertThat(a.state()).isEqualTo(AlarmState.UNACKNOWLEDGED);
        assertThat(a.value()).isEqualTo(95.0);
        assertThat(a.raisedAt()).isEqualTo(Fixture.START.plusSeconds(19));
        assertThat(a.occurrence()).isPositive();
    }

    @Test
    void deadbandIsAppliedWhenLeavingTheAlarmOnly() {
        Fixture f = fixture(limit("t.h", TEMP, ">", 90, 2, 0, 0));
        f.value(TEMP, 89.0);
        f.value(TEMP, 90.0); // > is strict
        assertThat(state(f, "t.h")).isEqualTo(AlarmState.NORMAL);
        f.value(TEMP, 90.5);
        assertThat(state(f, "t.h")).isEqualTo(AlarmState.UNACKNOWLEDGED);
        f.value(TEMP, 88.5); // below the setpoint but inside the deadband
        assertThat(state(f, "t.h")).isEqualTo(AlarmState.UNACKNOWLEDGED);
        f.value(TEMP, 88.0); // 90 - 2: leaves (> 88 no longer holds)
        assertThat(state(f, "t.h")).isEqualTo(AlarmState.RTN_UNACKNOWLEDGED);
        f.value(TEMP, 89.5); // back below the setpoint: the deadband no longer applies, no new alarm
        assertThat(f.transitions("t.h")).containsExactly(Transition.RAISED, Transition.CLEARED);
    }

    @Test
    void lowLimitDeadbandAndOperatorsWithEquality() {
        Fixture f = fixture(limit("p.l", PRESS, "<=", 3.2, 0.1, 0, 0));
        f.value(PRESS, 3.2);
        assertThat(state(f, "p.l")).isEqualTo(AlarmState.UNACKNOWLEDGED);
        f.value(PRESS, 3.3); // <= 3.3 still holds with the deadband
        assertThat(state(f, "p.l")).isEqualTo(AlarmState.UNACKNOWLEDGED);
        f.value(PRESS, 3.31);
        assertThat(state(f, "p.l")).isEqualTo(AlarmState.RTN_UNACKNOWLEDGED);
    }

    @Test
    void offDelayKeepsTheAlarmThroughShortReturns() {
        Fixture f = fixture(limit("t.h", TEMP, ">", 90, 0, 0, 10));
        f.value(TEMP, 95.0);
        f.value(TEMP, 80.0);
        f.advance(9);
        f.value(TEMP, 95.0); // back before the off-delay ran out
        f.advance(20);
        assertThat(state(f, "t.h")).isEqualTo(AlarmState.UNACKNOWLEDGED);
        f.value(TEMP, 80.0);
        f.advance(9);
        assertThat(state(f, "t.h")).isEqualTo(AlarmState.UNACKNOWLEDGED);
        f.advance(1);
        assertThat(state(f, "t.h")).isEqualTo(AlarmState.RTN_UNACKNOWLEDGED);
        assertThat(f.transitions("t.h")).containsExactly(Transition.RAISED, Transition.CLEARED);
    }

    @Test
    void acknowledgeThenClearReturnsToNormalAndANewFaultIsANewOccurrence() {
        Fixture f = fixture(limit("t.h", TEMP, ">", 90, 0, 0, 0));
        f.value(TEMP, 95.0);
        long first = f.engine.alarm("t.h").orElseThrow().occurrence();
        Alarm acked = f.engine.acknowledge("t.h", "chief").value();
        assertThat(acked.state()).isEqualTo(AlarmState.ACKNOWLEDGED);
        assertThat(acked.acknowledgedBy()).isEqualTo("chief");
        assertThat(f.last().user()).isEqualTo("chief");
        assertThat(f.last().state()).isEqualTo(AlarmState.ACKNOWLEDGED);

        f.value(TEMP, 80.0);
        assertThat(state(f, "t.h")).isEqualTo(AlarmState.NORMAL);
        assertThat(f.last().transition()).isEqualTo(Transition.CLEARED);
        assertThat(f.last().state()).isEqualTo(AlarmState.NORMAL);

        f.value(TEMP, 96.0);
        Alarm again = f.engine.alarm("t.h").orElseThrow();
        assertThat(again.state()).isEqualTo(AlarmState.UNACKNOWLEDGED);
        assertThat(again.occurrence()).isGreaterThan(first);
    }

    @Test
    void returnedToNormalUnacknowledgedIsKeptAndAReturnReactivatesTheSameOccurrence() {
        Fixture f = fixture(limit("t.h", TEMP, ">", 90, 0, 0, 0));
        f.value(TEMP, 95.0);
        long occurrence = f.engine.alarm("t.h").orElseThrow().occurrence();
        f.value(TEMP, 80.0);
        f.advance(3600);
        assertThat(state(f, "t.h")).isEqualTo(AlarmState.RTN_UNACKNOWLEDGED);
        f.value(TEMP, 95.0);
        Alarm a = f.engine.alarm("t.h").orElseThrow();
        assertThat(a.state()).isEqualTo(AlarmState.UNACKNOWLEDGED);
        assertThat(a.occurrence()).isEqualTo(occurrence);
        f.value(TEMP, 80.0);
        Alarm done = f.engine.acknowledge(Long.toString(occurrence), "oiler").value();
        assertThat(done.state()).isEqualTo(AlarmState.NORMAL);
        assertThat(f.transitions("t.h"))
                .containsExactly(
                        Transition.RAISED,
                        Transition.CLEARED,
                        Transition.REACTIVATED,
                        Transition.CLEARED,
                        Transition.ACKNOWLEDGED);
        assertThat(f.last().state()).isEqualTo(AlarmState.NORMAL);
    }

    @Test
    void acknowledgingOneAlarmNeverTouchesAnother() {
        Fixture f = fixture(limit("t.h", TEMP, ">", 90, 0, 0, 0), limit("t.hh", TEMP, ">", 100, 0, 0, 0));
        f.value(TEMP, 105.0);
        f.engine.acknowledge("t.h", "chief");
        assertThat(state(f, "t.h")).isEqualTo(AlarmState.ACKNOWLEDGED);
        assertThat(state(f, "t.hh")).isEqualTo(AlarmState.UNACKNOWLEDGED);
    }

    @Test
    void refusedCommandsSayWhy() {
        Fixture f = fixture(limit("t.h", TEMP, ">", 90, 0, 0, 0));
        assertThatThrownBy(() -> f.engine.acknowledge("nope", "chief"))
                .isInstanceOfSatisfying(AlarmCommandException.class, e -> assertThat(e.reason())
                        .isEqualTo(AlarmCommandException.Reason.NOT_FOUND))
                .hasMessageContaining("nope");
        assertThatThrownBy(() -> f.engine.acknowledge("t.h", "chief"))
                .isInstanceOfSatisfying(AlarmCommandException.class, e -> assertThat(e.reason())
                        .isEqualTo(AlarmCommandException.Reason.CONFLICT))
                .hasMessageContaining("nothing to acknowledge");
        f.value(TEMP, 95.0);
        assertThatThrownBy(() -> f.engine.acknowledge("t.h", " "))
                .isInstanceOfSatisfying(AlarmCommandException.class, e -> assertThat(e.reason())
                        .isEqualTo(AlarmCommandException.Reason.INVALID));
        f.engine.acknowledge("t.h", "chief");
        assertThatThrownBy(() -> f.engine.acknowledge("t.h", "second"))
                .isInstanceOfSatisfying(AlarmCommandException.class, e -> assertThat(e.reason())
                        .isEqualTo(AlarmCommandException.Reason.CONFLICT))
                .hasMessageContaining("already acknowledged by chief");
        assertThatThrownBy(() -> f.engine.acknowledge("999", "chief"))
                .isInstanceOfSatisfying(AlarmCommandException.class, e -> assertThat(e.reason())
                        .isEqualTo(AlarmCommandException.Reason.NOT_FOUND))
                .hasMessageContaining("999");
    }

    @Test
    void alarmWithoutAcknowledgementRequiredNeedsNone() {
        Fixture f = fixture(with(limit("t.h", TEMP, ">", 90, 0, 0, 0), AlarmPriority.CAUTION, false, "", "me"));
        f.value(TEMP, 95.0);
        assertThat(state(f, "t.h")).isEqualTo(AlarmState.ACKNOWLEDGED);
        f.value(TEMP, 80.0);
        assertThat(state(f, "t.h")).isEqualTo(AlarmState.NORMAL);
    }

    @Test
    void discreteDeviationAndRateOfChange() {
        Fixture f = fixture(
                kind("bilge.alm", "bilge.high", AlarmKind.DISCRETE, "==", 1, "", 0),
                kind("t.dev", TEMP, AlarmKind.DEVIATION, "", 10, "me.mean", 2),
                kind("p.roc", PRESS, AlarmKind.RATE_OF_CHANGE, "", 0.5, "", 0));
        f.value("bilge.high", true);
        assertThat(state(f, "bilge.alm")).isEqualTo(AlarmState.UNACKNOWLEDGED);
        f.value("bilge.high", false);
        assertThat(state(f, "bilge.alm")).isEqualTo(AlarmState.RTN_UNACKNOWLEDGED);

        f.value("me.mean", 300.0);
        f.value(TEMP, 309.0);
        assertThat(state(f, "t.dev")).isEqualTo(AlarmState.NORMAL);
        f.value(TEMP, 311.0);
        assertThat(state(f, "t.dev")).isEqualTo(AlarmState.UNACKNOWLEDGED);
        f.value("me.mean", 302.0); // the reference moves: deviation 9, inside the deadband (10 - 2)
        assertThat(state(f, "t.dev")).isEqualTo(AlarmState.UNACKNOWLEDGED);
        f.value("me.mean", 303.5); // deviation 7.5 <= 8: leaves
        assertThat(state(f, "t.dev")).isEqualTo(AlarmState.RTN_UNACKNOWLEDGED);

        f.value(PRESS, 4.0);
        f.advance(1);
        f.value(PRESS, 4.4); // 0.4 per second
        assertThat(state(f, "p.roc")).isEqualTo(AlarmState.NORMAL);
        f.advance(1);
        f.value(PRESS, 3.7); // 0.7 per second falling
        assertThat(state(f, "p.roc")).isEqualTo(AlarmState.UNACKNOWLEDGED);
        f.advance(2);
        f.value(PRESS, 3.6);
        assertThat(state(f, "p.roc")).isEqualTo(AlarmState.RTN_UNACKNOWLEDGED);
    }

    @Test
    void badQualityHoldsTheConditionAndRaisesTheSensorFault() {
        Fixture f = fixture(limit("t.h", TEMP, ">", 90, 0, 0, 0));
        f.value(TEMP, 95.0);
        f.bad(TEMP, Quality.BAD_SENSOR_FAILURE);
        assertThat(state(f, "t.h")).isEqualTo(AlarmState.UNACKNOWLEDGED); // not cleared by a broken wire
        Alarm fault = f.engine.alarm(TEMP + ".sensor_fault").orElseThrow();
        assertThat(fault.state()).isEqualTo(AlarmState.UNACKNOWLEDGED);
        assertThat(fault.priority()).isEqualTo(AlarmPriority.ALARM);
        f.value(TEMP, 80.0);
        assertThat(state(f, TEMP + ".sensor_fault")).isEqualTo(AlarmState.RTN_UNACKNOWLEDGED);
        assertThat(state(f, "t.h")).isEqualTo(AlarmState.RTN_UNACKNOWLEDGED);
        // a value that says nothing about the sensor (no value yet after a restart, no communication) holds it
        f.bad(TEMP, Quality.BAD_SENSOR_FAILURE);
        f.bad(TEMP, Quality.BAD_NO_VALUE);
        f.bad(TEMP, Quality.BAD_COMMUNICATION_FAILURE);
        assertThat(f.engine.alarm(TEMP + ".sensor_fault").orElseThrow().active())
                .isTrue();
        // a tag without alarms gets no sensor-fault alarm
        assertThat(f.engine.alarm("bilge.high.sensor_fault")).isEmpty();
    }

    @Test
    void communicationFaultPerDevice() {
        Fixture f = fixture(limit("t.h", TEMP, ">", 90, 0, 0, 0));
        String id = "device.plc.communication";
        f.bad(TEMP, Quality.BAD_COMMUNICATION_FAILURE);
        f.bad(PRESS, Quality.BAD_COMMUNICATION_FAILURE);
        Alarm a = f.engine.alarm(id).orElseThrow();
        assertThat(a.state()).isEqualTo(AlarmState.UNACKNOWLEDGED);
        assertThat(a.source()).isEqualTo("plc");
        f.value(TEMP, 50.0);
        assertThat(state(f, id)).isEqualTo(AlarmState.UNACKNOWLEDGED); // one tag still without communication
        f.value(PRESS, 4.0);
        assertThat(state(f, id)).isEqualTo(AlarmState.RTN_UNACKNOWLEDGED);
        assertThat(f.transitions(id)).containsExactly(Transition.RAISED, Transition.CLEARED);

        // restored after a restart while active: nothing known yet holds it, the first real value decides
        f.bad(TEMP, Quality.BAD_COMMUNICATION_FAILURE);
        Fixture g = fixture(limit("t.h", TEMP, ">", 90, 0, 0, 0));
        f.journal.forEach(g.engine::replay);
        g.engine.restored();
        g.bad(TEMP, Quality.BAD_NO_VALUE);
        assertThat(state(g, id)).isEqualTo(AlarmState.UNACKNOWLEDGED);
        g.value(TEMP, 50.0);
        assertThat(state(g, id)).isEqualTo(AlarmState.RTN_UNACKNOWLEDGED);
    }

    @Test
    void suppressionByDesignBlocksNewAlarmsKeepsUnseenOnesAndReArmsTheOnDelay() {
        Fixture f = fixture(with(limit("p.l", PRESS, "<", 3.2, 0.1, 5, 0), AlarmPriority.ALARM, true, STOPPED, "me"));
        f.value(STOPPED, false);
        f.value(PRESS, 2.0);
        f.advance(5);
        assertThat(state(f, "p.l")).isEqualTo(AlarmState.UNACKNOWLEDGED);
        f.value(STOPPED, true); // the engine stops (e.g. tripped on this very alarm)
        assertThat(state(f, "p.l")).isEqualTo(AlarmState.RTN_UNACKNOWLEDGED); // not hidden
        f.engine.acknowledge("p.l", "chief");
        assertThat(state(f, "p.l")).isEqualTo(AlarmState.SUPPRESSED);
        f.value(PRESS, 0.0);
        f.advance(60);
        assertThat(state(f, "p.l")).isEqualTo(AlarmState.SUPPRESSED);

        f.value(STOPPED, false); // engine starts: pressure gets the on-delay to build up
        f.advance(4);
        assertThat(state(f, "p.l")).isEqualTo(AlarmState.NORMAL);
        f.value(PRESS, 4.0);
        f.advance(10);
        assertThat(state(f, "p.l")).isEqualTo(AlarmState.NORMAL);
        assertThat(f.transitions("p.l"))
                .containsExactly(
                        Transition.RAISED, Transition.SUPPRESSED, Transition.ACKNOWLEDGED, Transition.UNSUPPRESSED);

        f.value(STOPPED, true);
        f.bad(STOPPED, Quality.BAD_COMMUNICATION_FAILURE); // unknown: fail safe, not suppressed
        assertThat(state(f, "p.l")).isEqualTo(AlarmState.NORMAL);
        List<Transition> all = f.transitions("p.l");
        assertThat(all.subList(all.size() - 2, all.size()))
                .containsExactly(Transition.SUPPRESSED, Transition.UNSUPPRESSED);
    }

    @Test
    void shelvingEndsTheOccurrenceAndReturnsByItself() {
        Fixture f = fixture(limit("t.h", TEMP, ">", 90, 0, 0, 0));
        f.value(TEMP, 95.0);
        long first = f.engine.alarm("t.h").orElseThrow().occurrence();
        assertThatThrownBy(() -> f.engine.shelve("t.h", "chief", "sensor drifting", Duration.ofHours(9)))
                .isInstanceOfSatisfying(AlarmCommandException.class, e -> assertThat(e.reason())
                        .isEqualTo(AlarmCommandException.Reason.INVALID));
        assertThatThrownBy(() -> f.engine.shelve("t.h", "chief", "", Duration.ofHours(1)))
                .isInstanceOf(AlarmCommandException.class)
                .hasMessageContaining("reason");
        Alarm shelved = f.engine
                .shelve("t.h", "chief", "sensor drifting", Duration.ofMinutes(30))
                .value();
        assertThat(shelved.state()).isEqualTo(AlarmState.SHELVED);
        assertThat(shelved.shelvedUntil()).isEqualTo(f.clock.instant().plus(Duration.ofMinutes(30)));
        assertThat(shelved.serviceBy()).isEqualTo("chief");
        AlarmEvent entry = f.last();
        assertThat(entry.transition()).isEqualTo(Transition.SHELVED);
        assertThat(entry.occurrence()).isEqualTo(first);
        assertThat(entry.detail()).isEqualTo("sensor drifting");
        assertThat(entry.until()).isEqualTo(shelved.shelvedUntil());

        f.value(TEMP, 80.0);
        f.value(TEMP, 99.0);
        f.advance(29 * 60);
        assertThat(state(f, "t.h")).isEqualTo(AlarmState.SHELVED);
        f.advance(60);
        Alarm back = f.engine.alarm("t.h").orElseThrow();
        assertThat(back.state()).isEqualTo(AlarmState.UNACKNOWLEDGED); // still present: a new occurrence
        assertThat(back.occurrence()).isGreaterThan(first);
        assertThat(f.transitions("t.h"))
                .containsExactly(Transition.RAISED, Transition.SHELVED, Transition.SHELVE_EXPIRED, Transition.RAISED);
        assertThat(f.journal.stream().filter(e -> e.transition() == Transition.SHELVE_EXPIRED))
                .allMatch(e -> e.user().equals(AlarmEvent.SYSTEM));
    }

    @Test
    void unshelveAndOutOfService() {
        Fixture f = fixture(limit("t.h", TEMP, ">", 90, 0, 0, 0));
        f.engine.shelve("t.h", "chief", "test", Duration.ofHours(1));
        f.value(TEMP, 95.0);
        assertThat(f.engine.unshelve("t.h", "chief").value().state()).isEqualTo(AlarmState.UNACKNOWLEDGED);
        assertThatThrownBy(() -> f.engine.unshelve("t.h", "chief")).hasMessageContaining("not shelved");

        Alarm oos =
                f.engine.removeFromService("t.h", "eto", "transmitter replaced").value();
        assertThat(oos.state()).isEqualTo(AlarmState.OUT_OF_SERVICE);
        assertThat(oos.serviceReason()).isEqualTo("transmitter replaced");
        assertThatThrownBy(() -> f.engine.shelve("t.h", "chief", "x", Duration.ofMinutes(5)))
                .hasMessageContaining("out of service");
        f.advance(3 * 24 * 3600); // out of service does not run out
        assertThat(state(f, "t.h")).isEqualTo(AlarmState.OUT_OF_SERVICE);
        f.value(TEMP, 50.0);
        assertThat(f.engine.returnToService("t.h", "eto").value().state()).isEqualTo(AlarmState.NORMAL);
    }

    @Test
    void unacknowledgedWarningEscalatesToAnAlarmAsANewOccurrence() {
        Fixture f = fixture(with(limit("t.h", TEMP, ">", 90, 0, 0, 0), AlarmPriority.WARNING, true, "", "me"));
        f.value(TEMP, 95.0);
        long warning = f.engine.alarm("t.h").orElseThrow().occurrence();
        f.advance(299);
        assertThat(f.engine.alarm("t.h").orElseThrow().priority()).isEqualTo(AlarmPriority.WARNING);
        f.advance(1);
        Alarm a = f.engine.alarm("t.h").orElseThrow();
        assertThat(a.priority()).isEqualTo(AlarmPriority.ALARM);
        assertThat(a.state()).isEqualTo(AlarmState.UNACKNOWLEDGED);
        assertThat(a.escalatedFrom()).isEqualTo(warning);
        assertThat(a.occurrence()).isNotEqualTo(warning);
        List<AlarmEvent> tail = f.journal.subList(f.journal.size() - 2, f.journal.size());
        assertThat(tail.get(0).transition()).isEqualTo(Transition.ESCALATED);
        assertThat(tail.get(0).related()).isEqualTo(a.occurrence());
        assertThat(tail.get(1).transition()).isEqualTo(Transition.RAISED);
        assertThat(tail.get(1).priority()).isEqualTo(AlarmPriority.ALARM);
        assertThat(tail.get(1).related()).isEqualTo(warning);
        // an acknowledged warning does not escalate
        Fixture g = fixture(with(limit("t.h", TEMP, ">", 90, 0, 0, 0), AlarmPriority.WARNING, true, "", "me"));
        g.value(TEMP, 95.0);
        g.engine.acknowledge("t.h", "oiler");
        g.advance(3600);
        assertThat(g.transitions("t.h")).containsExactly(Transition.RAISED, Transition.ACKNOWLEDGED);
    }

    @Test
    void engineerCallStartsAfterTheGroupTimeThenCallsEveryoneAndEndsOnAcknowledgement() {
        AlarmSettings defaults = AlarmSettings.defaults();
        AlarmSettings settings = new AlarmSettings(
                defaults.engineerCallDelay(),
                Map.of("fire", Duration.ofSeconds(30)),
                defaults.allEngineersDelay(),
                defaults.warningEscalation(),
                defaults.maxShelve(),
                defaults.watchPeriod(),
                defaults.watchPrewarning(),
                true,
                true);
        Fixture f = new Fixture(
                new Fixture.Project()
                        .tag(TEMP, DataType.DOUBLE)
                        .tag("bilge.high", DataType.BOOLEAN)
                        .alarm(limit("t.h", TEMP, ">", 90, 0, 0, 0))
                        .alarm(with(
                                kind("fire.alm", "bilge.high", AlarmKind.DISCRETE, "==", 1, "", 0),
                                AlarmPriority.EMERGENCY,
                                true,
                                "",
                                "fire"))
                        .build(),
                settings);
        f.value(TEMP, 95.0);
        f.advance(179);
        assertThat(f.engine.engineerCall().stage()).isEqualTo(EngineerCall.Stage.NONE);
        f.advance(1);
        EngineerCall call = f.engine.engineerCall();
        assertThat(call.stage()).isEqualTo(EngineerCall.Stage.DUTY_ENGINEER);
        assertThat(call.causes())
                .containsExactly(f.engine.alarm("t.h").orElseThrow().occurrence());
        f.advance(119);
        assertThat(f.engine.engineerCall().stage()).isEqualTo(EngineerCall.Stage.DUTY_ENGINEER);
        f.advance(1);
        assertThat(f.engine.engineerCall().stage()).isEqualTo(EngineerCall.Stage.ALL_ENGINEERS_AND_BRIDGE);
        f.engine.acknowledge("t.h", "2nd engineer");
        assertThat(f.engine.engineerCall().stage()).isEqualTo(EngineerCall.Stage.NONE);
        assertThat(f.transitions(AlarmEngine.ENGINEER_CALL_ID))
                .containsExactly(Transition.ENGINEER_CALL, Transition.ENGINEER_CALL, Transition.ENGINEER_CALL_CLEARED);

        // the fire group has its own, shorter time; warnings do not call
        f.value("bilge.high", true);
        f.advance(30);
        assertThat(f.engine.engineerCall().stage()).isEqualTo(EngineerCall.Stage.DUTY_ENGINEER);
    }

    @Test
    void watchTimerPrewarnsThenRaisesItsAlarmAndAResetClearsIt() {
        Fixture f = fixture();
        assertThatThrownBy(() -> f.engine.resetWatch("3rd")).hasMessageContaining("not running");
        f.engine.startWatch("3rd engineer");
        f.advance(23 * 60);
        assertThat(f.engine.watch().prewarning()).isFalse();
        f.advance(60);
        assertThat(f.engine.watch().prewarning()).isTrue();
        assertThat(f.last().transition()).isEqualTo(Transition.WATCH_PREWARNING);
        f.engine.resetWatch("3rd engineer");
        assertThat(f.engine.watch().prewarning()).isFalse();
        f.advance(27 * 60);
        assertThat(f.engine.watch().expired()).isTrue();
        assertThat(state(f, AlarmEngine.WATCH_ID)).isEqualTo(AlarmState.UNACKNOWLEDGED);
        f.advance(180);
        assertThat(f.engine.engineerCall().stage()).isEqualTo(EngineerCall.Stage.DUTY_ENGINEER);
        f.engine.resetWatch("3rd engineer");
        assertThat(state(f, AlarmEngine.WATCH_ID)).isEqualTo(AlarmState.RTN_UNACKNOWLEDGED);
        f.engine.acknowledge(AlarmEngine.WATCH_ID, "3rd engineer");
        assertThat(f.engine.engineerCall().stage()).isEqualTo(EngineerCall.Stage.NONE);
        f.engine.stopWatch("3rd engineer");
        f.advance(3600);
        assertThat(f.engine.watch().running()).isFalse();
        assertThat(state(f, AlarmEngine.WATCH_ID)).isEqualTo(AlarmState.NORMAL);
    }

    @Test
    void kpisCountFloodsChatteringAndBadActors() {
        Fixture f = fixture(limit("t.h", TEMP, ">", 90, 0, 0, 0), limit("p.h", PRESS, ">", 9, 0, 0, 0));
        for (int i = 0; i < 12; i++) {
            f.value(TEMP, 95.0);
            f.engine.acknowledge("t.h", "oiler");
            f.value(TEMP, 80.0);
            f.advance(10);
        }
        f.value(PRESS, 10.0);
        var kpi = f.engine.kpi();
        assertThat(kpi.last10Minutes()).isEqualTo(13);
        assertThat(kpi.flood()).isTrue();
        assertThat(kpi.chattering()).containsExactly("t.h");
        assertThat(kpi.topBadActors().get(0)).isEqualTo(new org.vmsseaman.api.alarm.AlarmKpi.Count("t.h", 12));
        assertThat(kpi.unacknowledged()).isEqualTo(1);
        f.advance(25 * 3600);
        var later = f.engine.kpi();
        assertThat(later.last24Hours()).isZero();
        assertThat(later.standing()).containsExactly("p.h");
    }

    @Test
    void replayingTheJournalRestoresEveryState() {
        org.vmsseaman.api.project.AlarmDefinition[] defs = {
            limit("t.h", TEMP, ">", 90, 0, 0, 0),
            limit("t.hh", TEMP, ">", 100, 0, 0, 0),
            limit("p.l", PRESS, "<", 3, 0, 0, 0),
            with(limit("p.ll", PRESS, "<", 2, 0, 0, 0), AlarmPriority.WARNING, true, "", "me")
        };
        Fixture f = fixture(defs);
        f.value(TEMP, 105.0);
        f.engine.acknowledge("t.h", "chief"); // acknowledged active
        f.value(PRESS, 2.5);
        f.value(PRESS, 3.5); // p.l returned unacknowledged
        f.engine.shelve("p.ll", "chief", "calibration", Duration.ofMinutes(20));
        f.advance(200); // engineer call for t.hh
        assertThat(f.engine.engineerCall().stage()).isEqualTo(EngineerCall.Stage.DUTY_ENGINEER);

        Fixture g = fixture(defs);
        g.clock.advance(Duration.between(g.clock.instant(), f.clock.instant()).plusSeconds(5));
        f.journal.forEach(g.engine::replay);
        g.engine.restored();
        for (String id : List.of("t.h", "t.hh", "p.l", "p.ll")) {
            Alarm before = f.engine.alarm(id).orElseThrow();
            Alarm after = g.engine.alarm(id).orElseThrow();
            assertThat(after).as(id).isEqualTo(before);
        }
        assertThat(g.engine.engineerCall().stage()).isEqualTo(EngineerCall.Stage.DUTY_ENGINEER);
        // live values that still say the same raise nothing new: an acknowledged alarm stays acknowledged
        g.value(TEMP, 105.0);
        g.value(PRESS, 3.5);
        assertThat(g.journal).isEmpty();
        assertThat(g.engine.alarm("t.h").orElseThrow().state()).isEqualTo(AlarmState.ACKNOWLEDGED);
        // occurrence numbers and journal sequence continue
        g.value(PRESS, 2.9);
        assertThat(g.last().seq()).isEqualTo(f.last().seq() + 1);
        assertThat(g.engine.alarm("p.l").orElseThrow().occurrence())
                .isEqualTo(f.engine.alarm("p.l").orElseThrow().occurrence());
        // the shelving still runs out at its time
        g.advance(20 * 60);
        assertThat(g.engine.alarm("p.ll").orElseThrow().state()).isEqualTo(AlarmState.NORMAL);
        assertThat(g.transitions("p.ll")).containsExactly(Transition.SHELVE_EXPIRED);
    }

    @Test
    void aHistorianFaultRaisesTheSystemAlarmWithWhatIsWrongAndStaysUntilAcknowledged() {
        Fixture f = fixture();
        f.engine.historianCondition(null);
        assertThat(f.transitions(AlarmEngine.HISTORIAN_ID)).isEmpty();

        f.engine.historianCondition("historian lost 12 updates");
        Alarm a = f.engine.alarm(AlarmEngine.HISTORIAN_ID).orElseThrow();
        assertThat(a.type()).isEqualTo(org.vmsseaman.api.alarm.AlarmType.SYSTEM_FAULT);
        assertThat(a.group()).isEqualTo(AlarmEngine.SYSTEM_GROUP);
        assertThat(a.state()).isEqualTo(AlarmState.UNACKNOWLEDGED);
        assertThat(f.last().value()).isEqualTo("historian lost 12 updates");

        f.advance(1);
        f.engine.historianCondition(null); // a loss is over at the next check, yet it must be seen
        assertThat(state(f, AlarmEngine.HISTORIAN_ID)).isEqualTo(AlarmState.RTN_UNACKNOWLEDGED);
        assertThat(f.engine.alarm(AlarmEngine.HISTORIAN_ID).orElseThrow().value())
                .as("the alarm keeps saying what happened")
                .isEqualTo("historian lost 12 updates");
        f.engine.acknowledge(AlarmEngine.HISTORIAN_ID, "chief");
        assertThat(state(f, AlarmEngine.HISTORIAN_ID)).isEqualTo(AlarmState.NORMAL);
        assertThat(f.transitions(AlarmEngine.HISTORIAN_ID))
                .containsExactly(Transition.RAISED, Transition.CLEARED, Transition.ACKNOWLEDGED);
    }
}
