package org.vmsseaman.driver.nmea2000.internal;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls a condition. */
final class Waits {

    private Waits() {}

    /**
     * Starts a device without tags with {@code settings}, waits until it reports DISCONNECTED, closes it and
     * returns the detail of that status.
     */
    static String firstDisconnect(java.nio.file.Path home, java.util.Map<String, Object> settings) throws Exception {
        RecordingSink sink = new RecordingSink();
        org.vmsseaman.api.driver.DeviceSession session =
                new Nmea2000Driver(home).start(FakeContext.of("dev", settings, java.util.List.of(), sink));
        try {
            until("disconnected", () -> sink.hasStatus(org.vmsseaman.api.device.ConnectionState.DISCONNECTED));
        } finally {
            session.close();
        }
        return sink.first(org.vmsseaman.api.device.ConnectionState.DISCONNECTED).detail();
    }

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
