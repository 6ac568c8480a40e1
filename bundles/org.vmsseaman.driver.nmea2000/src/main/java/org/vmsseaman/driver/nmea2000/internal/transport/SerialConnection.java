package org.vmsseaman.driver.nmea2000.internal.transport;

import com.fazecast.jSerialComm.SerialPort;
import java.io.IOException;

/**
 * A serial port read through jSerialComm (an optional import: this class is only loaded when jSerialComm is
 * installed, see {@link #available()}). Used for the Actisense NGT-1 at 115200 baud, 8N1.
 */
public final class SerialConnection implements BusConnection {

    private final SerialPort port;

    private SerialConnection(SerialPort port) {
        this.port = port;
    }

    /** {@code true} if the jSerialComm package is wired to this bundle. */
    public static boolean available() {
        try {
            Class.forName("com.fazecast.jSerialComm.SerialPort", false, SerialConnection.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Opens {@code portName} (e.g. {@code /dev/ttyUSB0}, {@code COM3}) and writes {@code hello} to it. */
    public static SerialConnection open(String portName, int baudRate, byte[] hello) throws IOException {
        SerialPort p;
        try {
            p = SerialPort.getCommPort(portName);
        } catch (RuntimeException e) {
            throw new IOException("serial port " + portName + ": " + e.getMessage(), e);
        }
        p.setComPortParameters(baudRate, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        p.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, TcpConnection.READ_TIMEOUT_MILLIS, 0);
        if (!p.openPort()) {
            throw new IOException("serial port " + portName + " cannot be opened (error " + p.getLastErrorCode() + ")");
        }
        if (hello.length > 0 && p.writeBytes(hello, hello.length) != hello.length) {
            p.closePort();
            throw new IOException("serial port " + portName + ": writing the startup command failed");
        }
        return new SerialConnection(p);
    }

    @Override
    public int read(byte[] buf) throws IOException {
        int n = port.readBytes(buf, buf.length);
        if (n < 0) {
            throw new IOException(
                    "serial port " + port.getSystemPortName() + " read failed (error " + port.getLastErrorCode() + ")");
        }
        return n;
    }

    @Override
    public void close() {
        port.closePort();
    }
}
