package org.vmsseaman.driver.simulator.internal.model;

import java.util.Locale;
import java.util.Set;
import org.vmsseaman.api.tag.DataType;

/** The simulation profiles a binding address may name with {@code profile}. */
enum Profile {
    LOAD(600, true, DataType.DOUBLE, DataType.LONG),
    THERMAL(0, true, DataType.DOUBLE, DataType.LONG),
    PRESSURE(0, true, DataType.DOUBLE, DataType.LONG),
    SPEED(0, true, DataType.DOUBLE, DataType.LONG),
    LEVEL(3600, false, DataType.DOUBLE, DataType.LONG),
    SWITCH(300, false, DataType.BOOLEAN, DataType.ENUM),
    CONSTANT_BOOL(0, false, DataType.BOOLEAN),
    POSITION(0, false, DataType.DOUBLE),
    ANGLE(900, true, DataType.DOUBLE, DataType.LONG),
    RANDOM_WALK(120, true, DataType.DOUBLE, DataType.LONG),
    DIFFERENCE(0, true, DataType.DOUBLE, DataType.LONG);

    private final double defaultPeriodSeconds;
    private final boolean usesLeader;
    private final Set<DataType> types;

    Profile(double defaultPeriodSeconds, boolean usesLeader, DataType first, DataType... more) {
        this.defaultPeriodSeconds = defaultPeriodSeconds;
        this.usesLeader = usesLeader;
        this.types = Set.copyOf(java.util.EnumSet.of(first, more));
    }

    /** The period used when the address has no {@code periodSeconds}; 0 if the profile has none. */
    double defaultPeriodSeconds() {
        return defaultPeriodSeconds;
    }

    /** Whether {@code follows} changes this profile's behaviour (otherwise it is only validated). */
    boolean usesLeader() {
        return usesLeader;
    }

    boolean accepts(DataType type) {
        return types.contains(type);
    }

    /** The name used in binding addresses, e.g. {@code random_walk}. */
    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The data types this profile applies to, for messages. */
    String typeLabels() {
        return types.stream()
                .map(DataType::label)
                .sorted()
                .reduce((a, b) -> a + ", " + b)
                .orElse("");
    }

    /** The profile with this label, or null. */
    static Profile fromLabel(String label) {
        for (Profile p : values()) {
            if (p.label().equals(label.trim().toLowerCase(Locale.ROOT))) {
                return p;
            }
        }
        return null;
    }

    /** All labels, for messages. */
    static String labels() {
        return java.util.Arrays.stream(values())
                .map(Profile::label)
                .reduce((a, b) -> a + ", " + b)
                .orElse("");
    }
}
