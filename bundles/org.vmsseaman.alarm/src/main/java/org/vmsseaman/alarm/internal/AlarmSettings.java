package org.vmsseaman.alarm.internal;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Times and switches of the alarm engine.
 *
 * @param engineerCallDelay how long an alarm may stay unacknowledged before the engineer call starts
 * @param groupEngineerCallDelays the same per alarm group, where it differs from the default
 * @param allEngineersDelay how long the duty engineer has before all engineers and the bridge are called
 * @param warningEscalation how long a warning may stay unacknowledged before it becomes an alarm
 * @param maxShelve the longest time an alarm can be shelved for
 * @param watchPeriod the watch timer's period between resets
 * @param watchPrewarning how long before the end of the period the pre-warning comes
 * @param sensorFaultAlarms whether tags with alarms get an automatic sensor-fault alarm
 * @param communicationFaultAlarms whether devices get an automatic communication-fault alarm
 */
public record AlarmSettings(
        Duration engineerCallDelay,
        Map<String, Duration> groupEngineerCallDelays,
        Duration allEngineersDelay,
        Duration warningEscalation,
        Duration maxShelve,
        Duration watchPeriod,
        Duration watchPrewarning,
        boolean sensorFaultAlarms,
        boolean communicationFaultAlarms) {

    public AlarmSettings {
        groupEngineerCallDelays = Map.copyOf(groupEngineerCallDelays);
        for (Duration d :
                new Duration[] {engineerCallDelay, allEngineersDelay, warningEscalation, maxShelve, watchPeriod}) {
            if (Objects.requireNonNull(d).isNegative() || d.isZero()) {
                throw new IllegalArgumentException("alarm engine times must be positive, got " + d);
            }
        }
        if (watchPrewarning.isNegative() || watchPrewarning.compareTo(watchPeriod) >= 0) {
            throw new IllegalArgumentException("the watch pre-warning must be shorter than the watch period");
        }
    }

    /**
     * Defaults after common class rules for unattended machinery spaces: engineer call after 3 minutes,
     * all engineers and the bridge 2 minutes later; a warning becomes an alarm after 5 minutes (BAM);
     * shelving for at most 8 hours; a 27-minute watch timer with a 3-minute pre-warning.
     */
    public static AlarmSettings defaults() {
        return new AlarmSettings(
                Duration.ofMinutes(3),
                Map.of(),
                Duration.ofMinutes(2),
                Duration.ofMinutes(5),
                Duration.ofHours(8),
                Duration.ofMinutes(27),
                Duration.ofMinutes(3),
                true,
                true);
    }

    /**
     * Settings from the configuration.
     *
     * @throws IllegalArgumentException naming the property and entry that is wrong
     */
    static AlarmSettings from(AlarmConfig c) {
        Map<String, Duration> groups = new java.util.HashMap<>();
        for (String entry : c.groupEngineerCallDelays()) {
            int eq = entry.indexOf('=');
            String group = eq < 0 ? "" : entry.substring(0, eq).trim();
            long seconds;
            try {
                seconds = eq < 0 ? -1 : Long.parseLong(entry.substring(eq + 1).trim());
            } catch (NumberFormatException e) {
                seconds = -1;
            }
            if (group.isEmpty() || seconds <= 0) {
                throw new IllegalArgumentException("groupEngineerCallDelays: '" + entry
                        + "' is not group=seconds with a positive number of seconds, e.g. fire=60");
            }
            groups.put(group, Duration.ofSeconds(seconds));
        }
        return new AlarmSettings(
                Duration.ofSeconds(c.engineerCallDelaySeconds()),
                groups,
                Duration.ofSeconds(c.allEngineersDelaySeconds()),
                Duration.ofSeconds(c.warningEscalationSeconds()),
                Duration.ofMinutes(c.maxShelveMinutes()),
                Duration.ofMinutes(c.watchPeriodMinutes()),
                Duration.ofMinutes(c.watchPrewarningMinutes()),
                c.sensorFaultAlarms(),
                c.communicationFaultAlarms());
    }

    /** The engineer-call delay of one alarm group. */
    Duration engineerCallDelay(String group) {
        return groupEngineerCallDelays.getOrDefault(group, engineerCallDelay);
    }
}
