package org.vmsseaman.alarm.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.vmsseaman.api.alarm.Alarm;
import org.vmsseaman.api.alarm.AlarmCommandException;
import org.vmsseaman.api.alarm.AlarmCommandException.Reason;
import org.vmsseaman.api.alarm.AlarmEvent;
import org.vmsseaman.api.alarm.AlarmKpi;
import org.vmsseaman.api.alarm.AlarmState;
import org.vmsseaman.api.alarm.AlarmType;
import org.vmsseaman.api.alarm.EngineerCall;
import org.vmsseaman.api.alarm.Transition;
import org.vmsseaman.api.alarm.WatchTimer;
import org.vmsseaman.api.project.AlarmDefinition;
import org.vmsseaman.api.project.AlarmPriority;
import org.vmsseaman.api.project.TagBinding;
import org.vmsseaman.api.project.VesselProject;
import org.vmsseaman.api.tag.Quality;
import org.vmsseaman.api.tag.TagDefinition;
import org.vmsseaman.api.tag.TagValue;

/**
 * The alarm state machine of every alarm of a vessel, after IEC 62682 / ISA-18.2, with IMO
 * priorities, engineer call, Bridge Alert Management escalation of warnings and the watch timer.
 *
 * <p>Event-sourced: every change of an alarm's occurrence, service or suppression is made by creating
 * a journal entry and {@linkplain #apply applying} it, and replaying the journal through the same
 * {@code apply} rebuilds the state after a restart. What is not journalled is the tracking of
 * conditions (delays, deadband), which is re-evaluated from live values.
 *
 * <p>Not thread-safe by itself: every method runs under the caller's lock (see {@code
 * AlarmServiceImpl}). Time comes from the {@link InstantSource} only, so tests control it; nothing
 * here sleeps. Timers (delays, shelving, escalation, watch) fire from {@link #tick()}.
 */
final class AlarmEngine {

    static final String ENGINEER_CALL_ID = "system.engineer_call";
    static final String WATCH_ID = "system.watch";
    static final String HISTORIAN_ID = "system.historian";
    static final String SENSOR_FAULT_SUFFIX = ".sensor_fault";
    static final String COMMUNICATION_PREFIX = "device.";
    static final String COMMUNICATION_SUFFIX = ".communication";
    static final String SYSTEM_GROUP = "system";

    /** Where the engine's journal entries go; called on the engine's lock, must not block. */
    interface EventSink {
        /** @return completes when the entries are durable */
        CompletableFuture<Void> publish(List<AlarmEvent> events);
    }

    /** The outcome of a user command: the alarm afterwards and when its journal entry is durable. */
    record Result<T>(T value, CompletableFuture<Void> durable) {}

    private enum TimerKind {
        CONDITION,
        SHELVE_END,
        WARNING_ESCALATION,
        ENGINEER_CALL,
        WATCH
    }

    private record Timer(long due, TimerKind kind, AlarmPoint point) {}

    /** A watched tag: its latest value and the alarm points it drives. */
    private static final class Watched {
        TagValue latest;
        /** Points on this tag's value (limit, discrete, deviation, rate of change, sensor fault). */
        final List<AlarmPoint> own = new ArrayList<>(2);
        /** Deviation points using this tag as their reference. */
        final List<AlarmPoint> referencing = new ArrayList<>(0);
        /** Points suppressed by design while this tag says so. */
        final List<AlarmPoint> suppressed = new ArrayList<>(0);
        /** The communication-fault point of the device this tag is read from, or null. */
        AlarmPoint communication;
        /** That device's tags currently with a communication fault (shared by its tags), or null. */
        Set<String> faultyOfDevice;
    }

    private final AlarmSettings settings;
    private final InstantSource clock;
    private final EventSink sink;
    private final List<AlarmPoint> points = new ArrayList<>();
    private final Map<String, AlarmPoint> byId = new HashMap<>();
    /** Everything the engine keeps per watched tag, so that a value costs one map lookup. */
    private final Map<String, Watched> watched = new HashMap<>();

    private final Map<AlarmPoint, Set<String>> communicationFaults = new HashMap<>();
    private final PriorityQueue<Timer> timers = new PriorityQueue<>(Comparator.comparingLong(Timer::due));
    private final List<AlarmEvent> pending = new ArrayList<>();
    /** Occurrences of priority emergency or alarm waiting for acknowledgement, in raise order. */
    private final Set<AlarmPoint> unacknowledgedHigh = new LinkedHashSet<>();

    private final Kpis kpis = new Kpis();
    private final AlarmPoint watchPoint;
    private final AlarmPoint historianPoint;
    /** What the historian's fault is, while it has one (the alarm's value). */
    private String historianFault;

    private long seq;
    private long lastOccurrence;
    private EngineerCall.Stage callStage = EngineerCall.Stage.NONE;
    private long callSince;
    private boolean watchRunning;
    private String watchUser;
    private long watchLastReset;
    private boolean watchPrewarning;

