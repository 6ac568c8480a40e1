package org.vmsseaman.alarm.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vmsseaman.api.historian.HistorianStats;
import org.vmsseaman.api.historian.Recovery;

class HistorianMonitorTest {

    private static final long S = 1_000_000;
    private static final long T0 = 1_800_000_000L * S;

    private final HistorianMonitor monitor = new HistorianMonitor();

    private static HistorianStats stats(long backlog, long lost, long lastCommit) {
        return new HistorianStats(1_000, 900, backlog, lost, lastCommit, 3, 0, 900, 0);
    }

    @Test
    void aMissingHistorianIsAFaultOnlyAfterTheGraceTime() {
        assertThat(monitor.check(null, null, T0)).isNull();
        assertThat(monitor.check(null, null, T0 + 59 * S)).isNull();
        assertThat(monitor.check(null, null, T0 + 60 * S))
                .isEqualTo("historian not running for 60 s: values are not recorded");
        assertThat(monitor.check(stats(0, 0, T0 + 60 * S), null, T0 + 61 * S))
                .as("back")
                .isNull();
        assertThat(monitor.check(null, null, T0 + 62 * S))
                .as("the grace time starts again")
                .isNull();
    }

    @Test
    void lostUpdatesAreAFaultAtTheCheckThatSeesThemOnly() {
        assertThat(monitor.check(stats(0, 0, T0), null, T0)).isNull();
        assertThat(monitor.check(stats(0, 40, T0 + S), null, T0 + S))
                .isEqualTo("historian lost 40 updates (it fell behind the tag store; 40 since it started)");
        assertThat(monitor.check(stats(0, 40, T0 + 2 * S), null, T0 + 2 * S))
                .as("nothing new")
                .isNull();
        assertThat(monitor.check(stats(0, 45, T0 + 3 * S), null, T0 + 3 * S))
                .isEqualTo("historian lost 5 updates (it fell behind the tag store; 45 since it started)");
        assertThat(monitor.check(null, null, T0 + 4 * S)).isNull();
        assertThat(monitor.check(stats(0, 3, T0 + 5 * S), null, T0 + 5 * S))
                .as("a restarted historian counts from 0: its losses are new")
                .isEqualTo("historian lost 3 updates (it fell behind the tag store; 3 since it started)");
    }

    @Test
    void commitsThatStopWhileSamplesWaitAreAFault() {
        assertThat(monitor.check(stats(500, 0, T0), null, T0 + 10 * S)).isNull();
        assertThat(monitor.check(stats(500, 0, T0), null, T0 + 11 * S))
                .isEqualTo("historian has not committed for 11 s (500 samples waiting)");
        assertThat(monitor.check(stats(0, 0, T0), null, T0 + 60 * S))
                .as("nothing waiting: an idle historian")
                .isNull();
    }

    @Test
    void aRecentRecoveryFromADamagedDatabaseIsReportedOnceTogetherWithOtherFaults() {
        Recovery recovery = new Recovery(
                java.time.Instant.ofEpochSecond(1_800_000_000L),
                "Corrupt WAL file",
                List.of("historian.duckdb.wal.damaged-x"),
                true,
                java.time.Instant.ofEpochSecond(1_799_999_000L),
                java.time.Instant.ofEpochSecond(1_800_000_000L));
        assertThat(monitor.check(stats(0, 7, T0), recovery, T0 + 2 * S))
                .startsWith("historian write-ahead log was damaged; database kept, samples from ")
                .endsWith("; historian lost 7 updates (it fell behind the tag store; 7 since it started)");
        assertThat(monitor.check(stats(0, 7, T0 + 3 * S), recovery, T0 + 3 * S))
                .as("once")
                .isNull();

        HistorianMonitor later = new HistorianMonitor(); // an alarm engine started long after the recovery
        assertThat(later.check(stats(0, 0, T0), recovery, T0 + 601 * S)).isNull();
    }

    @Test
    void anEvictionForcedByTheDiskBudgetIsReportedAtTheCheckThatSeesIt() {
        HistorianStats before = new HistorianStats(
                1, 1, 0, 0, T0, 3, 0, 1, 0, Long.MIN_VALUE, T0 - 3_600 * S, T0 - 90_000 * S, T0 - 86_400 * S, 0, 0);
        assertThat(monitor.check(before, null, T0))
                .as("an eviction before the first check is old news")
                .isNull();
        HistorianStats after = new HistorianStats(
                1, 1, 0, 0, T0, 3, 0, 1, 0, Long.MIN_VALUE, T0 + S, T0 - 86_400 * S, T0 - 82_800 * S, 0, 0);
        assertThat(monitor.check(after, null, T0 + 2 * S))
                .isEqualTo(
                        "historian disk budget reached: raw samples from 2027-01-14T08:00:00Z to 2027-01-14T09:00:00Z"
                                + " removed before their retention time (rollups kept)");
        assertThat(monitor.check(after, null, T0 + 3 * S)).isNull();
    }
}
