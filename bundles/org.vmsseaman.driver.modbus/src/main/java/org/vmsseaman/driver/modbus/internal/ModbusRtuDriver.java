package org.vmsseaman.driver.modbus.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.vmsseaman.api.driver.Driver;
import org.vmsseaman.api.driver.DriverProtocol;

/** The {@code modbus-rtu} driver: Modbus RTU over a serial line. */
@Component(service = Driver.class)
@DriverProtocol("modbus-rtu")
public final class ModbusRtuDriver extends ModbusDriver {

    @Activate
    public ModbusRtuDriver() {
        super(Transport.RTU);
    }

    @Deactivate
    void deactivate() {
        closeAll();
    }
}
