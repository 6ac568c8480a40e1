package org.vmsseaman.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.vmsseaman.api.device.ConnectionState;
import org.vmsseaman.api.device.DeviceRegistry;
import org.vmsseaman.api.device.DeviceStatus;

/**
 * The NMEA 2000 driver in the assembled runtime, installed from deploy/: a project whose device points at a
 * loopback TCP server streaming a real boat's bus ({@code merrimac-ydwg-2020.raw}) as a Yacht Devices gateway
 * would. The tags turn GOOD over REST with the values of the recording.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class Nmea2000IT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    private BundleContext context;

    @Inject
    private DeviceRegistry registry;

    @Configuration
    public Option[] config() throws IOException {
        int port = gateway(Files.readAllBytes(sharedData("nmea2000/merrimac-ydwg-2020.raw")));
        Path file = Files.createTempFile("n2k", ".vmsproj");
        Files.writeString(file, """
                {
                  "schemaVersion": 1,
                  "vessel": {"name": "Merrimac"},
                  "systems": [{"id": "nav", "name": "Navigation"}, {"id": "dc", "name": "DC power"}],
                  "devices": [
                    {"id": "n2k", "protocol": "nmea2000", "name": "YDWG-02",
                     "settings": {"transport": "tcp", "host": "127.0.0.1", "port": %d, "silenceSeconds": 2, "statusSeconds": 1}}
                  ],
                  "tags": [
                    {"id": "nav.aws", "name": "Apparent wind speed", "system": "nav", "type": "double", "unit": "kn",
                     "source": {"device": "n2k", "address": {"pgn": 130306, "field": "windSpeed", "reference": "apparent"}}},
                    {"id": "nav.depth", "name": "Depth", "system": "nav", "type": "double", "unit": "m",
                     "source": {"device": "n2k", "address": {"pgn": 128267, "field": "depth", "source": 36}}},
                    {"id": "nav.stw", "name": "Speed through water", "system": "nav", "type": "double", "unit": "kn",
                     "source": {"device": "n2k", "address": {"pgn": 128259, "field": "speedWaterReferenced"}}},
                    {"id": "nav.heading", "name": "Heading", "system": "nav", "type": "double", "unit": "deg",
                     "source": {"device": "n2k", "address": {"pgn": 127250, "field": "heading"}}},
                    {"id": "nav.heading_watched", "name": "Heading (expected every 2 s)", "system": "nav",
                     "type": "double", "unit": "deg", "expectedIntervalSeconds": 2,
                     "source": {"device": "n2k", "address": {"pgn": 127250, "field": "heading"}}},
                    {"id": "nav.lat", "name": "Latitude", "system": "nav", "type": "double", "unit": "deg",
                     "source": {"device": "n2k", "address": {"pgn": 129029, "field": "latitude", "source": 45}}},
                    {"id": "dc.house_v", "name": "House battery", "system": "dc", "type": "double", "unit": "V",
                     "source": {"device": "n2k", "address": {"pgn": 127508, "field": "voltage", "instance": 0}}},
                    {"id": "dc.typo", "name": "Misbound", "system": "dc", "type": "double", "unit": "V",
                     "source": {"device": "n2k", "address": {"pgn": 127508, "field": "voltag"}}}
                  ]
                }
                """.formatted(port));
        return Distribution.options(file, Map.of());
    }

    @Test
    public void aGatewayStreamingMerrimacGivesGoodTagsWithTheRecordedValues() throws IOException {
        Await.until(
                WAIT,
                "nav.lat GOOD",
                () -> "GOOD".equals(tag("nav.lat").path("quality").asText()),
                () -> tag("nav.lat").toString());
        for (String id : new String[] {"nav.aws", "nav.depth", "nav.stw", "nav.heading", "dc.house_v"}) {
            Await.until(
                    WAIT,
                    id + " GOOD",
                    () -> "GOOD".equals(tag(id).path("quality").asText()),
                    () -> tag(id).toString());
        }
        // the last frames of the recording, decoded by hand (see MerrimacOverTcpTest in the driver bundle)
        assertEquals(4.42, value("nav.depth"), 1e-9); // 0x000001BA * 0.01 m
        assertEquals(0.0, value("nav.stw"), 1e-9);
        assertEquals(14.5969, value("nav.lat"), 1e-4); // Martinique
        assertTrue(
                "heading in degrees: " + value("nav.heading"), value("nav.heading") > 80 && value("nav.heading") < 90);
        assertTrue("wind in knots: " + value("nav.aws"), value("nav.aws") > 0 && value("nav.aws") < 30);
        assertTrue("house battery: " + value("dc.house_v"), value("dc.house_v") > 20 && value("dc.house_v") < 30);
        JsonNode typo = tag("dc.typo");
        assertEquals(typo.toString(), "BAD", typo.path("quality").asText());
        assertEquals(
                typo.toString(),
                "configuration_error",
                typo.path("qualityReason").asText());

        // the recording ends and the gateway stays silent: the driver says so, the platform turns watched tags stale
        Await.until(
                WAIT,
                "device detail reports the silence",
                () -> registry.device("n2k").orElseThrow().detail().contains("no data for"),
                () -> registry.device("n2k").toString());
        DeviceStatus status = registry.device("n2k").orElseThrow();
        assertEquals(ConnectionState.CONNECTED, status.state());
        assertTrue(status.detail(), status.detail().contains("914 frames, 0 malformed lines"));
        Await.until(
                WAIT,
                "nav.heading_watched stale",
                () -> "stale"
                        .equals(tag("nav.heading_watched").path("qualityReason").asText()),
                () -> tag("nav.heading_watched").toString());
        assertEquals(
                "a tag without an expected interval stays GOOD",
                "GOOD",
                tag("nav.heading").path("quality").asText());

        Bundle driver = null;
        for (Bundle b : context.getBundles()) {
            if ("org.vmsseaman.driver.nmea2000".equals(b.getSymbolicName())) {
                driver = b;
            }
        }
        assertTrue(
                "the driver is installed from deploy/",
                driver != null && driver.getLocation().contains("deploy"));
        assertEquals(Bundle.ACTIVE, driver.getState());

        // hot swap: the jar out of deploy/ stops the driver and its reading thread, back in it serves again
        Path deploy = Path.of(context.getProperty(Distribution.HOME), "deploy");
        Path jar;
        try (Stream<Path> files = Files.list(deploy)) {
            jar = files.filter(p -> p.getFileName().toString().startsWith("org.vmsseaman.driver.nmea2000"))
                    .findFirst()
                    .orElseThrow();
        }
        Path aside = Files.createTempDirectory("vmsseaman-aside").resolve(jar.getFileName());
        Files.move(jar, aside);
        Await.until(
                WAIT,
                "nav.depth BAD driver_missing",
                () -> "driver_missing"
                        .equals(tag("nav.depth").path("qualityReason").asText()),
                () -> tag("nav.depth").toString());
        Await.until(WAIT, "the reading thread ends", () -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().startsWith("vmsseaman-n2k-")));
        Files.move(aside, jar);
        Await.until(
                WAIT,
                "nav.depth GOOD again",
                () -> "GOOD".equals(tag("nav.depth").path("quality").asText()),
                () -> tag("nav.depth").toString());
        assertEquals(4.42, value("nav.depth"), 1e-9);
        assertEquals("ERROR lines in the runtime log", List.of(), Distribution.loggedErrors(context));
    }

    private JsonNode tag(String id) {
        return LoopbackHttp.getJson(
                context.getProperty("org.osgi.service.http.port"), "/tags/" + id, Distribution.adminToken(context));
    }

    private double value(String id) {
        return tag(id).path("value").asDouble(Double.NaN);
    }

    /** A loopback gateway: every connection gets the recording, then is held open until the peer closes it. */
    private static int gateway(byte[] recording) throws IOException {
        ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        Thread t = new Thread(
                () -> {
                    while (!server.isClosed()) {
                        try (Socket s = server.accept();
                                OutputStream out = s.getOutputStream();
                                InputStream in = s.getInputStream()) {
                            out.write(recording);
                            out.flush();
                            while (in.read() >= 0) {
                                // hold the connection open like a gateway
                            }
                        } catch (IOException e) {
                            // next connection
                        }
                    }
                },
                "itest-n2k-gateway");
        t.setDaemon(true);
        t.start();
        return server.getLocalPort();
    }

    /** {@code shared/data/<name>} beside the checkout, found by walking up from the working directory. */
    private static Path sharedData(String name) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/data").resolve(name);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(
                "shared/data/" + name + " not found above " + Path.of("").toAbsolutePath());
    }
}
