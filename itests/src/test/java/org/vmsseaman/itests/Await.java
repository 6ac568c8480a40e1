package org.vmsseaman.itests;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Polls a condition until it holds or a deadline passes; the failure message says what was awaited and what was last seen. */
final class Await {
    private Await() {}

    static void until(Duration timeout, String what, BooleanSupplier condition) {
        until(timeout, what, condition, () -> "");
    }

    static void until(Duration timeout, String what, BooleanSupplier condition, Supplier<String> lastSeen) {
        long deadline = System.nanoTime() + timeout.toNanos();
        RuntimeException lastError = null;
        while (true) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
                lastError = null;
            } catch (RuntimeException e) {
                // not ready yet (e.g. the HTTP whiteboard still registering): retry until the deadline
                lastError = e;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(
                        "not within " + timeout.toSeconds() + " s: " + what + " " + lastSeen.get()
                                + (lastError == null ? "" : " (last attempt failed: " + lastError + ")"),
                        lastError);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what);
            }
        }
    }
}
