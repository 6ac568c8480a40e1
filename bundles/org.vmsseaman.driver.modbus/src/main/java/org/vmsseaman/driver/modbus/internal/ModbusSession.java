package org.vmsseaman.driver.modbus.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vmsseaman.api.device.BoundTag;
import org.vmsseaman.api.device.ConnectionState;
import org.vmsseaman.api.device.TagSink;
import org.vmsseaman.api.driver.DeviceSession;
import org.vmsseaman.api.driver.DriverException;
import org.vmsseaman.api.tag.Quality;
import org.vmsseaman.api.tag.TagValue;

/**
 * Serves one Modbus device on its own thread ({@code vmsseaman-modbus-<deviceId>}): connects, polls each poll group at
 * its interval, performs writes between polls, and reconnects with backoff after the connection is lost. Every use of
 * the connection happens on that thread, so a request and its reply are never interleaved with another's.
 */
final class ModbusSession implements DeviceSession {

    static final String THREAD_PREFIX = "vmsseaman-modbus-";
    private static final long CLOSE_WAIT_MILLIS = 3000;

    private final Logger logger = LoggerFactory.getLogger(ModbusSession.class);
    private final String deviceId;
    private final ModbusSettings settings;
    private final DevicePlan plan;
    private final TagSink sink;
    private final LinkFactory links;
    private final Consumer<ModbusSession> onClose;
    private final ScheduledExecutorService executor;
    private final Backoff backoff;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();

    private final AtomicBoolean closing = new AtomicBoolean();
    private volatile boolean closed;
    private volatile ModbusLink link;
    /** The connection is lost and a reconnect is scheduled: polls are skipped. Poller thread only. */
    private boolean down = true;

    /** Merged requests the device refused with exception 2, and the per-tag requests read instead (session thread). */
    private final Map<ReadBlock, List<ReadBlock>> split = new HashMap<>();

    /** The last failure of each poll group that failed in its last cycle (session thread). */
    private final Map<List<ReadBlock>, String> groupErrors = new IdentityHashMap<>();

    private ConnectionState reportedState;
    private String reportedDetail;

