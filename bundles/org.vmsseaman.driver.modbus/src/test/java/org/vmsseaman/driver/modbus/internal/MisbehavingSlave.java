package org.vmsseaman.driver.modbus.internal;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback Modbus server that speaks raw frames (Modbus TCP, or RTU over TCP) and misbehaves on demand. It answers
 * function 3 with every register holding its own address, so a value that reaches the wrong tag shows.
 */
final class MisbehavingSlave implements AutoCloseable {

    /** What the slave does with the next requests. */
    enum Mode {
        NORMAL,
        /** Answers correctly, but {@code delayMillis} late. */
        SLOW,
        /** Answers with exception code 4 (server device failure). */
        EXCEPTION,
        /** A reply whose byte count does not match the request. */
        MALFORMED,
        /** The first half of a correct reply, then nothing. */
        TRUNCATED,
        /** A correct reply with another transaction id (MBAP only). */
        WRONG_TRANSACTION_ID,
        /** A reply with a wrong CRC (RTU only). */
        BAD_CRC,
        /** Resets the connection (RST) on a request. */
        RESET,
        /** Reads requests and never answers. */
        SILENT
    }

    private final ServerSocket server;
    private final boolean rtu;
    private final Thread acceptor;
    private final List<Socket> connections = new CopyOnWriteArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();
    private volatile Mode mode = Mode.NORMAL;
    private volatile int delayMillis = 1000;

    private MisbehavingSlave(ServerSocket server, boolean rtu) {
        this.server = server;
        this.rtu = rtu;
        this.acceptor = new Thread(this::accept, "misbehaving-slave-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A slave on a free loopback port ({@code port} 0) or on {@code port}; {@code rtu} for RTU framing over TCP. */
    static MisbehavingSlave start(int port, boolean rtu) throws IOException {
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        s.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        return new MisbehavingSlave(s, rtu);
    }

    int port() {
        return server.getLocalPort();
    }

    MisbehavingSlave mode(Mode m) {
        mode = m;
        return this;
    }

    MisbehavingSlave delay(int millis) {
        delayMillis = millis;
        return this;
    }

    int requests() {
        return requests.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                connections.add(s);
                Thread t = new Thread(() -> serve(s), "misbehaving-slave-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            DataInputStream in = new DataInputStream(s.getInputStream());
            OutputStream out = s.getOutputStream();
            while (true) {
                byte[] header = new byte[rtu ? 2 : 8]; // RTU: unit, function; MBAP: header + function
                in.readFully(header);
                byte[] rest = new byte[rtu ? 6 : u16(header, 4) - 2];
                in.readFully(rest);
                requests.incrementAndGet();
                int function = header[header.length - 1] & 0xFF;
                int start = u16(rest, 0);
                int count = u16(rest, 2);
                Mode m = mode;
                if (m == Mode.SILENT) {
                    continue;
                }
                if (m == Mode.RESET) {
                    s.setSoLinger(true, 0);
                    return;
                }
                byte[] pdu;
                if (m == Mode.EXCEPTION) {
                    pdu = new byte[] {(byte) (function | 0x80), 4};
                } else {
                    int n = m == Mode.MALFORMED ? count + 1 : count;
                    pdu = new byte[2 + 2 * n];
                    pdu[0] = (byte) function;
                    pdu[1] = (byte) (2 * n);
                    for (int i = 0; i < n; i++) {
                        pdu[2 + 2 * i] = (byte) ((start + i) >> 8);
                        pdu[3 + 2 * i] = (byte) (start + i);
                    }
                }
                byte[] frame = rtu ? rtuFrame(header[0], pdu, m == Mode.BAD_CRC) : mbapFrame(header, pdu, m);
                if (m == Mode.SLOW) {
                    Thread.sleep(delayMillis);
                }
                out.write(frame, 0, m == Mode.TRUNCATED ? frame.length / 2 : frame.length);
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // connection closed
        }
    }

    private static byte[] mbapFrame(byte[] requestHeader, byte[] pdu, Mode m) {
        byte[] frame = new byte[7 + pdu.length];
        System.arraycopy(requestHeader, 0, frame, 0, 7);
        if (m == Mode.WRONG_TRANSACTION_ID) {
            frame[1] ^= 0x01;
        }
        frame[4] = (byte) ((pdu.length + 1) >> 8);
        frame[5] = (byte) (pdu.length + 1);
        System.arraycopy(pdu, 0, frame, 7, pdu.length);
        return frame;
    }

    private static byte[] rtuFrame(byte unit, byte[] pdu, boolean badCrc) {
        byte[] frame = new byte[pdu.length + 3];
        frame[0] = unit;
        System.arraycopy(pdu, 0, frame, 1, pdu.length);
        RtuFraming.appendCrc(frame);
        if (badCrc) {
            frame[frame.length - 1] ^= 0x55;
        }
        return frame;
    }

    private static int u16(byte[] b, int at) {
        return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing
        }
        for (Socket s : connections) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing
            }
        }
    }
}