    AlarmEngine(VesselProject project, AlarmSettings settings, InstantSource clock, EventSink sink) {
        this.settings = settings;
        this.clock = clock;
        this.sink = sink;
        Set<String> tagsWithAlarms = new LinkedHashSet<>();
        for (AlarmDefinition d : project.alarms()) {
            add(fromDefinition(d));
            tagsWithAlarms.add(d.tagId());
        }
        if (settings.sensorFaultAlarms()) {
            Map<String, TagDefinition> tags = new HashMap<>();
            project.tags().forEach(t -> tags.put(t.id(), t));
            for (String tagId : tagsWithAlarms) {
                TagDefinition tag = tags.get(tagId);
                String name = tag == null ? tagId : tag.name();
                String group = tag == null ? SYSTEM_GROUP : tag.system();
                add(automatic(
                        tagId + SENSOR_FAULT_SUFFIX,
                        AlarmType.SENSOR_FAULT,
                        tagId,
                        group,
                        name + ": sensor failure or wire break"));
            }
        }
        if (settings.communicationFaultAlarms()) {
            for (var device : project.devices()) {
                if (!device.enabled()) {
                    continue;
                }
                AlarmPoint p = add(automatic(
                        COMMUNICATION_PREFIX + device.id() + COMMUNICATION_SUFFIX,
                        AlarmType.COMMUNICATION_FAULT,
                        device.id(),
                        SYSTEM_GROUP,
                        (device.name().isEmpty() ? device.id() : device.name()) + ": communication failure"));
                if (p != null) {
                    Set<String> faulty = new HashSet<>();
                    communicationFaults.put(p, faulty);
                    for (TagBinding b : project.bindingsOf(device.id())) {
                        Watched w = watch(b.tagId());
                        w.communication = p;
                        w.faultyOfDevice = faulty;
                    }
                }
            }
        }
        historianPoint = add(automatic(
                HISTORIAN_ID,
                AlarmType.SYSTEM_FAULT,
                "historian",
                SYSTEM_GROUP,
                "Historian: values are not being recorded, or recorded values were lost"));
        watchPoint = add(automatic(
                WATCH_ID,
                AlarmType.WATCH_TIMER,
                "",
                SYSTEM_GROUP,
                "Watch timer not reset: the engineer on rounds does not respond"));
    }

    private AlarmPoint fromDefinition(AlarmDefinition d) {
        AlarmType type =
                switch (d.kind()) {
                    case LIMIT -> AlarmType.LIMIT;
                    case DISCRETE -> AlarmType.DISCRETE;
                    case DEVIATION -> AlarmType.DEVIATION;
                    case RATE_OF_CHANGE -> AlarmType.RATE_OF_CHANGE;
                };
        Comparison comparison = type == AlarmType.LIMIT || type == AlarmType.DISCRETE
                ? new Comparison(d.operator(), d.setpoint(), d.deadband())
                : null;
        return new AlarmPoint(
                points.size(),
                d.id(),
                type,
                d.tagId(),
                d.group(),
                d.priority(),
                d.message(),
                d.ackRequired(),
                micros(d.onDelay()),
                micros(d.offDelay()),
                comparison,
                d.setpoint(),
                d.deadband(),
                d.referenceTag().isEmpty() ? null : d.referenceTag(),
                d.suppressedBy().isEmpty() ? null : d.suppressedBy());
    }

    private AlarmPoint automatic(String id, AlarmType type, String source, String group, String message) {
        return new AlarmPoint(
                points.size(),
                id,
                type,
                source,
                group,
                AlarmPriority.ALARM,
                message,
                true,
                0,
                0,
                null,
                0,
                0,
                null,
                null);
    }

    /** Adds a point unless its id is taken (a project alarm wins over an automatic one). */
    private AlarmPoint add(AlarmPoint p) {
        if (byId.putIfAbsent(p.id, p) != null) {
            return null;
        }
        points.add(p);
        switch (p.type) {
            case LIMIT, DISCRETE, DEVIATION, RATE_OF_CHANGE, SENSOR_FAULT ->
                watch(p.source).own.add(p);
            default -> {}
        }
        if (p.reference != null) {
            watch(p.reference).referencing.add(p);
        }
        if (p.suppressedBy != null) {
            watch(p.suppressedBy).suppressed.add(p);
        }
        return p;
    }

    private Watched watch(String tagId) {
        return watched.computeIfAbsent(tagId, k -> new Watched());
    }

    /** The latest value of a tag, or null. */
    private TagValue latest(String tagId) {
        Watched w = watched.get(tagId);
        return w == null ? null : w.latest;
    }

    // ---------------------------------------------------------------------------------------------
    // restore

    /** Applies one journal entry read back on start; call {@link #restored()} after the last. */
    void replay(AlarmEvent e) {
        seq = Math.max(seq, e.seq());
        lastOccurrence = Math.max(lastOccurrence, Math.max(e.occurrence(), e.related()));
        AlarmPoint p = byId.get(e.alarmId());
        if (p == null && !e.alarmId().equals(ENGINEER_CALL_ID)) {
            return; // an alarm no longer in the project
        }
        apply(p, e.transition(), micros(e.time()), e);
    }

