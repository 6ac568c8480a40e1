package org.vmsseaman.alarm.internal;

import java.util.ArrayList;
import java.util.List;
import org.vmsseaman.api.historian.HistorianStats;
import org.vmsseaman.api.historian.Recovery;

/**
 * Self-monitoring of the historian, checked about once a second: is it missing, has it lost updates since
 * the last check, has it stopped committing with samples waiting, or did it start on a damaged database
 * (reported once, if that was recent)? Not thread-safe: one caller.
 */
final class HistorianMonitor {

    /** How long the historian may be missing (e.g. at start or while it is updated) before it is a fault. */
    static final long MISSING_GRACE_MICROS = 60_000_000;
    /** How long commits may stop while samples wait (the historian commits at least every second). */
    static final long COMMIT_OVERDUE_MICROS = 10_000_000;
    /** A recovery older than this at the first check was seen by an earlier alarm engine: not reported again. */
    static final long RECOVERY_REPORT_MICROS = 600_000_000;

    private long missingSince = Long.MIN_VALUE;
    private long lostSeen = -1;
    private Recovery reported;

    /**
     * What is wrong with the historian now, or null.
     *
     * @param stats its statistics, or null while no historian service is there
     * @param recovery its recovery from a damaged database at start, or null
     * @param now microseconds since the epoch
     */
    String check(HistorianStats stats, Recovery recovery, long now) {
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
        List<String> faults = new ArrayList<>(3);
        if (recovery != null && !recovery.equals(reported)) {
            reported = recovery;
            long at = recovery.at().getEpochSecond() * 1_000_000 + recovery.at().getNano() / 1_000;
            if (now - at < RECOVERY_REPORT_MICROS) {
                faults.add(recovery.describe());
            }
        }
        long lost = stats.lost();
        long newlyLost = lost - Math.max(0, lostSeen);
        lostSeen = lost;
        if (stats.backlog() > 0
                && stats.lastCommitTime() != 0
                && now - stats.lastCommitTime() > COMMIT_OVERDUE_MICROS) {
            faults.add("historian has not committed for " + (now - stats.lastCommitTime()) / 1_000_000 + " s ("
                    + stats.backlog() + " samples waiting)");
        }
        if (newlyLost > 0) {
            faults.add("historian lost " + newlyLost + " updates (it fell behind the tag store; " + lost
                    + " since it started)");
        }
        return faults.isEmpty() ? null : String.join("; ", faults);
    }
}
