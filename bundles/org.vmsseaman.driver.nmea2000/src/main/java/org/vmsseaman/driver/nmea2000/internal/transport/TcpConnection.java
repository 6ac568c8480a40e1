package org.vmsseaman.driver.nmea2000.internal.transport;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;

/** A TCP client connection to a gateway server that streams RAW text (Yacht Devices YDWG-02/YDEN-02). */
public final class TcpConnection implements BusConnection {

    /** Read timeout: how often a silent connection wakes the reading thread. */
    static final int READ_TIMEOUT_MILLIS = 1000;

    private final Socket socket;
    private final InputStream in;

    private TcpConnection(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
    }

    /** Connects to {@code host:port} within {@code timeoutMillis}. */
    public static TcpConnection open(String host, int port, int timeoutMillis) throws IOException {
        Socket s = new Socket();
        try {
            s.connect(new InetSocketAddress(host, port), timeoutMillis);
            s.setSoTimeout(READ_TIMEOUT_MILLIS);
            s.setKeepAlive(true);
            return new TcpConnection(s);
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    @Override
    public int read(byte[] buf) throws IOException {
        try {
            return in.read(buf);
        } catch (SocketTimeoutException e) {
            return 0;
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