    /** Ends the replay: conditions start from the restored state and timers are armed again. */
    void restored() {
        long now = now();
        for (AlarmPoint p : points) {
            p.active = p.occ != null && p.occ.clearedAt == 0;
            p.raw = p.active;
            p.rawSince = now;
            if (p.service == AlarmPoint.Service.SHELVED) {
                schedule(p.shelvedUntil, TimerKind.SHELVE_END, p);
            }
            if (p.occ != null) {
                armEscalations(p, now);
            }
        }
        if (watchRunning) {
            watchPoint.raw = watchPoint.active;
            scheduleWatch(watchLastReset);
        }
        schedule(now, TimerKind.ENGINEER_CALL, null);
        tick();
    }

    // ---------------------------------------------------------------------------------------------
    // values and time

    /** The tags whose values the engine needs. */
    Set<String> watchedTags() {
        return new HashSet<>(watched.keySet());
    }

    /**
     * Evaluates a batch of values, oldest first. The events a value causes are handed on as soon as
     * that value is evaluated, not after the whole batch: an alarm's latency does not grow with the
     * batch it arrived in. The future completes once the last of them is durable (the journal writes
     * in order).
     */
    CompletableFuture<Void> onValues(List<TagValue> values) {
        long now = now();
        fireDue(now); // what ran out before these values came, first
        CompletableFuture<Void> durable = flush();
        for (int i = 0; i < values.size(); i++) {
            onValue(values.get(i), now);
            if (!pending.isEmpty()) {
                durable = flush();
            }
        }
        fireDue(now);
        return pending.isEmpty() ? durable : flush();
    }

    private void onValue(TagValue v, long now) {
        Watched w = watched.get(v.tagId());
        if (w == null) {
            return; // not a tag the engine asked for
        }
        w.latest = v;
        List<AlarmPoint> own = w.own;
        for (int i = 0; i < own.size(); i++) {
            evaluate(own.get(i), v, now);
        }
        for (AlarmPoint p : w.referencing) {
            TagValue value = latest(p.source);
            if (value != null) {
                evaluate(p, value, now);
            }
        }
        if (!w.suppressed.isEmpty()) {
            Boolean on = suppressing(v);
            if (on != null) {
                for (AlarmPoint p : w.suppressed) {
                    setSuppressed(p, on, now);
                }
            }
        }
        if (w.communication != null && v.quality() != Quality.BAD_NO_VALUE) { // no value yet says nothing
            if (isCommunicationFault(v.quality())) {
                w.faultyOfDevice.add(v.tagId());
            } else {
                w.faultyOfDevice.remove(v.tagId());
            }
            setRaw(w.communication, !w.faultyOfDevice.isEmpty(), now);
        }
    }

    /** Processes the timers that are due. */
    CompletableFuture<Void> tick() {
        fireDue(now());
        return flush();
    }

    /**
     * The historian's self-monitoring condition: {@code fault} says what is wrong, or is null when it
     * records normally. A fault that is over at the next check (values were lost once) leaves the alarm
     * returned to normal and unacknowledged, so it is still seen.
     */
    CompletableFuture<Void> historianCondition(String fault) {
        long now = now();
        fireDue(now);
        if (historianPoint == null) {
            return flush(); // the project defines an alarm of that id itself
        }
        if (fault != null) {
            historianFault = fault; // kept after the fault ends: the alarm shows what happened
        }
        setRaw(historianPoint, fault != null, now);
        return flush();
    }

    /** When the next timer is due, µs since the epoch, or {@code Long.MAX_VALUE}. */
    long nextDue() {
        Timer t = timers.peek();
        return t == null ? Long.MAX_VALUE : t.due;
    }

    private void evaluate(AlarmPoint p, TagValue v, long now) {
        if (p.type == AlarmType.SENSOR_FAULT) {
            if (v.quality() == Quality.BAD_SENSOR_FAILURE) {
                setRaw(p, true, now);
            } else if (!v.quality().isBad()) {
                setRaw(p, false, now); // only a value from the sensor shows that it works again
            }
            return;
        }
        if (v.quality().isBad() || v.value() == null) {
            return; // hold: a failed sensor neither raises nor clears a process alarm
        }
        double x = v.doubleValue();
        if (Double.isNaN(x)) {
            return;
        }
        switch (p.type) {
            case LIMIT, DISCRETE -> setRaw(p, p.comparison.test(x, p.raw), now);
            case DEVIATION -> {
                TagValue ref = latest(p.reference);
                if (ref == null || ref.quality().isBad() || Double.isNaN(ref.doubleValue())) {
                    return;
                }
                double deviation = Math.abs(x - ref.doubleValue());
                setRaw(p, deviation > p.setpoint - (p.raw ? p.deadband : 0.0), now);
            }
            case RATE_OF_CHANGE -> {
                long t = v.sourceTime();
                if (!Double.isNaN(p.previous) && t > p.previousTime) {
                    double rate = Math.abs(x - p.previous) / ((t - p.previousTime) / 1e6);
                    setRaw(p, rate > p.setpoint - (p.raw ? p.deadband : 0.0), now);
                }
                if (Double.isNaN(p.previous) || t > p.previousTime) {
                    p.previous = x;
                    p.previousTime = t;
                }
            }
            default -> {}
        }
    }

