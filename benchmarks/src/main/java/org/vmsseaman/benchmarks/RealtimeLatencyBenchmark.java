package org.vmsseaman.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.core.CloseStatus;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.FrameHandler;
import org.eclipse.jetty.websocket.core.OpCode;
import org.eclipse.jetty.websocket.core.client.CoreClientUpgradeRequest;
import org.eclipse.jetty.websocket.core.client.WebSocketCoreClient;

/**
 * End-to-end latency from a tag update to its arrival at WebSocket clients, through the real runtime: the
 * assembled distribution runs as its own process (tag store, historian, alarm engine, web layer) with a
 * generated project of simulated devices publishing at a set rate; clients in this JVM connect to
 * {@code /ws/realtime} over loopback. The latency of a value is the client's arrival time minus the value's
 * {@code receiveTime}, which the platform stamps when the driver hands the value over: it covers the tag
 * store, the realtime hub (rendering, coalescing, fan-out), Jetty and the loopback socket.
 *
 * <p>Phase 1 measures p50/p99 with {@code --clients} clients at each of {@code --rates}; phase 2 measures how
 * many values per second one client receives at each of {@code --max-rates} (values beyond what it takes are
 * coalesced to the latest per tag by design, so received/published below 1 is where a client stops keeping
 * up).
 */
public final class RealtimeLatencyBenchmark {

    private static final int TAGS = 10_000;
    private static int deviceCount = 100;

