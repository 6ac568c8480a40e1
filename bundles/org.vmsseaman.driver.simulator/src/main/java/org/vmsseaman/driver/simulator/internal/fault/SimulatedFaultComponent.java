package org.vmsseaman.driver.simulator.internal.fault;

import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One simulated fault per factory configuration {@value FaultConfig#PID}. */
@Component(
        service = SimulatedFault.class,
        configurationPid = FaultConfig.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = FaultConfig.class, factory = true)
public final class SimulatedFaultComponent implements SimulatedFault {

    private final Logger logger = LoggerFactory.getLogger(SimulatedFaultComponent.class);
    private final FaultSpec spec;

    /** @throws IllegalArgumentException for an invalid configuration (SCR logs it and does not activate) */
    @Activate
    public SimulatedFaultComponent(FaultConfig config, Map<String, Object> properties) {
        Object pid = properties.get("service.pid");
        this.spec = FaultSpec.from(config, pid == null ? config.type().name() : pid.toString());
        logger.info(
                "Simulated fault {} configured: {} on device '{}' tags '{}'",
                spec.name(),
                spec.type(),
                spec.device().isEmpty() ? "*" : spec.device(),
                spec.tags().isEmpty() ? "*" : spec.tags());
    }

    @Override
    public FaultSpec spec() {
        return spec;
    }

    @Deactivate
    void deactivate() {
        logger.info("Simulated fault {} removed", spec.name());
    }
}