    private static Boolean suppressing(TagValue v) {
        if (v.quality() == Quality.BAD_NO_VALUE) {
            return null; // nothing known yet: keep what was
        }
        if (v.quality().isBad() || v.value() == null) {
            return Boolean.FALSE; // fail safe: an unknown condition suppresses nothing
        }
        return v.doubleValue() != 0.0;
    }

    private static boolean isCommunicationFault(Quality q) {
        return q == Quality.BAD_NOT_CONNECTED
                || q == Quality.BAD_COMMUNICATION_FAILURE
                || q == Quality.BAD_DRIVER_MISSING
                || q == Quality.BAD_STALE;
    }

    /** The raw (hysteresis-latched) condition changed or was confirmed. */
    private void setRaw(AlarmPoint p, boolean raw, long now) {
        if (raw == p.raw) {
            return;
        }
        p.raw = raw;
        p.rawSince = now;
        if (raw != p.active) {
            long delay = raw ? p.onDelay : p.offDelay;
            if (delay == 0) {
                setActive(p, raw, now);
            } else {
                schedule(now + delay, TimerKind.CONDITION, p);
            }
        }
    }

    private void conditionTimer(AlarmPoint p, long now) {
        if (p.raw != p.active && now >= p.rawSince + (p.raw ? p.onDelay : p.offDelay)) {
            setActive(p, p.raw, now);
        }
    }

    /** The condition, after its delays, started or ended. */
    private void setActive(AlarmPoint p, boolean active, long now) {
        p.active = active;
        if (!p.enabled()) {
            return;
        }
        if (active) {
            if (p.occ == null) {
                raise(p, now, p.priority, 0);
            } else if (p.occ.clearedAt != 0) {
                emit(p, Transition.REACTIVATED, now, p.occ.id, p.occ.priority, value(p), AlarmEvent.SYSTEM, "", 0, 0);
            }
        } else if (p.occ != null && p.occ.clearedAt == 0) {
            emit(p, Transition.CLEARED, now, p.occ.id, p.occ.priority, value(p), AlarmEvent.SYSTEM, "", 0, 0);
        }
    }

    private void raise(AlarmPoint p, long now, AlarmPriority priority, long escalatedFrom) {
        long occurrence = ++lastOccurrence;
        emit(p, Transition.RAISED, now, occurrence, priority, value(p), AlarmEvent.SYSTEM, "", escalatedFrom, 0);
    }

    private void setSuppressed(AlarmPoint p, boolean on, long now) {
        if (p.suppressed == on) {
            return;
        }
        long occurrence = openOccurrence(p);
        emit(
                p,
                on ? Transition.SUPPRESSED : Transition.UNSUPPRESSED,
                now,
                occurrence,
                priorityOf(p),
                value(p),
                AlarmEvent.SYSTEM,
                "",
                0,
                0);
        if (!on) {
            // the release of a suppression arms the on-delay again: a starting engine gets its time
            p.active = false;
            p.rawSince = now;
            if (p.raw) {
                if (p.onDelay == 0) {
                    setActive(p, true, now);
                } else {
                    schedule(now + p.onDelay, TimerKind.CONDITION, p);
                }
            }
        }
    }

    // ---------------------------------------------------------------------------------------------
    // timers

    private void schedule(long due, TimerKind kind, AlarmPoint p) {
        timers.add(new Timer(due, kind, p));
    }

    /**
     * Fires the timers due at or before {@code now}, in time order, each at its own due time: a delay
     * that ran out between two ticks is journalled when it ran out, not when it was noticed.
     */
    private void fireDue(long now) {
        Timer t;
        while ((t = timers.peek()) != null && t.due <= now) {
            timers.poll();
            long at = t.due;
            switch (t.kind) {
                case CONDITION -> conditionTimer(t.point, at);
                case SHELVE_END -> shelveTimer(t.point, at);
                case WARNING_ESCALATION -> escalationTimer(t.point, at);
                case ENGINEER_CALL -> updateEngineerCall(at);
                case WATCH -> watchTimer(at);
            }
        }
    }

    private void shelveTimer(AlarmPoint p, long now) {
        if (p.service == AlarmPoint.Service.SHELVED && now >= p.shelvedUntil) {
            emit(p, Transition.SHELVE_EXPIRED, now, 0, p.priority, value(p), AlarmEvent.SYSTEM, "", 0, 0);
            annunciateIfActive(p, now);
        }
    }

    private void escalationTimer(AlarmPoint p, long now) {
        Occurrence o = p.occ;
        if (o != null
                && !o.acked
                && o.clearedAt == 0
                && o.priority == AlarmPriority.WARNING
                && p.enabled()
                && now >= o.raisedAt + micros(settings.warningEscalation())) {
            long next = lastOccurrence + 1;
            emit(
                    p,
                    Transition.ESCALATED,
                    now,
                    o.id,
                    o.priority,
                    value(p),
                    AlarmEvent.SYSTEM,
                    "warning not acknowledged within "
                            + settings.warningEscalation().toSeconds() + " s",
                    next,
                    0);
            raise(p, now, AlarmPriority.ALARM, o.id);
        }
    }

