package org.vmsseaman.driver.nmea2000.internal.transport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Reads a Linux SocketCAN interface through can-utils' {@code candump -L <interface>} (log format on standard
 * output), run as a child process: no native code in the bundle, and nothing to resolve where SocketCAN does
 * not exist. When candump exits (interface down or missing) the stream ends with candump's message.
 */
public final class CandumpProcessConnection implements BusConnection {

    private static final long POLL_MILLIS = 20;
    private static final int STDERR_LIMIT = 500;

    private final Process process;
    private final InputStream in;
    private final String command;

    private CandumpProcessConnection(Process process, String command) {
        this.process = process;
        this.in = process.getInputStream();
        this.command = command;
    }

    /** Starts {@code candump -L interfaceName}; {@code candump} is the executable (a name on PATH or a path). */
    public static CandumpProcessConnection open(String candump, String interfaceName) throws IOException {
        List<String> cmd = List.of(candump, "-L", interfaceName);
        Process p = new ProcessBuilder(cmd).start();
        p.getOutputStream().close();
        return new CandumpProcessConnection(p, String.join(" ", cmd));
    }

    @Override
    public int read(byte[] buf) throws IOException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TcpConnection.READ_TIMEOUT_MILLIS);
        while (true) {
            int available = in.available();
            if (available > 0) {
                return in.read(buf, 0, Math.min(available, buf.length));
            }
            if (!process.isAlive()) {
                int n = in.read(buf); // what was written just before the exit, then -1
                if (n >= 0) {
                    return n;
                }
                throw new IOException(command + " exited with " + process.exitValue() + ": " + stderr());
            }
            if (System.nanoTime() - end >= 0) {
                return 0;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 0; // closing
            }
        }
    }

    private String stderr() throws IOException {
        byte[] b = process.getErrorStream().readNBytes(STDERR_LIMIT);
        String s = new String(b, StandardCharsets.UTF_8).strip();
        return s.isEmpty() ? "(no message)" : s.replace('\n', ' ');
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(1, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            in.close();
            process.getErrorStream().close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
