package org.vmsseaman.driver.simulator.internal;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vmsseaman.api.device.DeviceContext;
import org.vmsseaman.api.driver.DeviceSession;
import org.vmsseaman.api.driver.Driver;
import org.vmsseaman.api.driver.DriverException;
import org.vmsseaman.api.driver.DriverProtocol;
import org.vmsseaman.driver.simulator.internal.fault.SimulatedFault;
import org.vmsseaman.driver.simulator.internal.model.SimulationModel;

/** The {@code simulator} driver: believable values for every bound tag, plus configured faults. */
@Component(service = Driver.class)
@DriverProtocol(SimulatorDriver.PROTOCOL)
public final class SimulatorDriver implements Driver {

    /** The protocol name devices use to select this driver. */
    public static final String PROTOCOL = "simulator";

    private final Logger logger = LoggerFactory.getLogger(SimulatorDriver.class);
    private final List<SimulatedFault> faults = new CopyOnWriteArrayList<>();
    private final Set<SimulatorSession> sessions = ConcurrentHashMap.newKeySet();

    @Activate
    public SimulatorDriver() {
        // no static references; faults arrive through addFault
    }

    @Reference(
            cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addFault(SimulatedFault fault) {
        faults.add(fault);
    }

    void removeFault(SimulatedFault fault) {
        faults.remove(fault);
    }

    @Override
    public DeviceSession start(DeviceContext context) throws DriverException {
        String deviceId = context.device().id();
        SimulatorSettings settings = SimulatorSettings.of(context.device());
        SimulationModel model = SimulationModel.create(context.tags(), settings.seed());
        DeviceSimulation simulation = new DeviceSimulation(deviceId, model, context.sink(), () -> faults);
        SimulatorSession session = new SimulatorSession(simulation, settings, sessions::remove);
        sessions.add(session);
        session.start();
        logger.info(
                "Simulating device '{}': {} tags every {} ms, seed {}",
                deviceId,
                model.tags().size(),
                settings.tickMillis(),
                settings.seed());
        return session;
    }

    /** Closes sessions the platform left open, so that stopping the bundle never leaks a thread. */
    @Deactivate
    void deactivate() {
        for (SimulatorSession s : sessions) {
            logger.debug("Closing simulated device '{}' left open at deactivation", s.deviceId());
            s.close();
        }
    }
}