    /** Arms the escalation timers of a point's open occurrence. */
    private void armEscalations(AlarmPoint p, long now) {
        Occurrence o = p.occ;
        if (o == null || o.acked) {
            return;
        }
        if (o.priority == AlarmPriority.WARNING) {
            schedule(Math.max(now, o.raisedAt + micros(settings.warningEscalation())), TimerKind.WARNING_ESCALATION, p);
        }
        if (isHigh(o.priority)) {
            schedule(
                    Math.max(now, o.raisedAt + micros(settings.engineerCallDelay(p.group))),
                    TimerKind.ENGINEER_CALL,
                    p);
        }
    }

    private static boolean isHigh(AlarmPriority priority) {
        return priority == AlarmPriority.EMERGENCY || priority == AlarmPriority.ALARM;
    }

    private void updateEngineerCall(long now) {
        List<Long> overdue = overdue(now);
        if (overdue.isEmpty()) {
            if (callStage != EngineerCall.Stage.NONE) {
                emit(
                        null,
                        Transition.ENGINEER_CALL_CLEARED,
                        now,
                        0,
                        null,
                        null,
                        AlarmEvent.SYSTEM,
                        "every alarm behind it was acknowledged",
                        0,
                        0);
            }
            return;
        }
        if (callStage == EngineerCall.Stage.NONE) {
            emit(
                    null,
                    Transition.ENGINEER_CALL,
                    now,
                    overdue.get(0),
                    AlarmPriority.ALARM,
                    null,
                    AlarmEvent.SYSTEM,
                    EngineerCall.Stage.DUTY_ENGINEER.label(),
                    0,
                    0);
            schedule(now + micros(settings.allEngineersDelay()), TimerKind.ENGINEER_CALL, null);
        } else if (callStage == EngineerCall.Stage.DUTY_ENGINEER
                && now >= callSince + micros(settings.allEngineersDelay())) {
            emit(
                    null,
                    Transition.ENGINEER_CALL,
                    now,
                    overdue.get(0),
                    AlarmPriority.ALARM,
                    null,
                    AlarmEvent.SYSTEM,
                    EngineerCall.Stage.ALL_ENGINEERS_AND_BRIDGE.label(),
                    0,
                    0);
        }
    }

    /** Occurrences of priority emergency or alarm unacknowledged for longer than their group allows. */
    private List<Long> overdue(long now) {
        List<Long> overdue = new ArrayList<>();
        for (AlarmPoint p : unacknowledgedHigh) {
            if (now >= p.occ.raisedAt + micros(settings.engineerCallDelay(p.group))) {
                overdue.add(p.occ.id);
            }
        }
        return overdue;
    }

    // ---------------------------------------------------------------------------------------------
    // watch timer

    private void watchTimer(long now) {
        if (!watchRunning) {
            return;
        }
        long expires = watchLastReset + micros(settings.watchPeriod());
        if (now >= expires) {
            setRaw(watchPoint, true, now);
        } else if (!watchPrewarning && now >= expires - micros(settings.watchPrewarning())) {
            emit(
                    watchPoint,
                    Transition.WATCH_PREWARNING,
                    now,
                    0,
                    AlarmPriority.WARNING,
                    null,
                    AlarmEvent.SYSTEM,
                    "watch timer runs out at " + TimeUtil.instant(expires),
                    0,
                    0);
        }
    }

    Result<WatchTimer> startWatch(String user) {
        requireUser(user);
        long now = begin();
        restartWatch(watchRunning ? Transition.WATCH_RESET : Transition.WATCH_STARTED, user, now);
        return new Result<>(watch(), flush());
    }

    Result<WatchTimer> resetWatch(String user) {
        requireUser(user);
        if (!watchRunning) {
            throw new AlarmCommandException(Reason.CONFLICT, "the watch timer is not running");
        }
        restartWatch(Transition.WATCH_RESET, user, begin());
        return new Result<>(watch(), flush());
    }

    Result<WatchTimer> stopWatch(String user) {
        requireUser(user);
        if (!watchRunning) {
            throw new AlarmCommandException(Reason.CONFLICT, "the watch timer is not running");
        }
        long now = begin();
        emit(watchPoint, Transition.WATCH_STOPPED, now, 0, watchPoint.priority, null, user, "", 0, 0);
        setRaw(watchPoint, false, now);
        return new Result<>(watch(), flush());
    }

    private void restartWatch(Transition transition, String user, long now) {
        emit(watchPoint, transition, now, 0, watchPoint.priority, null, user, "", 0, 0);
        setRaw(watchPoint, false, now);
        scheduleWatch(now);
    }

    /** The watch timer's pre-warning and end for a period that started at {@code lastReset}. */
    private void scheduleWatch(long lastReset) {
        long expires = lastReset + micros(settings.watchPeriod());
        schedule(expires - micros(settings.watchPrewarning()), TimerKind.WATCH, watchPoint);
        schedule(expires, TimerKind.WATCH, watchPoint);
    }

    WatchTimer watch() {
        if (!watchRunning) {
            return new WatchTimer(false, watchUser, instantOrNull(watchLastReset), null, null, false, false);
        }
        long expires = watchLastReset + micros(settings.watchPeriod());
        return new WatchTimer(
                true,
                watchUser,
                TimeUtil.instant(watchLastReset),
                TimeUtil.instant(expires - micros(settings.watchPrewarning())),
                TimeUtil.instant(expires),
                watchPrewarning,
                watchPoint.active);
    }

