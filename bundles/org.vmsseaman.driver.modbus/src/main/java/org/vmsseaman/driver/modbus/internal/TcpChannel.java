package org.vmsseaman.driver.modbus.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.concurrent.TimeUnit;

/** A TCP connection to a Modbus TCP device or a serial gateway. */
final class TcpChannel implements Channel {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final String endpoint;

    private TcpChannel(Socket socket, String endpoint) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream(), 512);
        this.out = socket.getOutputStream();
        this.endpoint = endpoint;
    }

    /** Connects within {@code timeoutMillis}. */
    static TcpChannel open(String host, int port, int timeoutMillis) throws ModbusException {
        String endpoint = host + ":" + port;
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.setKeepAlive(true);
            socket.connect(new InetSocketAddress(host, port), timeoutMillis);
            return new TcpChannel(socket, endpoint);
        } catch (IOException e) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // nothing more to do
            }
            throw new ModbusException(ModbusException.Kind.CONNECTION, "cannot connect to " + endpoint + ": " + e, e);
        }
    }

    @Override
    public void write(byte[] frame) throws ModbusException {
        try {
            out.write(frame);
            out.flush();
        } catch (IOException e) {
            throw new ModbusException(ModbusException.Kind.CONNECTION, "sending to " + endpoint + " failed: " + e, e);
        }
    }

    @Override
    public void readFully(byte[] buffer, int off, int len, long deadlineNanos) throws ModbusException {
        int done = 0;
        try {
            while (done < len) {
                long remaining = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
                if (remaining <= 0) {
                    throw timeout(done, len);
                }
                socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, remaining));
                int n = in.read(buffer, off + done, len - done);
                if (n < 0) {
                    throw new ModbusException(
                            ModbusException.Kind.CONNECTION,
                            endpoint + " closed the connection"
                                    + (done > 0
                                            ? " in the middle of a reply (" + done + " of " + len + " bytes)"
                                            : ""));
                }
                done += n;
            }
        } catch (SocketTimeoutException e) {
            throw timeout(done, len);
        } catch (IOException e) {
            throw new ModbusException(ModbusException.Kind.CONNECTION, "reading from " + endpoint + " failed: " + e, e);
        }
    }

    private ModbusException timeout(int done, int len) {
        return new ModbusException(
                ModbusException.Kind.TIMEOUT,
                "no reply from " + endpoint + " within the timeout"
                        + (done > 0 ? " (truncated: " + done + " of " + len + " bytes)" : ""));
    }

    @Override
    public void discardInput() {
        // a TCP connection with leftovers is closed instead
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing: nothing more to do
        }
    }
}
