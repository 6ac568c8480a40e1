package org.vmsseaman.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.inject.Inject;
import org.junit.After;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * At least 100,000 generated malformed and hostile inputs against the running runtime on loopback (see
 * {@link HostileInput}): HTTP requests through a real client with and without valid credentials, raw broken
 * HTTP requests over a socket, and WebSocket text frames. Asserts: no 5xx answer (except Jetty's 505 to a request
 * line without a known HTTP version, a protocol-level refusal counted as -505) and no WebSocket close for a
 * server error (1011), no bundle changed state, no service was re-registered, the heap is bounded, nothing was
 * logged at ERROR, and the runtime still answers. The count is set by {@code -Dfuzz.inputs} (default 100,000).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class FuzzIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int INPUTS = Integer.getInteger("fuzz.inputs", 100_000);
    private static final long SEED = Long.getLong("fuzz.seed", 20261122L);
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @Inject
    private BundleContext context;

    private final Map<Integer, AtomicInteger> statuses = new ConcurrentSkipListMap<>();
    private final List<String> serverErrors = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong sent = new AtomicLong();

    @Configuration
    public Option[] config() throws IOException {
        // dropped realtime connections are kept 5 s for a resume instead of 60, so reconnecting fuzz clients
        // do not fill the connection limit; every other limit is the default under test
        return Distribution.options(null, Map.of("org.vmsseaman.rest.realtime.cfg", "resumeSeconds=5\n"));
    }

    @After
    public void noErrorWasLogged() throws IOException {
        assertEquals("ERROR lines in the runtime log", List.of(), Distribution.loggedErrors(context));
    }

    @Test
    public void hostileRequestsAndFramesGetNoServerErrorAndChangeNothing() throws Exception {
        String token =
                LoopbackHttp.user(port(), Distribution.adminToken(context), "fuzz", "engineer", "Fuzz-Engineer-42");
        Await.until(WAIT, "device sim CONNECTED", () -> LoopbackHttp.get(port(), "/devices/sim", token)
                .body()
                .contains("\"state\":\"CONNECTED\""));
        Map<Long, String> bundles = bundleStates();
        Map<String, Long> services = serviceIds();
        long heapBefore = usedHeapAfterGc();

        int wsFrames = INPUTS / 10;
        int raw = INPUTS / 30;
        int http = INPUTS - wsFrames - raw;
        ExecutorService pool = Executors.newFixedThreadPool(12);
        List<Future<?>> work = new ArrayList<>();
        long start = System.nanoTime();
        AtomicInteger httpLeft = new AtomicInteger(http);
        AtomicInteger rawLeft = new AtomicInteger(raw);
        AtomicInteger framesLeft = new AtomicInteger(wsFrames);
        for (int w = 0; w < 6; w++) {
            HostileInput in = new HostileInput(SEED + w);
            work.add(pool.submit(() -> {
                while (httpLeft.getAndDecrement() > 0) {
                    request(in, token);
                }
                while (rawLeft.getAndDecrement() > 0) {
                    raw(in);
                }
                return null;
            }));
        }
        for (int w = 0; w < 6; w++) {
            HostileInput in = new HostileInput(SEED + 100 + w);
            work.add(pool.submit(() -> {
                webSocket(in, token, framesLeft);
                return null;
            }));
        }
        for (Future<?> f : work) {
            f.get(30, TimeUnit.MINUTES);
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                "FuzzIT: %d inputs in %.1f s (%.0f/s); HTTP answers by status: %s%n",
                sent.get(), seconds, sent.get() / seconds, statuses);

        assertEquals("5xx answers and server-error closes", List.of(), serverErrors);
        assertTrue("inputs sent: " + sent.get(), sent.get() >= INPUTS);
        assertEquals("bundle states", bundles, bundleStates());
        assertEquals("service ids (none re-registered)", services, serviceIds());
        long heapAfter = usedHeapAfterGc();
        assertTrue(
                "heap bounded: " + heapBefore / 1_000_000 + " MB before, " + heapAfter / 1_000_000 + " MB after",
                heapAfter < heapBefore + 256L * 1024 * 1024);
        HttpResponse<String> health = LoopbackHttp.get(port(), "/health", token);
        assertEquals(health.body(), 200, health.statusCode());
        assertEquals(
                200,
                LoopbackHttp.get(port(), "/tags/me.lube_oil.inlet_pressure", token)
                        .statusCode());
    }

    private void request(HostileInput in, String token) {
        String method = in.method();
        String target = in.target();
        String credential = in.credential(token);
        if (target.contains("logout") && token.equals(credential)) {
            credential = null; // logging out would end the fuzz session: the rest would only test 401s
        }
        byte[] body = in.body();
        HttpRequest.Builder b;
        try {
            b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + target))
                    .timeout(Duration.ofSeconds(30));
        } catch (IllegalArgumentException e) {
            raw(in); // not a URI the client can send: a raw request instead
            return;
        }
        LoopbackHttp.authorize(b, credential);
        if (body == null || method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", in.contentType()).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        }
        sent.incrementAndGet();
        try {
            HttpResponse<byte[]> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            count(r.statusCode(), method + " " + cut(target), new String(r.body(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            count(-1, method + " " + cut(target), e.toString()); // the server closed the connection
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void raw(HostileInput in) {
        byte[] request = in.rawRequest();
        sent.incrementAndGet();
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", Integer.parseInt(port())), 5000);
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(request);
            out.flush();
            s.shutdownOutput();
            InputStream is = s.getInputStream();
            String line = new String(is.readNBytes(12), StandardCharsets.ISO_8859_1);
            String head = cut(new String(request, StandardCharsets.ISO_8859_1));
            if (line.startsWith("HTTP/1.1 ") || line.startsWith("HTTP/1.0 ")) {
                int status = Integer.parseInt(line.substring(9, 12));
                String requestLine = head.lines().findFirst().orElse("");
                if (status == 505 && !requestLine.matches(".* HTTP/1\\.[01]")) {
                    // Jetty's answer to a request line without a known HTTP version (RFC 9110 15.6.6): a refusal
                    // at the protocol level, before any of our code; accepted only for such request lines
                    count(-505, "raw " + head, "");
                    return;
                }
                count(status, "raw " + head, "");
            } else {
                count(-2, "raw " + head, line); // closed without an answer
            }
        } catch (IOException e) {
            count(-2, "raw", e.toString());
        }
    }

    private void webSocket(HostileInput in, String token, AtomicInteger left) throws InterruptedException {
        while (left.get() > 0) {
            WsClient ws;
            try {
                ws = WsClient.connect(port(), "", token);
            } catch (IllegalStateException refused) {
                Thread.sleep(200); // e.g. 1013 while the connection limit is reached
                continue;
            }
            try {
                while (!ws.isClosed()) {
                    if (left.getAndDecrement() <= 0) {
                        return;
                    }
                    try {
                        ws.send(in.frame());
                        sent.incrementAndGet();
                    } catch (RuntimeException closed) {
                        left.incrementAndGet(); // not sent: closed by the server meanwhile
                        break;
                    }
                    Thread.sleep(25); // under the default 50 messages a second
                }
                if (ws.isClosed()) {
                    int code = ws.awaitClose(Duration.ofSeconds(1));
                    if (code == WebSocket.NORMAL_CLOSURE + 11) { // 1011: the server failed
                        serverErrors.add("WebSocket closed with 1011");
                    }
                }
            } catch (Exception e) {
                // an aborted socket: nothing to check
            } finally {
                ws.abort();
            }
        }
    }

    private void count(int status, String what, String body) {
        statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
        if (status >= 500 && serverErrors.size() < 20) {
            serverErrors.add(status + " for " + what + ": " + cut(body));
        }
    }

    private static String cut(String s) {
        return s.length() > 160 ? s.substring(0, 160) + "..." : s;
    }

    private Map<Long, String> bundleStates() {
        Map<Long, String> m = new TreeMap<>();
        for (Bundle b : context.getBundles()) {
            m.put(b.getBundleId(), b.getSymbolicName() + " " + b.getState());
        }
        return m;
    }

    private Map<String, Long> serviceIds() throws Exception {
        Map<String, Long> m = new TreeMap<>();
        for (String type : List.of(
                "org.vmsseaman.api.tagstore.TagStore",
                "org.vmsseaman.api.historian.Historian",
                "org.vmsseaman.api.alarm.AlarmService",
                "org.vmsseaman.api.device.DeviceRegistry",
                "org.vmsseaman.api.security.SecurityService",
                "jakarta.servlet.Servlet")) {
            ServiceReference<?>[] refs = context.getServiceReferences(type, null);
            for (ServiceReference<?> r : refs == null ? new ServiceReference<?>[0] : refs) {
                m.put(type + " " + r.getProperty("component.name"), (Long) r.getProperty("service.id"));
            }
        }
        return m;
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private String port() {
        return context.getProperty("org.osgi.service.http.port");
    }
}
