package org.vmsseaman.driver.modbus.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.vmsseaman.api.driver.Driver;
import org.vmsseaman.api.driver.DriverProtocol;

/** The {@code modbus-tcp} driver: Modbus TCP. */
@Component(service = Driver.class)
@DriverProtocol("modbus-tcp")
public final class ModbusTcpDriver extends ModbusDriver {

    @Activate
    public ModbusTcpDriver() {
        super(Transport.TCP);
    }

    @Deactivate
    void deactivate() {
        closeAll();
    }
}
