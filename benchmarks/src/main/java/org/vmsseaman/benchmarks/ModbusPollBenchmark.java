package org.vmsseaman.benchmarks;

import com.ghgande.j2mod.modbus.facade.ModbusTCPMaster;
import com.ghgande.j2mod.modbus.procimg.SimpleProcessImage;
import com.ghgande.j2mod.modbus.procimg.SimpleRegister;
import com.ghgande.j2mod.modbus.slave.ModbusSlave;
import com.ghgande.j2mod.modbus.slave.ModbusSlaveFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.vmsseaman.api.device.BoundTag;
import org.vmsseaman.api.device.ConnectionState;
import org.vmsseaman.api.device.DeviceContext;
import org.vmsseaman.api.device.TagSink;
import org.vmsseaman.api.driver.DeviceSession;
import org.vmsseaman.api.project.DeviceDefinition;
import org.vmsseaman.api.tag.DataType;
import org.vmsseaman.api.tag.Quality;
import org.vmsseaman.api.tag.TagDefinition;
import org.vmsseaman.api.tag.TagValue;
import org.vmsseaman.driver.modbus.internal.ModbusBenchAccess;
import org.vmsseaman.tagstore.internal.TagStoreImpl;

/**
 * Modbus polling against a j2mod TCP slave on loopback, in one run: (a) a raw j2mod master per connection reading
 * {@code --registers} holding registers in a loop, and (b) the driver's real sessions (one per device, each on its own
 * thread) reading the same registers as that many uint16 tags, decoding them and publishing them into a real tag store,
 * poll cycles back to back. For each concurrency (1, 4, 16 connections/devices): requests/s, registers/s, p50/p99 of
 * one request (raw) or one poll cycle (driver), the driver's rate as a share of the raw rate; medians of the runs.
 */
public final class ModbusPollBenchmark {

    private ModbusPollBenchmark() {}

    /** One measurement: requests, seconds, latencies in ns. */
    record Result(long requests, double seconds, long[] latencies, long errors) {
        double rate() {
            return requests / seconds;
        }

        double percentile(double p) {
            long[] sorted = latencies.clone();
            Arrays.sort(sorted);
            return sorted.length == 0
                    ? Double.NaN
                    : sorted[(int) Math.min(sorted.length - 1, p * sorted.length)] / 1000.0;
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = options(args);
        int seconds = Integer.parseInt(opts.getOrDefault("seconds", "5"));
        int runs = Integer.parseInt(opts.getOrDefault("runs", "3"));
        int registers = Integer.parseInt(opts.getOrDefault("registers", "100"));
        int[] concurrencies = Arrays.stream(
                        opts.getOrDefault("connections", "1,4,16").split(","))
                .mapToInt(Integer::parseInt)
                .toArray();
        System.out.printf(
                "Modbus poll benchmark: %d registers per request, %d s per measurement, %d runs; load %s%n",
                registers, seconds, runs, loadAverage());
        int port = freePort();
        ModbusSlave slave = startSlave(port, registers);
        try {
            Map<String, List<Result>> results = new LinkedHashMap<>();
            for (int run = 0; run <= runs; run++) { // run 0 warms up and is not counted
                for (int c : concurrencies) {
                    MachineLoad load = new MachineLoad();
                    Result raw = raw(port, c, registers, seconds);
                    double rawBusy = load.stop().busyPercent();
                    load = new MachineLoad();
                    Result driver = driver(port, c, registers, seconds);
                    double driverBusy = load.stop().busyPercent();
                    System.out.printf(
                            "%s c=%2d  raw %8.0f req/s p50 %6.1f p99 %7.1f µs (cpu %3.0f%%, errors %d) | driver %8.0f req/s"
                                    + " p50 %6.1f p99 %7.1f µs (cpu %3.0f%%, errors %d) | %3.0f%%%n",
                            run == 0 ? "warm-up" : "run " + run,
                            c,
                            raw.rate(),
                            raw.percentile(0.5),
                            raw.percentile(0.99),
                            rawBusy,
                            raw.errors(),
                            driver.rate(),
                            driver.percentile(0.5),
                            driver.percentile(0.99),
                            driverBusy,
                            driver.errors(),
                            100 * driver.rate() / raw.rate());
                    if (run > 0) {
                        results.computeIfAbsent("raw " + c, k -> new ArrayList<>())
                                .add(raw);
                        results.computeIfAbsent("driver " + c, k -> new ArrayList<>())
                                .add(driver);
                    }
                }
            }
            System.out.printf("%nMedians of %d runs (load now %s):%n", runs, loadAverage());
            System.out.println(
                    "| connections / devices | raw j2mod req/s | raw p50 / p99 µs | driver polls/s | driver registers/s"
                            + " | driver p50 / p99 µs | driver / raw |");
            System.out.println("|---|---|---|---|---|---|---|");
            for (int c : concurrencies) {
                List<Result> raw = results.get("raw " + c);
                List<Result> drv = results.get("driver " + c);
                double rawRate = median(raw.stream().mapToDouble(Result::rate).toArray());
                double drvRate = median(drv.stream().mapToDouble(Result::rate).toArray());
                System.out.printf(
                        "| %d | %.0f | %.0f / %.0f | %.0f | %.0f | %.0f / %.0f | %.0f %% |%n",
                        c,
                        rawRate,
                        median(raw.stream().mapToDouble(r -> r.percentile(0.5)).toArray()),
                        median(raw.stream().mapToDouble(r -> r.percentile(0.99)).toArray()),
                        drvRate,
                        drvRate * registers,
                        median(drv.stream().mapToDouble(r -> r.percentile(0.5)).toArray()),
                        median(drv.stream().mapToDouble(r -> r.percentile(0.99)).toArray()),
                        100 * drvRate / rawRate);
            }
        } finally {
            ModbusSlaveFactory.close(slave);
        }
    }

