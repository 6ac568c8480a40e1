package org.vmsseaman.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import org.vmsseaman.api.tag.TagDefinition;

/**
 * The alarm benchmark's vessel: {@code alarms} alarm definitions in a machinery-space mix, and what one
 * update of each tag costs the engine.
 *
 * <p>Of the definitions 70 % are limit alarms H/HH/L/LL on four-limit analog tags ({@code bench.a<i>}),
 * 20 % H/L on two-limit analog tags, 5 % discrete alarms on boolean tags ({@code bench.d<i>}, alarm
 * while true), 2.5 % deviation alarms (on four-limit tags, against one of a few reference tags
 * {@code bench.r<i>}, ten alarms per reference) and 2.5 % rate-of-change alarms (on two-limit tags).
 * Every alarm has no on/off delay (a condition is annunciated on the update that brings it) and needs
 * acknowledgement. Tags sit on devices of 100 tags each; the engine adds its automatic sensor-fault
 * alarm per tag with alarms and a communication-fault alarm per device (default settings).
 *
 * <p>Crossable tags, the only ones {@link AlarmUpdates} drives over a limit, are the limit tags without
 * a deviation or rate-of-change alarm, so that one crossing changes exactly one alarm (H or L).
 */
final class AlarmBenchProject {

    static final double HIGH_HIGH = 90;
    static final double HIGH = 80;
    static final double LOW = 20;
    static final double LOW_LOW = 10;
    static final double DEADBAND = 1;
    /** Allowed deviation from the reference. */
    static final double DEVIATION = 30;
    /** Allowed change per second. */
    static final double RATE = 500;

    private static final int TAGS_PER_DEVICE = 100;
    private static final int ALARMS_PER_REFERENCE = 10;
    private static final int SYSTEMS = 8;

    final VesselProject vessel;
    /** Tag ids by index. */
    final String[] ids;
    /** Whether a tag is boolean (else DOUBLE). */
    final boolean[] bool;
    /** Whether a tag may cross a limit (see the class comment). */
    final boolean[] crossable;
    /** Alarm definitions evaluated by one update of a tag: its own and the deviation alarms referencing it. */
    final int[] evaluations;
    /** Points the engine evaluates on one update of a tag: {@link #evaluations} plus the automatic sensor fault. */
    final int[] points;

    final int quad;
    final int pair;
    final int discrete;
    final int deviation;
    final int rateOfChange;
    final int references;

