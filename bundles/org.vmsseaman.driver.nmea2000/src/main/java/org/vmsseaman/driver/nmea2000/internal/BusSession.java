package org.vmsseaman.driver.nmea2000.internal;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vmsseaman.api.device.ConnectionState;
import org.vmsseaman.api.device.TagSink;
import org.vmsseaman.api.driver.DeviceSession;
import org.vmsseaman.api.tag.TagValue;
import org.vmsseaman.driver.nmea2000.internal.bus.BusDecoder;
import org.vmsseaman.driver.nmea2000.internal.bus.DiscoveryReport;
import org.vmsseaman.driver.nmea2000.internal.bus.ReplayPacer;
import org.vmsseaman.driver.nmea2000.internal.can.ActisenseReader;
import org.vmsseaman.driver.nmea2000.internal.can.CanFrame;
import org.vmsseaman.driver.nmea2000.internal.can.ChunkDecoder;
import org.vmsseaman.driver.nmea2000.internal.can.LineSplitter;
import org.vmsseaman.driver.nmea2000.internal.transport.BusConnection;

/**
 * Serves one bus connection on its own daemon thread {@code vmsseaman-n2k-<device>}: connects, reads chunks,
 * decodes them and publishes one batch per chunk; reconnects with exponential backoff; reports status and
 * counters. {@link #close()} stops the thread within a few seconds.
 */
final class BusSession implements DeviceSession {

    static final String THREAD_PREFIX = "vmsseaman-n2k-";
    private static final long CLOSE_WAIT_MILLIS = 3000;
    private static final long FIRST_BACKOFF_MILLIS = 500;

    /** Opens a connection to the bus (a new one per attempt). */
    interface Connector {
        BusConnection open() throws IOException;
    }

    private final Logger logger = LoggerFactory.getLogger(BusSession.class);
    private final String deviceId;
    private final BusSettings settings;
    private final Connector connector;
    private final TagSink sink;
    private final BusDecoder decoder;
    private final DiscoveryReport discovery;
    private final ChunkDecoder input;
    private final ReplayPacer pacer;
    private final Thread thread;
    private final Consumer<BusSession> onClose;
    private volatile boolean closed;
    private volatile BusConnection connection;
    private long lastFaults = -1;
    private long lastDataNanos;
    private long nextStatusNanos;
    private long nextDiscoverNanos;
    private boolean silenceReported;
    private long failures;

    BusSession(
            String deviceId,
            BusSettings settings,
            Connector connector,
            TagSink sink,
            BusDecoder decoder,
            DiscoveryReport discovery,
            Consumer<BusSession> onClose) {
        this.deviceId = deviceId;
        this.onClose = onClose;
        this.settings = settings;
        this.connector = connector;
        this.sink = sink;
        this.decoder = decoder;
        this.discovery = discovery;
        Consumer<CanFrame> frames = decoder::frame;
        if (settings.transport().equals(BusSettings.FILE) && settings.speed() > 0) {
            pacer = new ReplayPacer(settings.speed(), frames, this::publish);
            frames = pacer;
        } else {
            pacer = null;
        }
        this.input = settings.transport().equals(BusSettings.NGT1)
                ? new ActisenseReader(decoder::message)
                : new LineSplitter(frames);
        this.thread = new Thread(this::run, THREAD_PREFIX + deviceId);
        thread.setDaemon(true);
    }

    /** Starts the reading thread; returns at once. */
    void start() {
        thread.start();
    }

    private void run() {
        long backoff = FIRST_BACKOFF_MILLIS;
        sink.status(ConnectionState.CONNECTING, settings.describe());
        while (!closed) {
            String reason;
            try (BusConnection c = connector.open()) {
                connection = c;
                if (closed) {
                    break;
                }
                sink.status(ConnectionState.CONNECTED, settings.describe());
                logger.info("Device '{}': connected, {}", deviceId, settings.describe());
                backoff = FIRST_BACKOFF_MILLIS;
                pump(c);
                if (closed) {
                    break;
                }
                if (settings.transport().equals(BusSettings.FILE)) {
                    sink.status(ConnectionState.DISCONNECTED, "replay finished: " + counters());
                    logger.info("Device '{}': replay of {} finished: {}", deviceId, settings.file(), counters());
                    writeDiscovery();
                    return;
                }
                reason = "end of stream (closed by the gateway)";
            } catch (IOException e) {
                reason = e.toString();
            } catch (RuntimeException e) { // a bug: keep serving the device, say so once per occurrence
                reason = e.toString();
                logger.warn("Device '{}': unexpected failure, reconnecting", deviceId, e);
            } finally {
                connection = null;
            }
            if (closed) {
                break;
            }
            sink.status(
                    ConnectionState.DISCONNECTED,
                    settings.describe() + ": " + reason + "; retrying in " + backoff + " ms");
            if (backoff == FIRST_BACKOFF_MILLIS) {
                logger.info("Device '{}': {} not connected: {}", deviceId, settings.describe(), reason);
            } else {
                logger.debug("Device '{}': {} still not connected: {}", deviceId, settings.describe(), reason);
            }
            try {
                TimeUnit.MILLISECONDS.sleep(backoff);
            } catch (InterruptedException e) {
                break;
            }
            backoff = Math.min(backoff * 2, settings.reconnectMaxSeconds() * 1000L);
        }
        writeDiscovery();
    }

