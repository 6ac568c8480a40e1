package org.vmsseaman.driver.modbus.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.vmsseaman.api.driver.Driver;
import org.vmsseaman.api.driver.DriverProtocol;

/** The {@code modbus-rtu-tcp} driver: Modbus RTU frames through a TCP serial gateway. */
@Component(service = Driver.class)
@DriverProtocol("modbus-rtu-tcp")
public final class ModbusRtuOverTcpDriver extends ModbusDriver {

    @Activate
    public ModbusRtuOverTcpDriver() {
        super(Transport.RTU_OVER_TCP);
    }

    @Deactivate
    void deactivate() {
        closeAll();
    }
}
