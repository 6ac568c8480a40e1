package org.vmsseaman.driver.nmea2000.internal.transport;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;

/** Listens for the datagrams a gateway server sends (Yacht Devices RAW over UDP). */
public final class UdpConnection implements BusConnection {

    private final DatagramSocket socket;

    private UdpConnection(DatagramSocket socket) {
        this.socket = socket;
    }

    /** Binds {@code bindAddress:port}. */
    public static UdpConnection open(String bindAddress, int port) throws IOException {
        DatagramSocket s = new DatagramSocket(null);
        try {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(bindAddress, port));
            s.setSoTimeout(TcpConnection.READ_TIMEOUT_MILLIS);
            s.setReceiveBufferSize(1 << 20);
            return new UdpConnection(s);
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    @Override
    public int read(byte[] buf) throws IOException {
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        try {
            socket.receive(p);
            return p.getLength();
        } catch (SocketTimeoutException e) {
            return 0;
        }
    }

    @Override
    public boolean datagrams() {
        return true;
    }

    @Override
    public void close() {
        socket.close();
    }
}
