package org.vmsseaman.api.historian;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the historian did at start because its database could not be opened: the damaged files were kept
 * aside (never deleted) and recording went on, in the same database without its write-ahead log if that
 * was enough, else in a new one.
 *
 * @param at when the historian started and found the damage
 * @param cause what the database reported
 * @param keptAside the damaged files, renamed {@code *.damaged-<UTC time>} in the same folder
 * @param databaseKept {@code true} if only the write-ahead log was damaged and the database itself was kept
 * @param lostFrom samples from this time on are not in the historian (the newest sample kept, or null when
 *     the whole database was replaced and what it held is unknown)
 * @param lostUntil samples before this time are not in the historian: the start, {@code at}
 * @since 1.2
 */
public record Recovery(
        Instant at, String cause, List<String> keptAside, boolean databaseKept, Instant lostFrom, Instant lostUntil) {

    public Recovery {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(cause, "cause");
        keptAside = List.copyOf(keptAside);
        Objects.requireNonNull(lostUntil, "lostUntil");
    }

    /** One line for logs and alarms: what was lost and where the damaged files are. */
    public String describe() {
        String window;
        if (lostFrom != null) {
            window = "samples from " + lostFrom + " to " + lostUntil;
        } else if (databaseKept) {
            window = "samples not checkpointed before " + lostUntil;
        } else {
            window = "every sample recorded before " + lostUntil;
        }
        return (databaseKept
                        ? "historian write-ahead log was damaged; database kept, "
                        : "historian database was damaged and replaced by a new one; ")
                + window + " are lost; damaged files kept as " + keptAside + " (" + cause + ")";
    }
}
