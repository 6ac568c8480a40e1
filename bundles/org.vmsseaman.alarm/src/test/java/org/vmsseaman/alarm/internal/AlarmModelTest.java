package org.vmsseaman.alarm.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.vmsseaman.api.alarm.Alarm;
import org.vmsseaman.api.alarm.AlarmCommandException;
import org.vmsseaman.api.alarm.AlarmEvent;
import org.vmsseaman.api.alarm.Transition;
import org.vmsseaman.api.project.AlarmDefinition;
import org.vmsseaman.api.project.AlarmKind;
import org.vmsseaman.api.project.AlarmPriority;
import org.vmsseaman.api.tag.DataType;
import org.vmsseaman.api.tag.Quality;
import org.vmsseaman.api.tag.TagValue;

/**
 * Model-based randomized test: thousands of random sequences of values, qualities, suppression,
 * acknowledgements, shelving, service changes and clock advances, run through the engine and
 * through a small reference model of the alarm state machine written here independently, compared
 * after every step. At the end of each sequence the journal is replayed into a fresh engine, which
 * must arrive at the same alarms.
 *
 * <p>{@code -Dvmsseaman.model.sequences=N} runs more sequences; a disagreement names its seed and
 * step so it can be replayed alone with {@code -Dvmsseaman.model.seed=S}.
 */
class AlarmModelTest {

    private static final String TAG = "me.jacket_water.temp";
    private static final String SUPPRESSOR = "me.stopped";
    private static final double[] VALUES = {44, 46, 47.5, 48, 49, 49.5, 50, 50.5, 51, 52, 52.5, 53, 56};
    private static final String[] OPERATORS = {">", ">=", "<", "<="};
    private static final long SECOND = 1_000_000L;
    /** Escalation at a half second: never at the same moment as a delay or a shelving end. */
    private static final long ESCALATION = 20 * SECOND + SECOND / 2;

    /** The reference model of one alarm, written from the specification, not from the engine. */
    private static final class Model {
        final String id;
        final String op;
        final double setpoint;
        final double deadband;
        final long onDelay;
        final long offDelay;
        final boolean ackRequired;
        final boolean warning;
        final boolean suppressible;

        boolean latched;
        long latchedAt;
        boolean active;

        boolean open;
        boolean acked;
        boolean cleared;
        boolean escalated;
        long raisedAt;
        int occurrences;

        String service = "in"; // in, shelved, oos
        long shelveEnd;
        boolean suppressed;

        Model(String id, Random r) {
            this.id = id;
            op = OPERATORS[r.nextInt(OPERATORS.length)];
            setpoint = 50;
            deadband = new double[] {0, 1, 2.5}[r.nextInt(3)];
            onDelay = new long[] {0, 1, 3}[r.nextInt(3)] * SECOND;
            offDelay = new long[] {0, 2}[r.nextInt(2)] * SECOND;
            ackRequired = r.nextInt(5) > 0;
            warning = r.nextInt(10) < 3;
            suppressible = r.nextInt(10) < 4;
        }

        AlarmDefinition definition() {
            return new AlarmDefinition(
                    id,
                    TAG,
                    AlarmKind.LIMIT,
                    op,
                    setpoint,
                    "",
                    warning ? AlarmPriority.WARNING : AlarmPriority.ALARM,
                    "me",
                    Duration.ofNanos(onDelay * 1000),
                    Duration.ofNanos(offDelay * 1000),
                    deadband,
                    ackRequired,
                    id,
                    suppressible ? SUPPRESSOR : "");
        }

        boolean inAlarm(double x) {
            // entering compares with the setpoint; staying with the setpoint moved by the deadband towards normal
            double limit =
                    switch (op) {
                        case ">", ">=" -> latched ? setpoint - deadband : setpoint;
                        default -> latched ? setpoint + deadband : setpoint;
                    };
            return switch (op) {
                case ">" -> x > limit;
                case ">=" -> x >= limit;
                case "<" -> x < limit;
                default -> x <= limit;
            };
        }

