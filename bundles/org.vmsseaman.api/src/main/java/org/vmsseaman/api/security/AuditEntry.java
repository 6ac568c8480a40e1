package org.vmsseaman.api.security;

import java.time.Instant;
import java.util.Objects;

/**
 * One audit record: who did what to what, when, from where, and whether it worked.
 *
 * @param time when it happened (UTC)
 * @param user who did it; the claimed name for a failed login, {@code system} for the runtime itself
 * @param action what was done, a dotted lower-case verb such as {@code login}, {@code user.create},
 *     {@code alarm.ack}
 * @param target what it was done to (a user name, an alarm id), or null
 * @param outcome whether it worked
 * @param detail free text, or null; never a password or token
 * @param remoteAddress the client's address, or null for local actions
 */
public record AuditEntry(
        Instant time, String user, String action, String target, Outcome outcome, String detail, String remoteAddress) {

    /** Whether the action worked. */
    public enum Outcome {
        SUCCESS,
        /** It was tried and failed (wrong password, invalid input). */
        FAILURE,
        /** It was refused: not allowed, or locked out. */
        DENIED
    }

    public AuditEntry {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
    }
}