    // ---------------------------------------------------------------------------------------------
    // user commands

    Result<Alarm> acknowledge(String idOrOccurrence, String user) {
        requireUser(user);
        AlarmPoint p = resolve(idOrOccurrence);
        Occurrence o = p.occ;
        if (o == null) {
            throw new AlarmCommandException(
                    Reason.CONFLICT,
                    "alarm " + p.id + " has nothing to acknowledge ("
                            + p.state().label() + ")");
        }
        if (o.acked) {
            throw new AlarmCommandException(
                    Reason.CONFLICT,
                    "occurrence " + o.id + " of alarm " + p.id + " was already acknowledged"
                            + (o.ackedBy == null ? "" : " by " + o.ackedBy + " at " + TimeUtil.instant(o.ackedAt)));
        }
        long now = begin();
        emit(p, Transition.ACKNOWLEDGED, now, o.id, o.priority, value(p), user, "", 0, 0);
        fireDue(now);
        return new Result<>(view(p), flush());
    }

    Result<Alarm> shelve(String idOrOccurrence, String user, String reason, Duration duration) {
        requireUser(user);
        requireReason(reason);
        if (duration == null
                || duration.isNegative()
                || duration.isZero()
                || duration.compareTo(settings.maxShelve()) > 0) {
            throw new AlarmCommandException(
                    Reason.INVALID,
                    "shelving time must be more than 0 and at most "
                            + settings.maxShelve().toMinutes() + " minutes, got "
                            + (duration == null ? "none" : duration.toSeconds() + " s"));
        }
        AlarmPoint p = resolve(idOrOccurrence);
        if (p.service == AlarmPoint.Service.OUT_OF_SERVICE) {
            throw new AlarmCommandException(Reason.CONFLICT, "alarm " + p.id + " is out of service");
        }
        if (p.service == AlarmPoint.Service.SHELVED) {
            throw new AlarmCommandException(
                    Reason.CONFLICT,
                    "alarm " + p.id + " is already shelved by " + p.serviceBy + " until "
                            + TimeUtil.instant(p.shelvedUntil));
        }
        long now = begin();
        long until = now + micros(duration);
        emit(p, Transition.SHELVED, now, openOccurrence(p), priorityOf(p), value(p), user, reason.strip(), 0, until);
        schedule(until, TimerKind.SHELVE_END, p);
        fireDue(now);
        return new Result<>(view(p), flush());
    }

    Result<Alarm> unshelve(String idOrOccurrence, String user) {
        return endService(idOrOccurrence, user, AlarmPoint.Service.SHELVED, "shelved", Transition.UNSHELVED);
    }

    Result<Alarm> removeFromService(String idOrOccurrence, String user, String reason) {
        requireUser(user);
        requireReason(reason);
        AlarmPoint p = resolve(idOrOccurrence);
        if (p.service == AlarmPoint.Service.OUT_OF_SERVICE) {
            throw new AlarmCommandException(
                    Reason.CONFLICT, "alarm " + p.id + " is already out of service (by " + p.serviceBy + ")");
        }
        long now = begin();
        emit(
                p,
                Transition.REMOVED_FROM_SERVICE,
                now,
                openOccurrence(p),
                priorityOf(p),
                value(p),
                user,
                reason.strip(),
                0,
                0);
        fireDue(now);
        return new Result<>(view(p), flush());
    }

    Result<Alarm> returnToService(String idOrOccurrence, String user) {
        return endService(
                idOrOccurrence,
                user,
                AlarmPoint.Service.OUT_OF_SERVICE,
                "out of service",
                Transition.RETURNED_TO_SERVICE);
    }

    /** Unshelves or returns to service: the point must be in {@code service} ({@code label} in the refusal). */
    private Result<Alarm> endService(
            String idOrOccurrence, String user, AlarmPoint.Service service, String label, Transition transition) {
        requireUser(user);
        AlarmPoint p = resolve(idOrOccurrence);
        if (p.service != service) {
            throw new AlarmCommandException(
                    Reason.CONFLICT,
                    "alarm " + p.id + " is not " + label + " (" + p.state().label() + ")");
        }
        long now = begin();
        emit(p, transition, now, 0, p.priority, value(p), user, "", 0, 0);
        annunciateIfActive(p, now);
        return new Result<>(view(p), flush());
    }

    /** Back in service or unshelved: a condition that is present is annunciated again, as a new occurrence. */
    private void annunciateIfActive(AlarmPoint p, long now) {
        if (p.enabled() && p.active && p.occ == null) {
            raise(p, now, p.priority, 0);
        }
    }