        boolean annunciates() {
            return service.equals("in") && !suppressed;
        }

        String state() {
            if (service.equals("oos")) {
                return "OUT_OF_SERVICE";
            }
            if (service.equals("shelved")) {
                return "SHELVED";
            }
            if (open) {
                return cleared ? "RTN_UNACKNOWLEDGED" : acked ? "ACKNOWLEDGED" : "UNACKNOWLEDGED";
            }
            return suppressed ? "SUPPRESSED" : "NORMAL";
        }

        AlarmPriority priority() {
            return warning && !(open && escalated) ? AlarmPriority.WARNING : AlarmPriority.ALARM;
        }

        void raise(long t) {
            open = true;
            acked = !ackRequired;
            cleared = false;
            escalated = false;
            raisedAt = t;
            occurrences++;
        }

        /** The next moment something happens by itself, or MAX_VALUE. */
        long nextMoment() {
            long next = Long.MAX_VALUE;
            if (latched != active) {
                next = Math.min(next, latchedAt + (latched ? onDelay : offDelay));
            }
            if (service.equals("shelved")) {
                next = Math.min(next, shelveEnd);
            }
            if (escalates()) {
                next = Math.min(next, raisedAt + ESCALATION);
            }
            return next;
        }

        boolean escalates() {
            return open && !acked && !cleared && warning && !escalated && annunciates();
        }

        void happen(long t) {
            if (latched != active && t >= latchedAt + (latched ? onDelay : offDelay)) {
                becomeActive(latched, t);
            } else if (service.equals("shelved") && t >= shelveEnd) {
                service = "in";
                backInService(t);
            } else if (escalates() && t >= raisedAt + ESCALATION) {
                occurrences++;
                escalated = true;
                raisedAt = t;
            }
        }

        void becomeActive(boolean now, long t) {
            active = now;
            if (!annunciates()) {
                return;
            }
            if (now && !open) {
                raise(t);
            } else if (now && cleared) {
                cleared = false;
            } else if (!now && open && !cleared) {
                if (acked) {
                    open = false;
                } else {
                    cleared = true;
                }
            }
        }

        void backInService(long t) {
            if (annunciates() && active && !open) {
                raise(t);
            }
        }

        void value(double x, long t) {
            boolean now = inAlarm(x);
            if (now != latched) {
                latched = now;
                latchedAt = t;
            }
        }

        void suppress(boolean on, long t) {
            if (!suppressible || suppressed == on) {
                return;
            }
            suppressed = on;
            if (on) {
                if (open && acked) {
                    open = false;
                } else if (open) {
                    cleared = true;
                }
            } else {
                active = false;
                latchedAt = t;
            }
        }

        boolean ack() {
            if (!open || acked) {
                return false;
            }
            acked = true;
            if (cleared) {
                open = false;
            }
            return true;
        }

        boolean shelve(long until) {
            if (!service.equals("in")) {
                return false;
            }
            service = "shelved";
            shelveEnd = until;
            open = false;
            return true;
        }

        boolean unshelve(long t) {
            if (!service.equals("shelved")) {
                return false;
            }
            service = "in";
            backInService(t);
            return true;
        }

        boolean outOfService() {
            if (service.equals("oos")) {
                return false;
            }
            service = "oos";
            open = false;
            return true;
        }

        boolean returnToService(long t) {
            if (!service.equals("oos")) {
                return false;
            }
            service = "in";
            backInService(t);
            return true;
        }
    }

    private static AlarmSettings settings() {
        AlarmSettings d = AlarmSettings.defaults();
        return new AlarmSettings(
                d.engineerCallDelay(),
                Map.of(),
                d.allEngineersDelay(),
                Duration.ofNanos(ESCALATION * 1000),
                Duration.ofHours(1),
                d.watchPeriod(),
                d.watchPrewarning(),
                true,
                true);
    }