    ModbusSession(
            String deviceId,
            ModbusSettings settings,
            DevicePlan plan,
            TagSink sink,
            LinkFactory links,
            Consumer<ModbusSession> onClose) {
        this.deviceId = deviceId;
        this.settings = settings;
        this.plan = plan;
        this.sink = sink;
        this.links = links;
        this.onClose = onClose;
        this.backoff = new Backoff(settings.backoffInitialMillis(), settings.backoffMaxMillis());
        String name = THREAD_PREFIX + deviceId;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /** Reports CONNECTING and starts connecting and polling on the session's thread; returns at once. */
    void start() {
        report(ConnectionState.CONNECTING, "connecting to " + settings.endpoint());
        executor.execute(this::reconnect);
        for (Map.Entry<String, List<ReadBlock>> g : plan.groups().entrySet()) {
            long interval = settings.intervalOf(g.getKey());
            executor.scheduleAtFixedRate(guarded(() -> poll(g.getValue())), interval, interval, TimeUnit.MILLISECONDS);
        }
    }

    /** Requests sent since start (each retry counts). */
    long requests() {
        return requests.get();
    }

    /** Requests that failed since start. */
    long failures() {
        return failures.get();
    }

    /** Polls every group now (on the session's thread). */
    void pollAllNow() {
        submit(() -> plan.groups().values().forEach(this::poll));
    }

    /**
     * Polls every group {@code cycles} times back to back on the session's thread, as fast as the device answers, and
     * returns the duration of each cycle in nanoseconds. For the benchmark (the scheduled polls keep running).
     */
    CompletableFuture<long[]> pollBackToBack(int cycles) {
        CompletableFuture<long[]> result = new CompletableFuture<>();
        submit(() -> {
            long[] nanos = new long[cycles];
            for (int i = 0; i < cycles && !closed; i++) {
                long t0 = System.nanoTime();
                for (List<ReadBlock> blocks : plan.groups().values()) {
                    poll(blocks);
                }
                nanos[i] = System.nanoTime() - t0;
            }
            result.complete(nanos);
        });
        return result;
    }

    // --- polling (session thread)

    /** Reads every block of one group and hands the values and failures to the sink. */
    void poll(List<ReadBlock> blocks) {
        if (closed || down) {
            return;
        }
        List<TagValue> values = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        ModbusException error = null;
        try {
            for (ReadBlock planned : blocks) {
                for (ReadBlock block : split.getOrDefault(planned, List.of(planned))) {
                    if (error != null && error.kind() == ModbusException.Kind.TIMEOUT) {
                        failed.addAll(block.tagIds()); // the device is not answering: do not wait once per request
                        continue;
                    }
                    ModbusException e = readOrFail(block, values);
                    if (e != null && e.exceptionCode() == 2 && block.tags().size() > 1 && !split.containsKey(planned)) {
                        // the device refuses the merged range (a hole in its map): read tag by tag from now on
                        List<ReadBlock> parts = splitUp(planned);
                        split.put(planned, parts);
                        logger.info(
                                "Modbus device '{}' refused {} as one request (illegal data address): reading its {} tags"
                                        + " one by one",
                                deviceId,
                                planned,
                                parts.size());
                        for (ReadBlock part : parts) {
                            e = readOrFail(part, values);
                            if (e != null) {
                                error = e;
                                failed.addAll(part.tagIds());
                            }
                        }
                    } else if (e != null) {
                        error = e;
                        failed.addAll(block.tagIds());
                    }
                }
            }
        } catch (ModbusException e) {
            publish(values, failed);
            lost(e);
            return;
        }
        publish(values, failed);
        if (error != null) {
            groupErrors.put(blocks, "reading failed: " + error.getMessage());
        } else {
            groupErrors.remove(blocks);
        }
        report(
                ConnectionState.CONNECTED,
                groupErrors.isEmpty()
                        ? "polling " + settings.endpoint()
                        : groupErrors.values().iterator().next());
    }

    /** Reads a block into {@code values}; returns the failure (null on success), throws only for a lost connection. */
    private ModbusException readOrFail(ReadBlock block, List<TagValue> values) throws ModbusException {
        try {
            read(block, values);
            return null;
        } catch (ModbusException e) {
            if (e.kind() == ModbusException.Kind.CONNECTION) {
                throw e;
            }
            logger.debug("Modbus device '{}': reading {} failed: {}", deviceId, block, e.getMessage());
            return e;
        }
    }

    /** One read request per tag of {@code block}. */
    private static List<ReadBlock> splitUp(ReadBlock block) {
        return block.tags().stream()
                .map(i -> new ReadBlock(
                        block.table(), i.address().address(), i.address().count(), List.of(i)))
                .toList();
    }

    private void read(ReadBlock block, List<TagValue> values) throws ModbusException {
        if (block.table().bits()) {
            boolean[] bits = request(l -> l.readBits(block));
            for (ReadBlock.Item item : block.tags()) {
                Codec.Decoded d = Codec.decodeBit(bits[item.address().address() - block.start()]);
                values.add(new TagValue(item.tagId(), d.value(), Quality.GOOD, 0, 0, d.raw()));
            }
        } else {
            int[] regs = request(l -> l.readRegisters(block));
            for (ReadBlock.Item item : block.tags()) {
                Codec.Decoded d =
                        Codec.decode(item.address(), regs, item.address().address() - block.start());
                values.add(new TagValue(item.tagId(), d.value(), Quality.GOOD, 0, 0, d.raw()));
            }
        }
    }

    /**
     * Hands one cycle's values to the sink: failed reads as {@code BAD_COMMUNICATION_FAILURE}, and a float the device
     * set to NaN or infinity (its "not available") as {@code BAD_SENSOR_FAILURE}, never as a number.
     */
    private void publish(List<TagValue> values, List<String> failed) {
        if (closed) {
            return;
        }
        List<String> invalid = new ArrayList<>(0);
        values.removeIf(v -> {
            boolean notANumber = v.value() instanceof Double d && !Double.isFinite(d);
            if (notANumber) {
                invalid.add(v.tagId());
            }
            return notANumber;
        });
        if (!values.isEmpty()) {
            sink.publish(values);
        }
        if (!failed.isEmpty()) {
            sink.quality(failed, Quality.BAD_COMMUNICATION_FAILURE);
        }
        if (!invalid.isEmpty()) {
            sink.quality(invalid, Quality.BAD_SENSOR_FAILURE);
        }
    }

    /** One operation on the connection. */
    @FunctionalInterface
    interface Operation<T> {
        T run(ModbusLink link) throws ModbusException;
    }

    /**
     * Runs {@code op}, repeating it up to {@code retries} times after a timeout, a bad frame or a broken connection,
     * each time on a fresh connection (or, on a serial line, after discarding pending input).
     */
    <T> T request(Operation<T> op) throws ModbusException {
        ModbusException last = null;
        for (int attempt = 0; attempt <= settings.retries(); attempt++) {
            ModbusLink l = link();
            requests.incrementAndGet();
            try {
                return op.run(l);
            } catch (ModbusException e) {
                if (closed) {
                    throw e; // close() broke the connection: not the device's failure
                }
                failures.incrementAndGet();
                last = e;
                if (e.kind() == ModbusException.Kind.EXCEPTION_REPLY) {
                    throw e;
                }
                if (e.kind() != ModbusException.Kind.CONNECTION && settings.transport() == Transport.RTU) {
                    l.discardInput();
                } else {
                    dropLink();
                }
            }
        }
        throw last;
    }

    private ModbusLink link() throws ModbusException {
        ModbusLink l = link;
        if (l == null) {
            l = links.open();
            link = l;
            if (closed) { // close() ran while we were connecting
                dropLink();
                throw new ModbusException(ModbusException.Kind.CONNECTION, "session closed");
            }
        }
        return l;
    }

    private void dropLink() {
        ModbusLink l = link;
        link = null;
        if (l != null) {
            l.close();
        }
    }

    /** The connection is gone: report it, and reconnect after the backoff delay. */
    private void lost(ModbusException e) {
        dropLink();
        if (closed) {
            return;
        }
        if (reportedState != ConnectionState.DISCONNECTED) { // once per outage, the first failed connect included
            logger.warn(
                    "Modbus device '{}' {}: {}; retrying with backoff",
                    deviceId,
                    down ? "cannot connect" : "disconnected",
                    e.getMessage());
        }
        down = true;
        report(ConnectionState.DISCONNECTED, e.getMessage());
        long delay = backoff.nextDelayMillis();
        try {
            executor.schedule(guarded(this::reconnect), delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closing) {
            // the session is closing
        }
    }

    private void reconnect() {
        if (closed) {
            return;
        }
        try {
            link();
        } catch (ModbusException e) {
            lost(e);
            return;
        }
        if (down) {
            logger.info("Modbus device '{}' connected to {}", deviceId, settings.endpoint());
        }
        down = false;
        backoff.reset();
        report(ConnectionState.CONNECTED, "connected to " + settings.endpoint());
        plan.groups().values().forEach(this::poll);
    }

    private void report(ConnectionState state, String detail) {
        if (closed || (state == reportedState && detail.equals(reportedDetail))) {
            return;
        }
        reportedState = state;
        reportedDetail = detail;
        sink.status(state, detail);
    }

    /** A task that never throws, so a scheduled poll keeps its schedule. */
    private Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                logger.warn("Modbus device '{}': poll failed unexpectedly, polling continues", deviceId, e);
            }
        };
    }

    private void submit(Runnable task) {
        try {
            executor.execute(guarded(task));
        } catch (RejectedExecutionException closing) {
            // the session is closing
        }
    }

    // --- writes

    /**
     * Writes a setpoint on the session's thread: coils with function 5, one-register values with function 6 (16 with
     * {@code alwaysWriteMultiple}), wider values and strings with function 16. Completes when the device echoed the
     * request; then polls the tag's group so the new value shows at once.
     */
    @Override
    public CompletionStage<Void> write(BoundTag tag, Object value) {
        TagAddress a = plan.addresses().get(tag.id());
        if (a == null) {
            return failed("tag '" + tag.id() + "' has no usable Modbus binding on device '" + deviceId + "'");
        }
        if (!a.table().writable()) {
            return failed("tag '" + tag.id() + "' is bound to " + a.table().label() + " " + a.address()
                    + ", which is read-only in Modbus");
        }
        byte[] pdu;
        try {
            pdu = writeRequest(a, value);
        } catch (Codec.EncodeException e) {
            return failed("tag '" + tag.id() + "': " + e.getMessage());
        }
        WriteTask task = new WriteTask(tag.id(), a, pdu);
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            return failed("device '" + deviceId + "' session is closed");
        }
        return task.result;
    }

    private byte[] writeRequest(TagAddress a, Object value) throws Codec.EncodeException {
        if (a.table() == Table.COIL) {
            return Pdu.writeCoil(a.address(), Codec.encodeBit(value));
        }
        int[] regs = Codec.encode(a, value);
        if (regs.length == 1 && !settings.alwaysWriteMultiple()) {
            return Pdu.writeRegister(a.address(), regs[0]);
        }
        return Pdu.writeRegisters(a.address(), regs);
    }

    private static CompletionStage<Void> failed(String message) {
        return CompletableFuture.failedFuture(new DriverException(message));
    }

    /** A queued write; failed if the session closes before it runs. */
    private final class WriteTask implements Runnable {
        final CompletableFuture<Void> result = new CompletableFuture<>();
        final String tagId;
        final TagAddress address;
        final byte[] pdu;

        WriteTask(String tagId, TagAddress address, byte[] pdu) {
            this.tagId = tagId;
            this.address = address;
            this.pdu = pdu;
        }

        @Override
        public void run() {
            if (closed) {
                fail("the device session is closed");
                return;
            }
            if (down) {
                fail("device '" + deviceId + "' is not connected (" + reportedDetail + ")");
                return;
            }
            try {
                request(l -> {
                    l.write(pdu);
                    return null;
                });
                result.complete(null);
                poll(plan.groups().getOrDefault(address.group(), List.of()));
            } catch (ModbusException e) {
                fail(e.getMessage());
                if (e.kind() == ModbusException.Kind.CONNECTION) {
                    lost(e);
                }
            } catch (RuntimeException e) {
                fail(e.toString());
            }
        }

        void fail(String why) {
            result.completeExceptionally(new DriverException("writing tag '" + tagId + "' ("
                    + address.table().label() + " " + address.address() + ") failed: " + why));
        }
    }

    // --- shutdown

    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        closed = true;
        for (Runnable pending : executor.shutdownNow()) {
            if (pending instanceof WriteTask w) {
                w.fail("the device session closed");
            }
        }
        dropLink(); // unblocks a read in progress
        try {
            if (!executor.awaitTermination(CLOSE_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                logger.warn("Modbus device '{}': poller did not stop within {} ms", deviceId, CLOSE_WAIT_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        dropLink();
        onClose.accept(this);
    }
}
