package org.vmsseaman.alarm.internal;

import java.util.ArrayList;
import java.util.List;
import org.vmsseaman.api.historian.HistorianStats;
import org.vmsseaman.api.historian.Recovery;

/**
 * Self-monitoring of the historian, checked about once a second: is it missing, has it lost updates since
 * the last check, has it stopped committing with samples waiting, did it start on a damaged database
 * (reported once, if that was recent), or did its disk budget force raw samples out before their
 * retention time (reported at the check that sees it)? Not thread-safe: one caller.
 */
final class HistorianMonitor {

    /** How long the historian may be missing (e.g. at start or while it is updated) before it is a fault. */
    static final long MISSING_GRACE_MICROS = 60_000_000;
    /** A recovery older than this at the first check was seen by an earlier alarm engine: not reported again. */
    static final long RECOVERY_REPORT_MICROS = 600_000_000;

    private long missingSince = Long.MIN_VALUE;
    private long lostSeen = -1;
    private Recovery reported;
    private long evictionSeen = -1;

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
            evictionSeen = -1;
            return now - missingSince >= MISSING_GRACE_MICROS
                    ? "historian not running for " + (now - missingSince) / 1_000_000 + " s: values are not recorded"
                    : null;
        }
        missingSince = Long.MIN_VALUE;
        List<String> faults = new ArrayList<>(3);
        if (recovery != null && !recovery.equals(reported)) {
            reported = recovery;
            if (now - TimeUtil.micros(recovery.at()) < RECOVERY_REPORT_MICROS) {
                faults.add(recovery.describe());
            }
        }
        long lost = stats.lost();
        long newlyLost = lost - Math.max(0, lostSeen);
        lostSeen = lost;
        stats.commitOverdue(now).ifPresent(faults::add);
        long eviction = stats.lastEvictionTime();
        if (evictionSeen >= 0 && eviction != evictionSeen && eviction != 0) {
            faults.add("historian disk budget reached: raw samples from " + TimeUtil.instant(stats.evictedFrom())
                    + " to " + TimeUtil.instant(stats.evictedUntil())
                    + " removed before their retention time (rollups kept)");
        }
        evictionSeen = eviction;
        if (newlyLost > 0) {
            faults.add("historian lost " + newlyLost + " updates (it fell behind the tag store; " + lost
                    + " since it started)");
        }
        return faults.isEmpty() ? null : String.join("; ", faults);
    }
}