    private AlarmPoint resolve(String idOrOccurrence) {
        if (idOrOccurrence == null || idOrOccurrence.isBlank()) {
            throw new AlarmCommandException(Reason.INVALID, "an alarm id or occurrence number is required");
        }
        AlarmPoint p = byId.get(idOrOccurrence);
        if (p != null) {
            return p;
        }
        if (idOrOccurrence.chars().allMatch(Character::isDigit) && idOrOccurrence.length() < 19) {
            long occurrence = Long.parseLong(idOrOccurrence);
            for (AlarmPoint q : points) {
                if (q.occ != null && q.occ.id == occurrence) {
                    return q;
                }
            }
            throw new AlarmCommandException(
                    Reason.NOT_FOUND, "no open alarm occurrence " + occurrence + " (it ended or never existed)");
        }
        throw new AlarmCommandException(Reason.NOT_FOUND, "no alarm '" + idOrOccurrence + "'");
    }

    private static void requireUser(String user) {
        if (user == null || user.isBlank()) {
            throw new AlarmCommandException(Reason.INVALID, "a user is required");
        }
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new AlarmCommandException(Reason.INVALID, "a reason is required");
        }
    }

    // ---------------------------------------------------------------------------------------------
    // journal entries: create and apply

    private void emit(
            AlarmPoint p,
            Transition transition,
            long time,
            long occurrence,
            AlarmPriority priority,
            Object value,
            String user,
            String detail,
            long related,
            long until) {
        boolean ackedOnRaise = transition == Transition.RAISED && p != null && !p.ackRequired;
        long s = ++seq;
        Instant at = TimeUtil.instant(time);
        Instant untilInstant = until == 0 ? null : TimeUtil.instant(until);
        AlarmEvent draft = new AlarmEvent(
                s,
                at,
                p == null ? ENGINEER_CALL_ID : p.id,
                occurrence,
                transition,
                ackedOnRaise ? AlarmState.ACKNOWLEDGED : AlarmState.UNACKNOWLEDGED,
                priority,
                value,
                user,
                detail,
                related,
                untilInstant);
        boolean wasWaiting = p != null && unacknowledgedHigh.contains(p);
        apply(p, transition, time, draft);
        if (transition == Transition.RAISED || transition == Transition.REACTIVATED) {
            armEscalations(p, time);
        } else if (wasWaiting && !unacknowledgedHigh.contains(p)) {
            schedule(time, TimerKind.ENGINEER_CALL, null); // the engineer call may end
        }
        AlarmState after = p == null ? AlarmState.NORMAL : p.state();
        pending.add(new AlarmEvent(
                s,
                at,
                draft.alarmId(),
                occurrence,
                transition,
                after,
                priority,
                value,
                user,
                detail,
                related,
                untilInstant));
    }

    /**
     * Changes state as a journal entry says. The only place that changes occurrences, service and
     * suppression, for new entries and for replayed ones alike.
     */
    private void apply(AlarmPoint p, Transition transition, long time, AlarmEvent e) {
        switch (transition) {
            case ENGINEER_CALL -> {
                callStage = EngineerCall.Stage.valueOf(e.detail().toUpperCase(java.util.Locale.ROOT));
                callSince = time;
                return;
            }
            case ENGINEER_CALL_CLEARED -> {
                callStage = EngineerCall.Stage.NONE;
                callSince = time;
                return;
            }
            case WATCH_STARTED, WATCH_RESET -> {
                watchRunning = true;
                watchUser = e.user();
                watchLastReset = time;
                watchPrewarning = false;
                return;
            }
            case WATCH_PREWARNING -> {
                watchPrewarning = true;
                return;
            }
            case WATCH_STOPPED -> {
                watchRunning = false;
                watchUser = e.user();
                watchPrewarning = false;
                return;
            }
            default -> {}
        }
        switch (transition) {
            case RAISED -> {
                p.occ = new Occurrence(
                        e.occurrence(),
                        e.priority(),
                        time,
                        e.value(),
                        e.state() == AlarmState.ACKNOWLEDGED,
                        e.related());
                kpis.activation(p.id, time);
            }
            case REACTIVATED -> {
                if (p.occ != null) {
                    p.occ.clearedAt = 0;
                    kpis.activation(p.id, time);
                }
            }
            case ACKNOWLEDGED -> {
                if (p.occ != null) {
                    p.occ.acked = true;
                    p.occ.ackedAt = time;
                    p.occ.ackedBy = e.user();
                    if (p.occ.clearedAt != 0) {
                        p.occ = null;
                    }
                }
            }
            case CLEARED -> {
                if (p.occ != null) {
                    if (p.occ.acked) {
                        p.occ = null;
                    } else {
                        p.occ.clearedAt = time;
                    }
                }
            }
            case SHELVED -> {
                p.service = AlarmPoint.Service.SHELVED;
                p.shelvedUntil = e.until() == null ? time : micros(e.until());
                p.serviceBy = e.user();
                p.serviceReason = e.detail();
                p.occ = null;
            }
            case REMOVED_FROM_SERVICE -> {
                p.service = AlarmPoint.Service.OUT_OF_SERVICE;
                p.shelvedUntil = 0;
                p.serviceBy = e.user();
                p.serviceReason = e.detail();
                p.occ = null;
            }
            case UNSHELVED, SHELVE_EXPIRED, RETURNED_TO_SERVICE -> {
                p.service = AlarmPoint.Service.IN_SERVICE;
                p.shelvedUntil = 0;
                p.serviceBy = null;
                p.serviceReason = null;
            }
            case SUPPRESSED -> {
                p.suppressed = true;
                if (p.occ != null) {
                    if (p.occ.acked) {
                        p.occ = null;
                    } else if (p.occ.clearedAt == 0) {
                        p.occ.clearedAt = time; // kept until acknowledged: suppression never hides an unseen alarm
                    }
                }
            }
            case UNSUPPRESSED -> p.suppressed = false;
            case ESCALATED -> {
                // the RAISED entry that follows replaces the occurrence
            }
            default -> throw new IllegalStateException("unexpected transition " + transition);
        }
        if (p.occ != null && !p.occ.acked && isHigh(p.occ.priority)) {
            unacknowledgedHigh.add(p);
        } else {
            unacknowledgedHigh.remove(p);
        }
    }

    private CompletableFuture<Void> flush() {
        if (pending.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        List<AlarmEvent> events = List.copyOf(pending);
        pending.clear();
        return sink.publish(events);
    }

    // ---------------------------------------------------------------------------------------------
    // views

    List<Alarm> alarms() {
        List<Alarm> result = new ArrayList<>();
        for (AlarmPoint p : points) {
            if (p.state() != AlarmState.NORMAL) {
                result.add(view(p));
            }
        }
        result.sort(Comparator.comparing(Alarm::priority)
                .thenComparing(Alarm::raisedAt, Comparator.nullsLast(Comparator.reverseOrder())));
        return result;
    }

    List<Alarm> all() {
        List<Alarm> result = new ArrayList<>(points.size());
        for (AlarmPoint p : points) {
            result.add(view(p));
        }
        return result;
    }

    Optional<Alarm> alarm(String idOrOccurrence) {
        try {
            return Optional.of(view(resolve(idOrOccurrence)));
        } catch (AlarmCommandException e) {
            return Optional.empty();
        }
    }

    EngineerCall engineerCall() {
        if (callStage == EngineerCall.Stage.NONE) {
            return new EngineerCall(EngineerCall.Stage.NONE, null, List.of());
        }
        return new EngineerCall(callStage, TimeUtil.instant(callSince), overdue(now()));
    }

    AlarmKpi kpi() {
        long now = now();
        List<String> standing = new ArrayList<>();
        Map<AlarmState, Integer> counts = new EnumMap<>(AlarmState.class);
        for (AlarmPoint p : points) {
            counts.merge(p.state(), 1, Integer::sum);
            if (p.occ != null && p.occ.clearedAt == 0 && now - p.occ.raisedAt > Kpis.DAY) {
                standing.add(p.id);
            }
        }
        return kpis.compute(
                now,
                standing,
                counts.getOrDefault(AlarmState.UNACKNOWLEDGED, 0)
                        + counts.getOrDefault(AlarmState.RTN_UNACKNOWLEDGED, 0),
                counts.getOrDefault(AlarmState.SHELVED, 0),
                counts.getOrDefault(AlarmState.SUPPRESSED, 0),
                counts.getOrDefault(AlarmState.OUT_OF_SERVICE, 0));
    }

    Alarm view(AlarmPoint p) {
        Occurrence o = p.occ;
        boolean shelved = p.service == AlarmPoint.Service.SHELVED;
        boolean inService = p.service == AlarmPoint.Service.IN_SERVICE;
        return new Alarm(
                p.id,
                o == null ? 0 : o.id,
                p.type,
                p.source,
                p.group,
                priorityOf(p),
                p.message,
                p.state(),
                p.active,
                o == null ? null : TimeUtil.instant(o.raisedAt),
                o == null ? null : o.value,
                o == null || o.ackedAt == 0 ? null : TimeUtil.instant(o.ackedAt),
                o == null ? null : o.ackedBy,
                o == null || o.clearedAt == 0 ? null : TimeUtil.instant(o.clearedAt),
                o == null ? 0 : o.escalatedFrom,
                shelved ? TimeUtil.instant(p.shelvedUntil) : null,
                inService ? null : p.serviceBy,
                inService ? null : p.serviceReason);
    }

    /** The number of the point's open occurrence, 0 if none. */
    private static long openOccurrence(AlarmPoint p) {
        return p.occ == null ? 0 : p.occ.id;
    }

    private static AlarmPriority priorityOf(AlarmPoint p) {
        return p.occ == null ? p.priority : p.occ.priority;
    }

    private Object value(AlarmPoint p) {
        return switch (p.type) {
            case COMMUNICATION_FAULT -> (long) communicationFaults.get(p).size();
            case WATCH_TIMER -> null;
            case SYSTEM_FAULT -> p == historianPoint ? historianFault : null;
            default -> {
                TagValue v = latest(p.source);
                yield v == null ? null : v.value();
            }
        };
    }

    int size() {
        return points.size();
    }

    /** The time of a user command, after the timers that ran out before it. */
    private long begin() {
        long now = now();
        fireDue(now);
        return now;
    }

    private long now() {
        return micros(clock.instant());
    }

    private static long micros(Instant t) {
        return TimeUtil.micros(t);
    }

    private static long micros(Duration d) {
        return d.toNanos() / 1_000L;
    }

    private static Instant instantOrNull(long micros) {
        return micros == 0 ? null : TimeUtil.instant(micros);
    }
}