    /** {@code connections} raw j2mod masters, each on its own thread, reading in a loop. */
    static Result raw(int port, int connections, int registers, int seconds) throws Exception {
        List<CompletableFuture<Result>> workers = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        for (int i = 0; i < connections; i++) {
            workers.add(CompletableFuture.supplyAsync(
                    () -> {
                        ModbusTCPMaster master = new ModbusTCPMaster("127.0.0.1", port, 2000, false);
                        long[] lat = new long[1 << 16];
                        int n = 0;
                        long errors = 0;
                        long start = System.nanoTime();
                        try {
                            master.connect();
                            while (System.nanoTime() < deadline) {
                                long t0 = System.nanoTime();
                                try {
                                    master.readMultipleRegisters(1, 0, registers);
                                } catch (Exception e) {
                                    errors++;
                                    continue;
                                }
                                if (n == lat.length) {
                                    lat = Arrays.copyOf(lat, n * 2);
                                }
                                lat[n++] = System.nanoTime() - t0;
                            }
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        } finally {
                            master.disconnect();
                        }
                        return new Result(n, (System.nanoTime() - start) / 1e9, Arrays.copyOf(lat, n), errors);
                    },
                    runnable -> new Thread(runnable, "raw-j2mod-master").start()));
        }
        return combine(workers);
    }

