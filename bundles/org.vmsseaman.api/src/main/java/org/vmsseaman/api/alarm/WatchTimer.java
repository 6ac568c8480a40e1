package org.vmsseaman.api.alarm;

import java.time.Instant;

/**
 * The watch (dead-man) timer of an engineer on rounds in an unattended machinery space: started
 * when the engineer goes on rounds, reset periodically; a pre-warning comes before the end of the
 * period, and at its end the {@code system.watch} alarm is raised.
 *
 * @param running whether the timer runs
 * @param user who started or last reset it, or null
 * @param lastReset when it was started or last reset, or null
 * @param prewarningAt when the pre-warning comes, or null if not running
 * @param expiresAt when the alarm is raised, or null if not running
 * @param prewarning whether the pre-warning is on
 * @param expired whether the period ran out (the alarm is raised)
 */
public record WatchTimer(
        boolean running,
        String user,
        Instant lastReset,
        Instant prewarningAt,
        Instant expiresAt,
        boolean prewarning,
        boolean expired) {}
