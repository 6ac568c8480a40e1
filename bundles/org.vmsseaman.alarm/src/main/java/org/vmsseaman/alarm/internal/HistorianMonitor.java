package org.vmsseaman.alarm.internal;

import org.vmsseaman.api.historian.HistorianStats;

/**
 * Self-monitoring of the historian, checked about once a second: is it missing, has it lost updates since
 * the last check, or has it stopped committing with samples waiting? Not thread-safe: one caller.
 */
final class HistorianMonitor {

    /** How long the historian may be missing (e.g. at start or while it is updated) before it is a fault. */
    static final long MISSING_GRACE_MICROS = 60_000_000;
    /** How long commits may stop while samples wait (the historian commits at least every second). */
    static final long COMMIT_OVERDUE_MICROS = 10_000_000;

    private long missingSince = Long.MIN_VALUE;
    private long lostSeen = -1;

    /**
     * What is wrong with the historian now, or null.
     *
     * @param stats its statistics, or null while no historian service is there
     * @param now microseconds since the epoch
     */
    String check(HistorianStats stats, long now) {
        if (stats == null) {
            if (missingSince == Long.MIN_VALUE) {
                missingSince = now;
            }
            lostSeen = -1; // a historian that comes back counts from 0 again
            return now - missingSince >= MISSING_GRACE_MICROS
                    ? "historian not running for " + (now - missingSince) / 1_000_000 + " s: values are not recorded"
                    : null;
        }
        missingSince = Long.MIN_VALUE;
        long lost = stats.lost();
        long newlyLost = lost - Math.max(0, lostSeen);
        lostSeen = lost;
        if (stats.backlog() > 0
                && stats.lastCommitTime() != 0
                && now - stats.lastCommitTime() > COMMIT_OVERDUE_MICROS) {
            return "historian has not committed for " + (now - stats.lastCommitTime()) / 1_000_000 + " s ("
                    + stats.backlog() + " samples waiting)";
        }
        if (newlyLost > 0) {
            return "historian lost " + newlyLost + " updates (it fell behind the tag store; " + lost
                    + " since it started)";
        }
        return null;
    }
}