    private RealtimeLatencyBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path dist = Path.of("distribution/target/vmsseaman");
        List<Integer> rates = List.of(10_000, 100_000);
        List<Integer> maxRates = List.of(100_000, 200_000, 500_000, 1_000_000);
        int clients = 10;
        int seconds = 30;
        int warmup = 10;
        String realtimeConf = "";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--dist" -> dist = Path.of(args[++i]);
                case "--rates" -> rates = ints(args[++i]);
                case "--max-rates" -> maxRates = ints(args[++i]);
                case "--clients" -> clients = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--devices" -> deviceCount = Integer.parseInt(args[++i]);
                case "--max-values" -> realtimeConf = "maxValuesPerMessage=" + Integer.parseInt(args[++i]) + "\n";
                default -> {
                    System.out.println("options: --dist DIR (distribution/target/vmsseaman) --rates 10000,100000"
                            + " --max-rates 100000,200000,500000,1000000 --clients 10 --seconds 30 --warmup 10"
                            + " --devices 100 (the 10,000 tags spread over them) --max-values N (realtime"
                            + " maxValuesPerMessage, default the runtime's 1000)");
                    return;
                }
            }
        }
        if (deviceCount < 1 || TAGS % deviceCount != 0) {
            throw new IllegalArgumentException("--devices must divide " + TAGS);
        }
        if (!Files.isRegularFile(dist.resolve("bin/vmsseaman"))) {
            throw new IllegalArgumentException("no assembled distribution at " + dist + ": build it first");
        }
        System.out.printf(
                "RealtimeLatencyBenchmark: %d devices x %d tags, %d s measured after %d s warm-up%n",
                deviceCount, TAGS / deviceCount, seconds, warmup);
        System.out.println(
                "rate/s  clients  published/s  values/s/client  got %  p50 ms  p90 ms  p99 ms  p99.9 ms  max ms  busy %  runtime cores  client cores");
        for (int rate : rates) {
            run(dist, rate, clients, warmup, seconds, realtimeConf);
        }
        for (int rate : maxRates) {
            run(dist, rate, 1, warmup, seconds, realtimeConf);
        }
        Client.stopJetty();
        System.exit(0); // the WebSocket client's thread pool is not stopped with it
    }

    private static void run(Path dist, int rate, int clientCount, int warmup, int seconds, String realtimeConf)
            throws Exception {
        int tickMillis = TAGS * 1000 / rate;
        if (tickMillis < 10) {
            throw new IllegalArgumentException("rate " + rate + " needs a tick under 10 ms: at most 1,000,000/s");
        }
        try (Runtime runtime = Runtime.start(dist, project(tickMillis), realtimeConf)) {
            List<Client> clients = new ArrayList<>();
            for (int i = 0; i < clientCount; i++) {
                clients.add(Client.connect(runtime.port, runtime.token));
            }
            Thread.sleep(warmup * 1000L);
            clients.forEach(Client::reset);
            MachineLoad load = new MachineLoad();
            long published0 = runtime.updatesTotal();
            long serverCpu0 = cpuNanos(runtime.process.pid());
            long clientCpu0 = ownCpuNanos();
            Thread.sleep(seconds * 1000L);
            MachineLoad.Result busy = load.stop();
            double serverCores = (cpuNanos(runtime.process.pid()) - serverCpu0) / 1e9 / seconds;
            double clientCores = (ownCpuNanos() - clientCpu0) / 1e9 / seconds;
            double published = (runtime.updatesTotal() - published0) / (double) seconds;
            Histogram all = new Histogram();
            long values = 0;
            for (Client c : clients) {
                Histogram h = c.reset();
                all.add(h);
                values += h.count;
                c.close();
            }
            System.out.printf(
                    Locale.ROOT,
                    "%7d  %7d  %11.0f  %15.0f  %5.1f  %6.2f  %6.2f  %6.2f  %8.2f  %6.1f  %5.0f  %5.2f  %5.2f%n",
                    rate,
                    clientCount,
                    published,
                    values / (double) clientCount / seconds,
                    100 * values / (double) clientCount / seconds / published,
                    all.percentile(50) / 1000.0,
                    all.percentile(90) / 1000.0,
                    all.percentile(99) / 1000.0,
                    all.percentile(99.9) / 1000.0,
                    all.max / 1000.0,
                    busy.busyPercent(),
                    serverCores,
                    clientCores);
        }
    }

    /** CPU time of a process from /proc (Linux), in nanoseconds; -1 elsewhere. */
    private static long cpuNanos(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10_000_000L; // utime + stime at 100 Hz
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static long ownCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean)
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** A project of TAGS double tags on {@code deviceCount} simulated devices, every tag on every tick. */
    private static String project(int tickMillis) {
        StringBuilder devices = new StringBuilder();
        StringBuilder tags = new StringBuilder();
        for (int d = 0; d < deviceCount; d++) {
            devices.append(d == 0 ? "" : ",\n")
                    .append(String.format(
                            Locale.ROOT,
                            "{\"id\":\"sim%d\",\"protocol\":\"simulator\",\"name\":\"Simulator %d\",\"enabled\":true,"
                                    + "\"settings\":{\"tickMillis\":%d}}",
                            d,
                            d,
                            tickMillis));
            for (int t = 0; t < TAGS / deviceCount; t++) {
                tags.append(d == 0 && t == 0 ? "" : ",\n")
                        .append(String.format(
                                Locale.ROOT,
                                "{\"id\":\"bench.d%d.t%d\",\"name\":\"Benchmark tag\",\"system\":\"bench\",\"type\":\"double\",\"unit\":\"bar\","
                                        + "\"normalRange\":{\"min\":2,\"max\":8},\"displayRange\":{\"min\":0,\"max\":10},"
                                        + "\"source\":{\"device\":\"sim%d\",\"address\":{\"profile\":\"random_walk\"}}}",
                                d,
                                t,
                                d));
            }
        }
        return "{\"schemaVersion\":1,\"vessel\":{\"name\":\"MV Benchmark\",\"imo\":\"9700003\"},"
                + "\"systems\":[{\"id\":\"bench\",\"name\":\"Benchmark\"}],\n\"devices\":[" + devices
                + "],\n\"tags\":[" + tags + "]}";
    }

    private static List<Integer> ints(String csv) {
        if (csv.isBlank()) {
            return List.of();
        }
        return Arrays.stream(csv.split(","))
                .map(String::trim)
                .map(Integer::valueOf)
                .toList();
    }

    /** The distribution running in its own process from a copy in a temporary home. */
    private static final class Runtime implements AutoCloseable {
        final Process process;
        final Path home;
        final int port;
        final String token;

        private Runtime(Process process, Path home, int port, String token) {
            this.process = process;
            this.home = home;
            this.port = port;
            this.token = token;
        }

        static Runtime start(Path dist, String project, String realtimeConf) throws Exception {
            Path home = Files.createTempDirectory("vmsseaman-bench-");
            copy(dist, home);
            if (!realtimeConf.isEmpty()) {
                Files.writeString(home.resolve("conf/org.vmsseaman.rest.realtime.cfg"), realtimeConf);
            }
            Files.deleteIfExists(home.resolve("data/historian.duckdb"));
            Path file = home.resolve("bench.vmsproj");
            Files.writeString(file, project);
            Path script = home.resolve("bin/vmsseaman");
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
            int port;
            try (var s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                port = s.getLocalPort();
            }
            Process p = new ProcessBuilder(
                            script.toString(),
                            "--vmsproj",
                            file.toString(),
                            "--host",
                            "127.0.0.1",
                            "--port",
                            Integer.toString(port))
                    .redirectErrorStream(true)
                    .redirectOutput(home.resolve("logs-stdout.txt").toFile())
                    .start();
            HttpClient http = HttpClient.newHttpClient();
            Path passwordFile = home.resolve("data/security/initial-admin-password");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            String token = null;
            while (token == null) {
                if (System.nanoTime() > deadline || !p.isAlive()) {
                    p.destroyForcibly();
                    throw new IllegalStateException("the runtime did not start; see " + home);
                }
                Thread.sleep(250);
                if (!Files.exists(passwordFile)) {
                    continue;
                }
                String body = "{\"user\":\"admin\",\"password\":\""
                        + Files.readString(passwordFile).strip() + "\"}";
                try {
                    HttpResponse<String> r = http.send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/auth/login"))
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(body))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 200) {
                        token = r.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
            }
            HttpResponse<String> health = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                            .header("Authorization", "Bearer " + token)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (!health.body().contains("\"total\":" + TAGS)) {
                p.destroyForcibly();
                throw new IllegalStateException("the benchmark project was not loaded (see " + home + "/logs): "
                        + health.body().substring(0, Math.min(600, health.body().length())));
            }
            return new Runtime(p, home, port, token);
        }

        /** Updates the tag store accepted so far ({@code /metrics}), so the table shows what was published. */
        long updatesTotal() throws IOException, InterruptedException {
            HttpResponse<String> r = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                                    .header("Authorization", "Bearer " + token)
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            return r.body()
                    .lines()
                    .filter(l -> l.startsWith("vmsseaman_tagstore_updates_total "))
                    .mapToLong(l -> (long)
                            Double.parseDouble(l.substring(l.indexOf(' ') + 1).trim()))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no vmsseaman_tagstore_updates_total in /metrics"));
        }

        @Override
        public void close() throws Exception {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
            try (Stream<Path> files = Files.walk(home)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(f -> f.toFile().delete());
            }
        }

        private static void copy(Path from, Path to) throws IOException {
            try (Stream<Path> files = Files.walk(from)) {
                for (Path f : files.toList()) {
                    Path target = to.resolve(from.relativize(f).toString());
                    if (Files.isDirectory(f)) {
                        Files.createDirectories(target);
                    } else if (!f.startsWith(from.resolve("data")) && !f.startsWith(from.resolve("logs"))) {
                        Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
    }

    /**
     * A WebSocket client that takes every message and records the latency of every value in it. It is Jetty's
     * WebSocket core client and reads the frames as bytes: the clients share the two cores with the runtime,
     * and the JDK client spent half of its time decoding UTF-8 into characters that are only scanned.
     */
    private static final class Client implements FrameHandler {
        private static final byte[] UPDATE = "{\"type\":\"update\"".getBytes(StandardCharsets.US_ASCII);
        private static final byte[] FIELD = "\"receiveTime\":\"".getBytes(StandardCharsets.US_ASCII);
        private static WebSocketCoreClient jetty;

        private byte[] message = new byte[1 << 16];
        private int length;
        private boolean text;
        private Histogram histogram = new Histogram();
        private CoreSession session;

        static synchronized Client connect(int port, String token) throws Exception {
            if (jetty == null) {
                jetty = new WebSocketCoreClient();
                jetty.start();
            }
            Client c = new Client();
            CoreClientUpgradeRequest request =
                    CoreClientUpgradeRequest.from(jetty, URI.create("ws://127.0.0.1:" + port + "/ws/realtime"), c);
            request.headers(h -> h.put("Authorization", "Bearer " + token));
            c.session = jetty.connect(request).get(10, TimeUnit.SECONDS);
            return c;
        }

        /** Stops the shared WebSocket client (its threads would keep the JVM alive). */
        static synchronized void stopJetty() throws Exception {
            if (jetty != null) {
                jetty.stop();
                jetty = null;
            }
        }

        @Override
        public void onOpen(CoreSession s, Callback callback) {
            callback.succeeded();
            s.demand();
        }

        @Override
        public void onFrame(Frame frame, Callback callback) {
            long now = nowMicros();
            byte op = frame.getOpCode();
            if (op == OpCode.TEXT || (op == OpCode.CONTINUATION && text)) {
                if (op == OpCode.TEXT) {
                    length = 0;
                    text = true;
                }
                ByteBuffer payload = frame.getPayload();
                int n = payload == null ? 0 : payload.remaining();
                if (length + n > message.length) {
                    message = Arrays.copyOf(message, Math.max(message.length * 2, length + n));
                }
                if (n > 0) {
                    payload.get(message, length, n);
                    length += n;
                }
                if (frame.isFin()) {
                    text = false;
                    record(now);
                }
            }
            callback.succeeded();
            if (!OpCode.isControlFrame(op) || op == OpCode.PING || op == OpCode.PONG) {
                session.demand();
            }
        }

        @Override
        public void onError(Throwable cause, Callback callback) {
            callback.succeeded();
        }

        @Override
        public void onClosed(CloseStatus status, Callback callback) {
            callback.succeeded();
        }

        /** Scans an {@code update} message for its values' receive times (bytes, no JSON parse). */
        private void record(long now) {
            if (!startsWith(0, UPDATE)) {
                return;
            }
            synchronized (this) {
                for (int at = indexOf(FIELD, 0); at >= 0; at = indexOf(FIELD, at)) {
                    int start = at + FIELD.length;
                    int end = start;
                    while (end < length && message[end] != '"') {
                        end++;
                    }
                    histogram.record(now - parseMicros(start, end));
                    at = end;
                }
            }
        }

        private int indexOf(byte[] what, int from) {
            byte first = what[0];
            for (int i = from; i <= length - what.length; i++) {
                if (message[i] == first && startsWith(i, what)) {
                    return i;
                }
            }
            return -1;
        }

        private boolean startsWith(int at, byte[] prefix) {
            if (length < at + prefix.length) {
                return false;
            }
            for (int i = 0; i < prefix.length; i++) {
                if (message[at + i] != prefix[i]) {
                    return false;
                }
            }
            return true;
        }

        /** The histogram so far, and a fresh one from now on. */
        synchronized Histogram reset() {
            Histogram h = histogram;
            histogram = new Histogram();
            return h;
        }

        void close() {
            session.abort();
        }

        private static long nowMicros() {
            Instant n = Instant.now();
            return n.getEpochSecond() * 1_000_000L + n.getNano() / 1000;
        }

        private byte[] day = new byte[0];
        private long dayMicros;

        /**
         * Microseconds of an {@link Instant#toString()} text {@code yyyy-MM-ddTHH:mm:ss[.fff[fff]]Z} between
         * {@code start} and {@code end}: the day is parsed once per day, the time by position.
         */
        private long parseMicros(int start, int end) {
            if (day.length == 0 || !startsWith(start, day)) {
                day = Arrays.copyOfRange(message, start, start + 10);
                var t = DateTimeFormatter.ISO_INSTANT.parse(new String(day, StandardCharsets.US_ASCII) + "T00:00:00Z");
                dayMicros = t.getLong(ChronoField.INSTANT_SECONDS) * 1_000_000L;
            }
            int t = start + 11;
            long seconds = digits(t, 2) * 3600 + digits(t + 3, 2) * 60 + digits(t + 6, 2);
            long micros = 0;
            int fraction = t + 8;
            if (fraction < end - 1 && message[fraction] == '.') {
                int n = end - 1 - (fraction + 1); // digits before the Z: 3, 6 or 9
                long f = digits(fraction + 1, n);
                micros = n == 3 ? f * 1000 : n == 6 ? f : f / 1000;
            }
            return dayMicros + seconds * 1_000_000L + micros;
        }

        private long digits(int from, int count) {
            long v = 0;
            for (int i = from; i < from + count; i++) {
                v = v * 10 + (message[i] - '0');
            }
            return v;
        }
    }

    /** Latencies in microseconds: exact below 1 s, the rest counted in the last bin. */
    private static final class Histogram {
        private static final int BINS = 1_000_000;
        private final int[] bins = new int[BINS + 1];
        long count;
        long max;

        void record(long micros) {
            long v = Math.max(0, micros);
            bins[(int) Math.min(v, BINS)]++;
            count++;
            max = Math.max(max, v);
        }

        void add(Histogram other) {
            for (int i = 0; i <= BINS; i++) {
                bins[i] += other.bins[i];
            }
            count += other.count;
            max = Math.max(max, other.max);
        }

        long percentile(double p) {
            long rank = (long) Math.ceil(p / 100.0 * count);
            long seen = 0;
            for (int i = 0; i <= BINS; i++) {
                seen += bins[i];
                if (seen >= rank && rank > 0) {
                    return i;
                }
            }
            return max;
        }
    }
}