    @Test
    void engineAgreesWithTheReferenceModel() {
        Long only = Long.getLong("vmsseaman.model.seed");
        int sequences = Integer.getInteger("vmsseaman.model.sequences", 3000);
        long steps = 0;
        long raised = 0;
        for (int i = 0; i < sequences; i++) {
            long seed = only != null ? only : 1000L + i;
            long[] counts = runSequence(seed);
            steps += counts[0];
            raised += counts[1];
            if (only != null) {
                break;
            }
        }
        // the sequences must actually exercise the machine, not just agree on "normal"
        assertThat(raised).isGreaterThan(steps / 50);
    }

    private long[] runSequence(long seed) {
        Random r = new Random(seed);
        int n = 1 + r.nextInt(3);
        List<Model> models = new ArrayList<>();
        Fixture.Project project =
                new Fixture.Project().tag(TAG, DataType.DOUBLE).tag(SUPPRESSOR, DataType.BOOLEAN);
        for (int k = 0; k < n; k++) {
            Model m = new Model("a" + k, r);
            models.add(m);
            project.alarm(m.definition());
        }
        Fixture f = new Fixture(project.build(), settings());
        long t = 0;
        int length = 30 + r.nextInt(60);
        List<String> trace = new ArrayList<>();
        for (int step = 0; step < length; step++) {
            int dice = r.nextInt(100);
            Model target = models.get(r.nextInt(models.size()));
            String action;
            boolean modelOk = true;
            boolean engineOk = true;
            long now = t;
            if (dice < 35) {
                double x = VALUES[r.nextInt(VALUES.length)];
                int q = r.nextInt(20);
                Quality quality =
                        q < 17 ? Quality.GOOD : q < 18 ? Quality.UNCERTAIN_LAST_KNOWN : Quality.BAD_SENSOR_FAILURE;
                action = "value " + x + " " + quality;
                if (!quality.isBad()) {
                    for (Model m : models) {
                        m.value(x, now);
                    }
                }
                f.engine.onValues(
                        List.of(new TagValue(TAG, quality.isBad() ? null : x, quality, f.micros(), f.micros(), null)));
            } else if (dice < 45) {
                int s = r.nextInt(3);
                action = "suppressor " + (s == 2 ? "BAD" : s == 1);
                for (Model m : models) {
                    m.suppress(s == 1, now);
                }
                TagValue v = s == 2
                        ? new TagValue(
                                SUPPRESSOR, null, Quality.BAD_COMMUNICATION_FAILURE, f.micros(), f.micros(), null)
                        : new TagValue(SUPPRESSOR, s == 1, Quality.GOOD, f.micros(), f.micros(), null);
                f.engine.onValues(List.of(v));
            } else if (dice < 70) {
                int seconds = 1 + r.nextInt(25);
                action = "advance " + seconds + " s";
                t += seconds * SECOND;
                f.advance(seconds);
            } else if (dice < 82) {
                action = "ack " + target.id;
                modelOk = target.ack();
                engineOk = accepted(() -> f.engine.acknowledge(target.id, "oiler"));
            } else if (dice < 88) {
                long duration = (5 + r.nextInt(60)) * SECOND + SECOND / 4;
                action = "shelve " + target.id + " for " + duration + " µs";
                modelOk = target.shelve(now + duration);
                engineOk = accepted(
                        () -> f.engine.shelve(target.id, "chief", "model test", Duration.ofNanos(duration * 1000)));
            } else if (dice < 92) {
                action = "unshelve " + target.id;
                modelOk = target.unshelve(now);
                engineOk = accepted(() -> f.engine.unshelve(target.id, "chief"));
            } else if (dice < 96) {
                action = "out of service " + target.id;
                modelOk = target.outOfService();
                engineOk = accepted(() -> f.engine.removeFromService(target.id, "eto", "model test"));
            } else {
                action = "return to service " + target.id;
                modelOk = target.returnToService(now);
                engineOk = accepted(() -> f.engine.returnToService(target.id, "eto"));
            }
            settle(models, t);
            trace.add(action);
            if (modelOk != engineOk) {
                fail(
                        "seed %d step %d (%s): model %s the command, engine %s it%ntrace: %s",
                        seed, step, action, modelOk ? "accepted" : "refused", engineOk ? "accepted" : "refused", trace);
            }
            for (Model m : models) {
                Alarm a = f.engine.alarm(m.id).orElseThrow();
                long engineOccurrences = f.journal.stream()
                        .filter(e -> e.alarmId().equals(m.id) && e.transition() == Transition.RAISED)
                        .count();
                String expected = m.state() + "/" + m.priority() + "/" + m.occurrences;
                String actual = a.state() + "/" + a.priority() + "/" + engineOccurrences;
                if (!expected.equals(actual)) {
                    fail(
                            "seed %d step %d (%s), alarm %s %s deadband %s on %d off %d ack %s warning %s:"
                                    + " model %s, engine %s%ntrace: %s",
                            seed,
                            step,
                            action,
                            m.id,
                            m.op,
                            m.deadband,
                            m.onDelay / SECOND,
                            m.offDelay / SECOND,
                            m.ackRequired,
                            m.warning,
                            expected,
                            actual,
                            trace);
                }
            }
        }
        checkJournal(f.journal, seed);
        checkReplay(f, project, seed);
        long raised = f.journal.stream()
                .filter(e -> e.transition() == Transition.RAISED)
                .count();
        return new long[] {length, raised};
    }