    AlarmBenchProject(int alarms) {
        quad = Math.round(0.7f * alarms / 4);
        pair = Math.round(0.2f * alarms / 2);
        discrete = Math.round(0.05f * alarms);
        deviation = Math.round(0.025f * alarms);
        rateOfChange = alarms - 4 * quad - 2 * pair - discrete - deviation;
        references = Math.max(1, (deviation + ALARMS_PER_REFERENCE - 1) / ALARMS_PER_REFERENCE);
        if (rateOfChange < 0 || rateOfChange > pair || deviation > quad) {
            throw new IllegalArgumentException("cannot make the alarm mix from " + alarms + " alarms");
        }
        int analog = quad + pair;
        int n = analog + discrete + references;
        ids = new String[n];
        bool = new boolean[n];
        crossable = new boolean[n];
        evaluations = new int[n];
        points = new int[n];
        List<TagDefinition> tags = new ArrayList<>(n);
        List<AlarmDefinition> defs = new ArrayList<>(alarms);
        List<TagBinding> bindings = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String system = "sys" + (i / TAGS_PER_DEVICE) % SYSTEMS;
            if (i < analog) {
                ids[i] = "bench.a" + i;
                boolean four = i < quad;
                limit(defs, ids[i], "h", ">", HIGH, AlarmPriority.WARNING, system);
                limit(defs, ids[i], "l", "<", LOW, AlarmPriority.WARNING, system);
                evaluations[i] = 2;
                if (four) {
                    limit(defs, ids[i], "hh", ">", HIGH_HIGH, AlarmPriority.ALARM, system);
                    limit(defs, ids[i], "ll", "<", LOW_LOW, AlarmPriority.ALARM, system);
                    evaluations[i] += 2;
                }
                boolean dev = four && i < deviation;
                boolean roc = !four && i - quad < rateOfChange;
                if (dev) {
                    String reference = "bench.r" + (i / ALARMS_PER_REFERENCE);
                    defs.add(alarm(ids[i] + ".dev", ids[i], AlarmKind.DEVIATION, "", DEVIATION, reference, system));
                    evaluations[i]++;
                } else if (roc) {
                    defs.add(alarm(ids[i] + ".roc", ids[i], AlarmKind.RATE_OF_CHANGE, "", RATE, "", system));
                    evaluations[i]++;
                }
                crossable[i] = !dev && !roc;
                points[i] = evaluations[i] + 1;
            } else if (i < analog + discrete) {
                ids[i] = "bench.d" + (i - analog);
                bool[i] = true;
                defs.add(alarm(ids[i] + ".on", ids[i], AlarmKind.DISCRETE, "==", 1, "", system));
                evaluations[i] = 1;
                points[i] = 2;
            } else {
                int r = i - analog - discrete;
                ids[i] = "bench.r" + r;
                evaluations[i] = Math.min(ALARMS_PER_REFERENCE, deviation - r * ALARMS_PER_REFERENCE);
                points[i] = evaluations[i];
            }
            tags.add(new TagDefinition(
                    ids[i],
                    null,
                    null,
                    system,
                    bool[i] ? DataType.BOOLEAN : DataType.DOUBLE,
                    bool[i] ? "" : "degC",
                    null,
                    null,
                    false,
                    HistorianPolicy.DEFAULT,
                    null,
                    null));
            bindings.add(new TagBinding(ids[i], device(i / TAGS_PER_DEVICE), Map.of()));
        }
        List<DeviceDefinition> devices = new ArrayList<>();
        for (int d = 0; d * TAGS_PER_DEVICE < n; d++) {
            devices.add(new DeviceDefinition(device(d), "modbus", "PLC " + d, true, Map.of()));
        }
        List<SystemGroup> systems = new ArrayList<>();
        for (int s = 0; s < SYSTEMS; s++) {
            systems.add(new SystemGroup("sys" + s, "System " + s, ""));
        }
        vessel = new VesselProject(
                1,
                "bench:alarm",
                new VesselInfo("MV Bench", "", "", "", "", ""),
                systems,
                tags,
                defs,
                devices,
                bindings);
    }

    int tags() {
        return ids.length;
    }

    /** Alarm definitions evaluated per update when every tag is updated equally often. */
    double evaluationsPerUpdate() {
        long sum = 0;
        for (int e : evaluations) {
            sum += e;
        }
        return (double) sum / ids.length;
    }

    /** Whether {@code alarmId} is an alarm on tag {@code tag}. */
    boolean isAlarmOf(String alarmId, int tag) {
        String id = ids[tag];
        return alarmId.length() > id.length() && alarmId.startsWith(id) && alarmId.charAt(id.length()) == '.';
    }

    String describe() {
        return String.format(
                "%,d alarm definitions on %,d tags (%,d devices): %,d limit (H/HH/L/LL on %,d tags, H/L on %,d),"
                        + " %,d discrete, %,d deviation (against %d reference tags), %,d rate of change; %,.2f"
                        + " definitions evaluated per update on average; the engine adds %,d automatic alarms",
                vessel.alarms().size(),
                ids.length,
                vessel.devices().size(),
                4 * quad + 2 * pair,
                quad,
                pair,
                discrete,
                deviation,
                references,
                rateOfChange,
                evaluationsPerUpdate(),
                quad + pair + discrete + vessel.devices().size() + 1);
    }

    private static String device(int d) {
        return "plc" + d;
    }

    private static void limit(
            List<AlarmDefinition> defs,
            String tag,
            String suffix,
            String operator,
            double setpoint,
            AlarmPriority priority,
            String group) {
        defs.add(new AlarmDefinition(
                tag + "." + suffix,
                tag,
                AlarmKind.LIMIT,
                operator,
                setpoint,
                "",
                priority,
                group,
                Duration.ZERO,
                Duration.ZERO,
                DEADBAND,
                true,
                tag + " " + suffix.toUpperCase(java.util.Locale.ROOT),
                ""));
    }

    private static AlarmDefinition alarm(
            String id, String tag, AlarmKind kind, String operator, double setpoint, String reference, String group) {
        return new AlarmDefinition(
                id,
                tag,
                kind,
                operator,
                setpoint,
                reference,
                AlarmPriority.WARNING,
                group,
                Duration.ZERO,
                Duration.ZERO,
                kind == AlarmKind.DISCRETE ? 0 : DEADBAND,
                true,
                id,
                "");
    }
}
