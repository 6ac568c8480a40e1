package org.vmsseaman.driver.modbus.internal;

/** Opens a new connection to a device; called on the device's poller thread. */
@FunctionalInterface
interface LinkFactory {

    /** @throws ModbusException {@link ModbusException.Kind#CONNECTION} when the device cannot be reached */
    ModbusLink open() throws ModbusException;

    /** The factory for a device's transport. */
    static LinkFactory of(ModbusSettings s) {
        switch (s.transport()) {
            case TCP:
                return () -> new ModbusLink(
                        TcpChannel.open(s.host(), s.port(), s.timeoutMillis()),
                        new MbapFraming(),
                        s.unitId(),
                        s.timeoutMillis());
            case RTU_OVER_TCP:
                return () -> new ModbusLink(
                        TcpChannel.open(s.host(), s.port(), s.timeoutMillis()),
                        new RtuFraming(),
                        s.unitId(),
                        s.timeoutMillis());
            default:
                return () -> new ModbusLink(
                        SerialChannel.open(s.serial(), s.timeoutMillis()),
                        new RtuFraming(),
                        s.unitId(),
                        s.timeoutMillis());
        }
    }
}
