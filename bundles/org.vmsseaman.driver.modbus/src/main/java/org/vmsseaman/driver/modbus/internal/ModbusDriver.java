package org.vmsseaman.driver.modbus.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vmsseaman.api.device.DeviceContext;
import org.vmsseaman.api.driver.DeviceSession;
import org.vmsseaman.api.driver.Driver;
import org.vmsseaman.api.driver.DriverException;

/**
 * The Modbus driver for one {@link Transport}; a DS component per transport extends it and only names its protocol.
 * Each device gets a {@link ModbusSession} with its own thread.
 */
abstract class ModbusDriver implements Driver {

    private final Logger logger = LoggerFactory.getLogger(ModbusDriver.class);
    private final Transport transport;
    private final Set<ModbusSession> sessions = ConcurrentHashMap.newKeySet();

    ModbusDriver(Transport transport) {
        this.transport = transport;
    }

    /** Validates the device settings, plans its requests (reporting bad bindings) and starts its thread. */
    @Override
    public ModbusSession start(DeviceContext context) throws DriverException {
        ModbusSettings settings = ModbusSettings.of(transport, context.device());
        DevicePlan plan = DevicePlan.build(context.tags(), settings, context.sink());
        ModbusSession session = new ModbusSession(
                context.device().id(), settings, plan, context.sink(), LinkFactory.of(settings), sessions::remove);
        sessions.add(session);
        session.start();
        logger.info(
                "Modbus device '{}' ({}): {} tags in {} requests, {}",
                context.device().id(),
                settings.endpoint(),
                plan.addresses().size(),
                plan.requestCount(),
                transport.protocol());
        return session;
    }

    /** Closes sessions the platform left open, so stopping the bundle never leaks a thread. */
    void closeAll() {
        for (DeviceSession s : sessions) {
            s.close();
        }
    }
}
