package org.vmsseaman.driver.nmea2000.internal;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls a condition. */
final class Waits {

    private Waits() {}

    static void until(String what, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }
}