    /** Reads until the end of the stream or close. */
    private void pump(BusConnection c) throws IOException {
        byte[] buf = new byte[64 * 1024];
        lastDataNanos = System.nanoTime();
        while (!closed) {
            int n = c.read(buf);
            if (n < 0) {
                process(buf, 0, true);
                if (c.rewind()) {
                    if (pacer != null) {
                        pacer.reset();
                    }
                    continue;
                }
                return;
            }
            if (n > 0) {
                process(buf, n, c.datagrams());
                lastDataNanos = System.nanoTime();
            }
            housekeeping();
        }
    }

    /** Decodes one chunk ({@code end}: the last line ends with it) and publishes its batch. Never throws. */
    private void process(byte[] buf, int n, boolean end) {
        try {
            input.accept(buf, 0, n);
            if (end) {
                input.endOfInput();
            }
            publish();
        } catch (RuntimeException e) {
            failures++;
            if (failures == 1) {
                logger.warn("Device '{}': decoding failed, reading continues; later failures are counted", deviceId, e);
            }
        }
    }

    private void publish() {
        List<TagValue> batch = decoder.drain();
        if (!batch.isEmpty() && !closed) {
            sink.publish(batch);
        }
    }

    private void housekeeping() {
        long now = System.nanoTime();
        long silentSeconds = TimeUnit.NANOSECONDS.toSeconds(now - lastDataNanos);
        if (silentSeconds >= settings.silenceSeconds()) {
            if (!silenceReported) {
                silenceReported = true;
                sink.status(
                        ConnectionState.CONNECTED,
                        settings.describe() + ": connected but no data for " + silentSeconds + " s; " + counters());
            }
        } else {
            boolean recovered = silenceReported;
            silenceReported = false;
            if (recovered || now - nextStatusNanos >= 0) {
                nextStatusNanos = now + TimeUnit.SECONDS.toNanos(settings.statusSeconds());
                long faults = faults();
                if (recovered || faults != lastFaults) { // not on every frame: the device's "since" stays meaningful
                    lastFaults = faults;
                    sink.status(ConnectionState.CONNECTED, settings.describe() + ": " + counters());
                }
            }
        }
        if (discovery != null && now - nextDiscoverNanos >= 0) {
            nextDiscoverNanos = now + TimeUnit.SECONDS.toNanos(settings.discoverSeconds());
            discovery.write();
        }
    }

    private void writeDiscovery() {
        if (discovery != null) {
            discovery.write();
        }
    }

    /** The counters for status details, e.g. {@code 9120 frames, 3 malformed lines, 0 fast packets dropped}. */
    String counters() {
        return decoder.frames() + " frames, " + input.malformed() + " malformed "
                + (input instanceof LineSplitter ? "lines" : "packets") + ", "
                + decoder.fastPacketDropped() + " fast packets dropped"
                + (failures > 0 ? ", " + failures + " decoding failures" : "");
    }

    /** Malformed lines, dropped fast packets and decoding failures so far. */
    private long faults() {
        return input.malformed() + decoder.fastPacketDropped() + failures;
    }

    @Override
    public void close() {
        closed = true;
        BusConnection c = connection;
        if (c != null) {
            c.close();
        }
        thread.interrupt();
        try {
            thread.join(CLOSE_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            logger.warn("Device '{}': reader thread did not stop within {} ms", deviceId, CLOSE_WAIT_MILLIS);
        }
        onClose.accept(this);
    }

    /** Waits for the reading thread to end (a replay without loop ends by itself); for tests. */
    boolean awaitEnd(long millis) throws InterruptedException {
        thread.join(millis);
        return !thread.isAlive();
    }
}
