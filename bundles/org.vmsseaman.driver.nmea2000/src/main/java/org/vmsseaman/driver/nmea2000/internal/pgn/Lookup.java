package org.vmsseaman.driver.nmea2000.internal.pgn;

import java.util.Locale;
import java.util.Map;

/**
 * Names of the values of an enumerated field, used to write binding filters by name (e.g. tank type
 * {@code fuel}) and in the discover summary.
 *
 * @param name the lookup's name, e.g. {@code tankType}
 * @param labels value to lower-case label, e.g. {@code 0 -> "fuel"}
 */
public record Lookup(String name, Map<Long, String> labels) {

    public Lookup {
        labels = Map.copyOf(labels);
    }

    /** The value of a label (case-insensitive), or -1 if none has it. */
    public long valueOf(String label) {
        String l = label.trim().toLowerCase(Locale.ROOT);
        for (Map.Entry<Long, String> e : labels.entrySet()) {
            if (e.getValue().equals(l)) {
                return e.getKey();
            }
        }
        return -1;
    }
}
