package org.vmsseaman.driver.modbus.internal;

import com.fazecast.jSerialComm.SerialPort;
import java.util.concurrent.TimeUnit;

/**
 * A serial port (RS-485/RS-232, a USB adapter) opened with jSerialComm. A port that disappears (USB adapter unplugged)
 * fails reads and writes with {@link ModbusException.Kind#CONNECTION}; the poller then closes it and reopens it by
 * name with backoff, which picks up the adapter when it is plugged back in.
 */
final class SerialChannel implements Channel {

    static final int QUIET_MILLIS = 250;

    private final SerialPort port;
    private final String name;

    private SerialChannel(SerialPort port, String name) {
        this.port = port;
        this.name = name;
    }

    static SerialChannel open(ModbusSettings.SerialSettings s, int timeoutMillis) throws ModbusException {
        SerialPort port;
        try {
            port = SerialPort.getCommPort(s.portName());
        } catch (RuntimeException e) {
            throw new ModbusException(ModbusException.Kind.CONNECTION, "no serial port " + s.portName() + ": " + e, e);
        }
        int parity =
                switch (s.parity()) {
                    case "even" -> SerialPort.EVEN_PARITY;
                    case "odd" -> SerialPort.ODD_PARITY;
                    default -> SerialPort.NO_PARITY;
                };
        port.setComPortParameters(
                s.baudRate(),
                s.dataBits(),
                s.stopBits() == 2 ? SerialPort.TWO_STOP_BITS : SerialPort.ONE_STOP_BIT,
                parity);
        port.setComPortTimeouts(
                SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING,
                timeoutMillis,
                timeoutMillis);
        if (!port.openPort()) {
            throw new ModbusException(
                    ModbusException.Kind.CONNECTION,
                    "cannot open serial port " + s + " (error " + port.getLastErrorCode() + ")");
        }
        return new SerialChannel(port, s.toString());
    }

    @Override
    public void write(byte[] frame) throws ModbusException {
        if (port.writeBytes(frame, frame.length) != frame.length) {
            throw new ModbusException(
                    ModbusException.Kind.CONNECTION,
                    "writing to serial port " + name + " failed (error " + port.getLastErrorCode() + ")");
        }
    }

    @Override
    public void readFully(byte[] buffer, int off, int len, long deadlineNanos) throws ModbusException {
        int done = 0;
        while (done < len) {
            long remaining = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
            if (remaining <= 0) {
                throw new ModbusException(
                        ModbusException.Kind.TIMEOUT,
                        "no reply on " + name + " within the timeout"
                                + (done > 0 ? " (truncated: " + done + " of " + len + " bytes)" : ""));
            }
            port.setComPortTimeouts(
                    SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING, (int) remaining, (int)
                            remaining);
            int n = port.readBytes(buffer, len - done, off + done);
            if (n < 0) {
                throw new ModbusException(
                        ModbusException.Kind.CONNECTION,
                        "serial port " + name + " failed (unplugged?) (error " + port.getLastErrorCode() + ")");
            }
            done += n;
        }
    }

    /**
     * Waits for the line to fall quiet ({@value #QUIET_MILLIS} ms, so that a reply arriving late is complete) and then
     * throws away what arrived: RTU has no transaction ids, so a late reply must not be read as the next one's.
     */
    @Override
    public void discardInput() {
        try {
            Thread.sleep(QUIET_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        port.flushIOBuffers();
    }

    @Override
    public void close() {
        port.closePort();
    }
}