    /** {@code devices} driver sessions reading the registers as uint16 tags into a tag store, cycles back to back. */
    static Result driver(int port, int devices, int registers, int seconds) throws Exception {
        TagStoreImpl store = new TagStoreImpl();
        List<DeviceSession> sessions = new ArrayList<>();
        List<CountingSink> sinks = new ArrayList<>();
        try {
            List<List<BoundTag>> deviceTags = new ArrayList<>();
            for (int d = 0; d < devices; d++) {
                List<BoundTag> tags = new ArrayList<>();
                for (int i = 0; i < registers; i++) {
                    TagDefinition def = new TagDefinition(
                            "d" + d + ".r" + i,
                            null,
                            null,
                            "bench",
                            DataType.LONG,
                            "",
                            null,
                            null,
                            false,
                            null,
                            null,
                            List.of());
                    tags.add(new BoundTag(def, Map.of("function", "holding_register", "address", i)));
                }
                deviceTags.add(tags);
            }
            store.define(deviceTags.stream()
                    .flatMap(List::stream)
                    .map(BoundTag::definition)
                    .toList());
            for (int d = 0; d < devices; d++) {
                List<BoundTag> tags = deviceTags.get(d);
                CountingSink sink = new CountingSink(store);
                sinks.add(sink);
                Map<String, Object> settings = Map.of(
                        "host",
                        "127.0.0.1",
                        "port",
                        port,
                        "pollIntervalMs",
                        3_600_000,
                        "timeoutMs",
                        2000,
                        "retries",
                        0);
                DeviceDefinition device = new DeviceDefinition("d" + d, "modbus-tcp", "d" + d, true, settings);
                sessions.add(ModbusBenchAccess.start(new Context(device, tags, sink)));
            }
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!sinks.stream().allMatch(s -> s.connected && s.values.get() >= registers)) {
                if (System.nanoTime() > until) {
                    throw new IllegalStateException("driver sessions did not connect and poll within 10 s");
                }
                Thread.sleep(10);
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            List<CompletableFuture<Result>> workers = new ArrayList<>();
            for (int d = 0; d < devices; d++) {
                DeviceSession session = sessions.get(d);
                CountingSink sink = sinks.get(d);
                workers.add(CompletableFuture.supplyAsync(
                        () -> {
                            List<long[]> chunks = new ArrayList<>();
                            long failures0 = sink.failures.get();
                            long start = System.nanoTime();
                            while (System.nanoTime() < deadline) {
                                chunks.add(ModbusBenchAccess.pollBackToBack(session, 200)
                                        .join());
                            }
                            double secs = (System.nanoTime() - start) / 1e9;
                            long[] all = chunks.stream()
                                    .flatMapToLong(Arrays::stream)
                                    .toArray();
                            return new Result(all.length, secs, all, sink.failures.get() - failures0);
                        },
                        runnable -> new Thread(runnable, "driver-bench").start()));
            }
            return combine(workers);
        } finally {
            sessions.forEach(DeviceSession::close);
            store.close();
        }
    }

    private static Result combine(List<CompletableFuture<Result>> workers) {
        long requests = 0;
        long errors = 0;
        double seconds = 0;
        List<long[]> lat = new ArrayList<>();
        for (CompletableFuture<Result> w : workers) {
            Result r = w.join();
            requests += r.requests();
            errors += r.errors();
            seconds = Math.max(seconds, r.seconds());
            lat.add(r.latencies());
        }
        return new Result(
                requests, seconds, lat.stream().flatMapToLong(Arrays::stream).toArray(), errors);
    }

    /** The platform's sink in short: receive time set, values into the tag store; counts values and failures. */
    static final class CountingSink implements TagSink {
        final TagStoreImpl store;
        final AtomicLong values = new AtomicLong();
        final AtomicLong failures = new AtomicLong();
        volatile boolean connected;

        CountingSink(TagStoreImpl store) {
            this.store = store;
        }

        @Override
        public void publish(List<TagValue> batch) {
            long now = TagValue.nowMicros();
            List<TagValue> stamped = new ArrayList<>(batch.size());
            for (TagValue v : batch) {
                stamped.add(new TagValue(v.tagId(), v.value(), v.quality(), now, now, v.raw()));
            }
            values.addAndGet(store.publish(stamped));
        }

        @Override
        public void publish(String tagId, Object value) {
            publish(List.of(TagValue.good(tagId, value, 0)));
        }

        @Override
        public void quality(Collection<String> tagIds, Quality quality) {
            failures.incrementAndGet();
        }

        @Override
        public void configurationError(String tagId, String message) {
            throw new IllegalStateException(tagId + ": " + message);
        }

        @Override
        public void status(ConnectionState state, String detail) {
            connected = state == ConnectionState.CONNECTED;
            if (state == ConnectionState.DISCONNECTED) {
                failures.incrementAndGet();
            }
        }
    }

    record Context(DeviceDefinition device, List<BoundTag> tags, TagSink sink) implements DeviceContext {}

    private static ModbusSlave startSlave(int port, int registers) throws Exception {
        SimpleProcessImage image = new SimpleProcessImage(1);
        for (int i = 0; i < registers; i++) {
            image.addRegister(new SimpleRegister(i));
        }
        ModbusSlave slave = ModbusSlaveFactory.createTCPSlave(InetAddress.getLoopbackAddress(), port, 64, false);
        slave.addProcessImage(1, image);
        slave.open();
        Thread.sleep(500); // the listener starts on its own thread
        return slave;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--help")) {
                System.out.println("options: --seconds 5 --runs 3 --registers 100 --connections 1,4,16");
                System.exit(0);
            }
            if (args[i].startsWith("--") && i + 1 < args.length) {
                m.put(args[i].substring(2), args[++i]);
            }
        }
        return m;
    }
}
