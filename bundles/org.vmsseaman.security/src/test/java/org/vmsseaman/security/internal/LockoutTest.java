package org.vmsseaman.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** A lockout starts at the limit, lasts its time, and is never lifted by failures that raced past the check. */
class LockoutTest {

    private static final Instant T0 = Instant.parse("2026-11-22T00:00:00Z");
    private final Lockout lockout = new Lockout(3, Duration.ofMinutes(15));

    @Test
    void theThirdFailureLocksForTheDuration() {
        assertThat(lockout.fail("a", T0)).isNull();
        assertThat(lockout.fail("a", T0)).isNull();
        assertThat(lockout.fail("a", T0)).isEqualTo(T0.plus(Duration.ofMinutes(15)));
        assertThat(lockout.lockedUntil("a", T0.plusSeconds(899))).isNotNull();
        assertThat(lockout.lockedUntil("a", T0.plusSeconds(900))).isNull();
        assertThat(lockout.lockedUntil("b", T0)).isNull();
    }

    /** Found by FuzzIT: a failure counted after the lock used to start a new count and so lift the lock. */
    @Test
    void aFailureAfterTheLockKeepsIt() {
        for (int i = 0; i < 3; i++) {
            lockout.fail("a", T0);
        }
        assertThat(lockout.fail("a", T0.plusSeconds(1))).isNull(); // not locked again: it still is
        assertThat(lockout.lockedUntil("a", T0.plusSeconds(2))).isEqualTo(T0.plus(Duration.ofMinutes(15)));
    }

    @Test
    void concurrentFailuresLockOnceAndStayLocked() throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        List<Instant> locks = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < 8; t++) {
            Thread th = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < 1000; i++) {
                    Instant locked = lockout.fail("a", T0);
                    if (locked != null) {
                        locks.add(locked);
                    }
                }
            });
            th.start();
            threads.add(th);
        }
        go.countDown();
        for (Thread th : threads) {
            th.join();
        }
        assertThat(locks).hasSize(1);
        assertThat(lockout.lockedUntil("a", T0)).isNotNull();
    }
}