    /** Lets the model run up to time t: everything that happens by itself at or before t, in order. */
    private static void settle(List<Model> models, long t) {
        while (true) {
            Model first = null;
            long at = Long.MAX_VALUE;
            for (Model m : models) {
                long next = m.nextMoment();
                if (next < at) {
                    at = next;
                    first = m;
                }
            }
            if (first == null || at > t) {
                return;
            }
            first.happen(at);
        }
    }

    private static boolean accepted(Runnable command) {
        try {
            command.run();
            return true;
        } catch (AlarmCommandException e) {
            return false;
        }
    }

    private static void checkJournal(List<AlarmEvent> journal, long seed) {
        for (int i = 0; i < journal.size(); i++) {
            assertThat(journal.get(i).seq())
                    .as("seed %d: journal seq without gaps", seed)
                    .isEqualTo(i + 1L);
            if (i > 0) {
                assertThat(journal.get(i).time())
                        .as("seed %d: journal in time order", seed)
                        .isAfterOrEqualTo(journal.get(i - 1).time());
            }
        }
    }

    /** A fresh engine fed the journal arrives at the same alarms (all but the live condition tracking). */
    private static void checkReplay(Fixture f, Fixture.Project project, long seed) {
        Fixture g = new Fixture(project.build(), settings());
        g.clock.advance(Duration.between(g.clock.instant(), f.clock.instant()));
        f.journal.forEach(g.engine::replay);
        g.engine.restored();
        for (Alarm before : f.engine.all()) {
            Alarm after = g.engine.alarm(before.id()).orElseThrow();
            assertThat(withoutActive(after))
                    .as("seed %d: %s after replay", seed, before.id())
                    .isEqualTo(withoutActive(before));
        }
    }

    private static Alarm withoutActive(Alarm a) {
        return new Alarm(
                a.id(),
                a.occurrence(),
                a.type(),
                a.source(),
                a.group(),
                a.priority(),
                a.message(),
                a.state(),
                false,
                a.raisedAt(),
                a.value(),
                a.acknowledgedAt(),
                a.acknowledgedBy(),
                a.clearedAt(),
                a.escalatedFrom(),
                a.shelvedUntil(),
                a.serviceBy(),
                a.serviceReason());
    }
}
