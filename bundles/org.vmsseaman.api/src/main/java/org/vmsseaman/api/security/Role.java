package org.vmsseaman.api.security;

import java.util.Locale;

/**
 * What a user may do; each role includes everything the roles before it may do:
 * {@code VIEWER < OPERATOR < ENGINEER < ADMIN}.
 */
public enum Role {
    /** Reads tags, history, alarms and the journal. */
    VIEWER,
    /** Also acknowledges alarms and resets the watch timer. */
    OPERATOR,
    /** Also shelves alarms, takes them out of service, writes setpoints and changes the project. */
    ENGINEER,
    /** Also manages users, installs bundles and uses the Web Console. */
    ADMIN;

    /** Whether a user with this role may do what {@code needed} may do. */
    public boolean includes(Role needed) {
        return compareTo(needed) >= 0;
    }

    /** The lower-case name used in JSON and configuration, e.g. {@code operator}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The role with this label, in any case.
     *
     * @throws IllegalArgumentException naming the known roles
     */
    public static Role of(String label) {
        for (Role r : values()) {
            if (r.name().equalsIgnoreCase(label == null ? "" : label.strip())) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown role '" + label + "' (known: viewer, operator, engineer, admin)");
    }
}
