package org.vmsseaman.driver.simulator.internal;

import java.util.Map;
import java.util.SplittableRandom;
import org.vmsseaman.api.driver.DriverException;
import org.vmsseaman.api.project.DeviceDefinition;

/**
 * A simulator device's settings.
 *
 * @param tickMillis milliseconds between two published batches, {@code >= 10}
 * @param seed seed of the device's random generators
 */
record SimulatorSettings(long tickMillis, long seed) {

    static final String TICK_MILLIS = "tickMillis";
    static final String SEED = "seed";
    static final long DEFAULT_TICK_MILLIS = 500;
    static final long MIN_TICK_MILLIS = 10;
    static final long MAX_TICK_MILLIS = 3_600_000;

    /**
     * Milliseconds from the first tick to the second, in {@code [1, tickMillis]}: derived from the seed, so a
     * device keeps its phase from run to run and devices of one project tick spread over the period.
     */
    long phaseMillis() {
        return 1 + new SplittableRandom(seed).nextLong(tickMillis);
    }

    /** Seconds of simulated time per tick. */
    double tickSeconds() {
        return tickMillis / 1000.0;
    }

    /**
     * Reads the settings of a device: {@code tickMillis} (default 500) and {@code seed} (default
     * derived from the device id).
     *
     * @throws DriverException naming the setting that is invalid
     */
    static SimulatorSettings of(DeviceDefinition device) throws DriverException {
        Map<String, Object> s = device.settings();
        long tick = s.containsKey(TICK_MILLIS) ? integer(device, TICK_MILLIS, s.get(TICK_MILLIS)) : DEFAULT_TICK_MILLIS;
        if (tick < MIN_TICK_MILLIS || tick > MAX_TICK_MILLIS) {
            throw new DriverException("device '" + device.id() + "': setting " + TICK_MILLIS + " must be between "
                    + MIN_TICK_MILLIS + " and " + MAX_TICK_MILLIS + " milliseconds, was " + s.get(TICK_MILLIS));
        }
        long seed = s.containsKey(SEED)
                ? integer(device, SEED, s.get(SEED))
                : device.id().hashCode();
        return new SimulatorSettings(tick, seed);
    }

    private static long integer(DeviceDefinition device, String key, Object value) throws DriverException {
        if (value instanceof Number n) {
            double d = n.doubleValue();
            if (d == Math.rint(d) && Math.abs(d) < 9.0e15) {
                return n.longValue();
            }
        } else if (value instanceof String str) {
            try {
                return Long.parseLong(str.trim());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new DriverException(
                "device '" + device.id() + "': setting " + key + " must be an integer, was '" + value + "'");
    }
}
