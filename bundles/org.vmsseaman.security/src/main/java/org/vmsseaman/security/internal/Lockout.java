package org.vmsseaman.security.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed logins per key (a user name or an address) and locks a key out for a while once it reaches
 * its limit; a success clears the count. Failures older than the lockout time are forgotten.
 */
final class Lockout {

    private record Failures(int count, Instant last, Instant lockedUntil) {}

    private static final int MAX_KEYS = 10_000;

    private final int limit;
    private final Duration duration;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    Lockout(int limit, Duration duration) {
        this.limit = limit;
        this.duration = duration;
    }

    /** Until when {@code key} is locked out, or null. */
    Instant lockedUntil(String key, Instant now) {
        Failures f = failures.get(key);
        return f == null || f.lockedUntil() == null || !now.isBefore(f.lockedUntil()) ? null : f.lockedUntil();
    }

    /** Counts a failure; returns the time the key is locked out until if this failure locked it, else null. */
    Instant fail(String key, Instant now) {
        if (failures.size() >= MAX_KEYS) {
            failures.entrySet().removeIf(e -> forgotten(e.getValue(), now));
        }
        Failures[] locking = new Failures[1];
        Failures f = failures.compute(key, (k, old) -> {
            if (old != null && old.lockedUntil() != null && now.isBefore(old.lockedUntil())) {
                // a failure that raced past the check while another one locked the key: the lock stays
                return old;
            }
            int count = old == null || forgotten(old, now) ? 1 : old.count() + 1;
            Instant until = count >= limit ? now.plus(duration) : null;
            Failures next = new Failures(until == null ? count : 0, now, until);
            locking[0] = until == null ? null : next;
            return next;
        });
        return locking[0] == f ? f.lockedUntil() : null;
    }

    void succeed(String key) {
        failures.remove(key);
    }

    private boolean forgotten(Failures f, Instant now) {
        Instant base = f.lockedUntil() != null ? f.lockedUntil() : f.last().plus(duration);
        return !now.isBefore(base);
    }
}
