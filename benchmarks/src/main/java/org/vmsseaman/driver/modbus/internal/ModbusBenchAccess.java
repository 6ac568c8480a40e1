package org.vmsseaman.driver.modbus.internal;

import java.util.concurrent.CompletableFuture;
import org.vmsseaman.api.device.DeviceContext;
import org.vmsseaman.api.driver.DeviceSession;
import org.vmsseaman.api.driver.DriverException;

/**
 * The benchmark's way into the Modbus driver's internals (same package, benchmark jar only): starts a real
 * {@code modbus-tcp} session and drives its poll cycle back to back on the session's own thread.
 */
public final class ModbusBenchAccess {

    private ModbusBenchAccess() {}

    /** Starts a device as the platform would. */
    public static DeviceSession start(DeviceContext context) throws DriverException {
        return new ModbusTcpDriver().start(context);
    }

    /** Runs {@code cycles} poll cycles back to back on the session's thread; the duration of each, in ns. */
    public static CompletableFuture<long[]> pollBackToBack(DeviceSession session, int cycles) {
        return ((ModbusSession) session).pollBackToBack(cycles);
    }
}
