package org.vmsseaman.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
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
import org.vmsseaman.api.tagstore.TagStore;

/**
 * The REST surface beyond tags and alarms, over a real Jetty on loopback with the demo vessel: setpoint writes
 * (engineer only, checked, audited, confirmed by the simulated device), device and driver status, Prometheus
 * metrics, the public /health that shows nothing but the state, bundle and device changes in the audit trail,
 * and an OpenAPI document that matches what is served in both directions.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RestApiIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String PASSWORD = "Engine-Room-42";
    private static final String RUDDER = "steering.rudder_order"; // writable in the demo vessel, display -40..40
    private static final String NOT_WRITABLE = "me.lube_oil.inlet_pressure";

    @Inject
    private BundleContext context;

    @Inject
    private TagStore tagStore;

    @Configuration
    public Option[] config() throws IOException {
        return Distribution.options();
    }

    @After
    public void noErrorWasLogged() throws IOException {
        assertEquals("ERROR lines in the runtime log", List.of(), Distribution.loggedErrors(context));
    }

    @Test
    public void anEngineerWritesASetpointAnOperatorIsRefusedAndBothAreAudited() {
        String operator = LoopbackHttp.user(port(), admin(), "olga", "operator", PASSWORD);
        String engineer = LoopbackHttp.user(port(), admin(), "erik", "engineer", PASSWORD);
        awaitSimulatorConnected();

        HttpResponse<String> refused = put(RUDDER, "{\"value\": 3.5}", operator);
        assertEquals(refused.body(), 403, refused.statusCode());
        assertEquals("engineer", LoopbackHttp.json("403", refused).path("role").asText());

        HttpResponse<String> written = put(RUDDER, "{\"value\": 3.5}", engineer);
        assertEquals(written.body(), 200, written.statusCode());
        assertEquals(3.5, LoopbackHttp.json("write", written).path("value").asDouble(), 0.0);
        // the simulated device holds the setpoint: the live value follows and stays
        Await.until(Duration.ofSeconds(5), "the tag shows the written value", () -> Double.valueOf(3.5)
                .equals(tagStore.get(RUDDER).orElseThrow().value()));

        assertError(put(RUDDER, "{\"value\": \"left\"}", engineer), 400, "expected a number");
        assertEquals(
                "value",
                LoopbackHttp.json("400", put(RUDDER, "{\"value\": 41}", engineer))
                        .path("parameter")
                        .asText());
        assertError(put(RUDDER, "{}", engineer), 400, "'value'");
        assertError(put(RUDDER, "{\"value\": [1]}", engineer), 400, "'value' must be");
        assertError(put(NOT_WRITABLE, "{\"value\": 4}", engineer), 409, "not writable");
        assertError(put("no.such_tag", "{\"value\": 4}", engineer), 404, "unknown tag");
        assertEquals(
                405,
                LoopbackHttp.get(port(), "/tags/" + RUDDER + "/value", engineer).statusCode());
        assertEquals(3.5, (Double) tagStore.get(RUDDER).orElseThrow().value(), 0.0);

        List<String> audit = audit();
        assertTrue(audit.toString(), audit.contains("olga tag.write " + RUDDER + " DENIED"));
        assertTrue(audit.toString(), audit.contains("erik tag.write " + RUDDER + " = 3.5 SUCCESS"));
        assertTrue(audit.toString(), audit.contains("erik tag.write " + NOT_WRITABLE + " FAILURE"));
    }

    @Test
    public void devicesAndDriversShowTheSimulatorServingTheDemoVessel() {
        awaitSimulatorConnected();
        JsonNode sim = LoopbackHttp.getJson(port(), "/devices/sim", admin());
        assertEquals("simulator", sim.path("protocol").asText());
        assertTrue(sim.toString(), sim.path("tags").asInt() > 200);
        assertTrue(sim.toString(), sim.path("driver").asText().startsWith("org.vmsseaman.driver.simulator "));
        assertEquals(404, LoopbackHttp.get(port(), "/devices/nope", admin()).statusCode());

        JsonNode drivers = LoopbackHttp.getJson(port(), "/drivers", viewer());
        JsonNode simulator = null;
        for (JsonNode d : drivers) {
            if (d.path("symbolicName").asText().equals("org.vmsseaman.driver.simulator")) {
                simulator = d;
            }
        }
        assertTrue(drivers.toString(), simulator != null);
        assertEquals("ACTIVE", simulator.path("state").asText());
        assertEquals("deploy", simulator.path("location").asText());
        assertEquals(
                "simulator",
                simulator.path("protocols").path(0).path("protocol").asText());
        assertTrue(
                simulator.toString(),
                simulator.path("protocols").path(0).path("inUse").asBoolean());
    }

    @Test
    public void metricsArePrometheusTextWithTheRuntimesFigures() {
        awaitSimulatorConnected();
        Await.until(WAIT, "the historian has committed", () -> metric("vmsseaman_historian_stored_total") > 0);
        HttpResponse<String> r = LoopbackHttp.get(port(), "/metrics", viewer());
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"));
        String body = r.body();
        assertTrue(
                body,
                body.contains("# TYPE vmsseaman_tags gauge\nvmsseaman_tags "
                        + tagStore.definitions().size() + "\n"));
        assertTrue(body, body.contains("vmsseaman_device_state{device=\"sim\",state=\"CONNECTED\"} 1\n"));
        assertTrue(body, body.contains("vmsseaman_up{part=\"historian\"} 1\n"));
        assertTrue(body, body.contains("vmsseaman_historian_lost_total 0\n"));
        for (String line : body.split("\n")) {
            assertTrue(
                    "every line is a comment or 'name{labels} value': " + line,
                    line.startsWith("# ")
                            || line.matches("[a-zA-Z_:][a-zA-Z0-9_:]*(\\{[^}]*\\})? -?[0-9.eE+-]+|.* NaN"));
        }
        assertEquals(401, LoopbackHttp.get(port(), "/metrics", null).statusCode());
    }

    @Test
    public void anonymousHealthShowsTheStateOnlyALoggedInCallerTheDetails() throws Exception {
        JsonNode open = LoopbackHttp.getJson(port(), "/health", null);
        assertTrue(open.toString(), open.has("status"));
        assertFalse(open.toString(), open.has("devices") || open.has("bundles") || open.has("version"));
        JsonNode full = LoopbackHttp.getJson(port(), "/health", viewer());
        assertTrue(full.toString(), full.has("devices") && full.has("bundles"));
    }

    @Test
    public void updatingADriverBundleIsAuditedWithTheDevicesLostAndRestoredConnection() throws Exception {
        awaitSimulatorConnected();
        Bundle simulator = bundle("org.vmsseaman.driver.simulator");
        simulator.update();
        awaitSimulatorConnected();
        Await.until(
                Duration.ofSeconds(10),
                "bundle update and the device's lost and restored connection in the audit trail",
                () -> {
                    List<String> audit = audit();
                    String target = simulator.getSymbolicName() + " " + simulator.getVersion();
                    int updated = audit.indexOf("system bundle.updated " + target + " SUCCESS");
                    int lost = audit.indexOf("system device.connection_lost sim FAILURE");
                    int restored = audit.lastIndexOf("system device.connection_restored sim SUCCESS");
                    return updated >= 0 && lost >= 0 && restored > lost;
                },
                () -> audit().toString());
    }

    /**
     * Every operation of openapi.json is served (not 404, not 405), and every registered servlet pattern is
     * described (except the catch-all "/" and the Web Console).
     */
    /** Requests Jetty refuses before any servlet (conf/jetty.xml) are answered in JSON like every API error. */
    @Test
    public void requestsRefusedBeforeAnyServletAreAnsweredInJson() throws IOException {
        awaitSimulatorConnected(); // the server is listening
        Map<String, String> requests = Map.of(
                "400", "GET /tags/%zz HTTP/1.1\r\nHost: x\r\n\r\n",
                "414", "GET /tags/" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: x\r\n\r\n",
                "431", "GET /health HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(20_000) + "\r\n\r\n");
        for (Map.Entry<String, String> r : requests.entrySet()) {
            String answer = LoopbackHttp.raw(port(), r.getValue());
            String head = answer.substring(0, Math.max(0, answer.indexOf("\r\n\r\n")));
            assertTrue(head, head.startsWith("HTTP/1.1 " + r.getKey() + " "));
            assertTrue(head, head.toLowerCase(java.util.Locale.ROOT).contains("content-type: application/json"));
            JsonNode body = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4));
            assertEquals(answer, r.getKey(), body.path("status").asText());
            assertFalse(answer, body.path("message").asText().isEmpty());
        }
    }

    @Test
    public void theOpenApiDocumentMatchesWhatIsServed() {
        awaitSimulatorConnected();
        JsonNode doc = LoopbackHttp.getJson(port(), "/openapi.json", viewer());
        assertEquals("3.0.3", doc.path("openapi").asText());
        List<String> wrong = new ArrayList<>();
        TreeSet<String> documented = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = doc.path("paths").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            documented.add(path.getKey());
            String concrete = path.getKey()
                    .replace("/tags/{id}", "/tags/" + RUDDER)
                    .replace("/alarms/{id}", "/alarms/1")
                    .replace("/devices/{id}", "/devices/sim")
                    .replace("{name}", "admin");
            for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext(); ) {
                String method = methods.next().toUpperCase(java.util.Locale.ROOT);
                if (method.equals("PARAMETERS") || concrete.endsWith("/logout") || method.equals("DELETE")) {
                    continue; // not an operation; and logging out or deleting admin would end the test's session
                }
                int status = LoopbackHttp.send(method, port(), concrete, method.equals("GET") ? null : "{}", admin())
                        .statusCode();
                if (status == 405 || (status == 404 && !concrete.startsWith("/alarms/1"))) {
                    wrong.add(method + " " + concrete + " answered " + status);
                }
            }
        }
        assertEquals("documented operations that are not served", List.of(), wrong);

        List<String> undocumented = new ArrayList<>();
        for (String pattern : Distribution.servletPatterns(context)) {
            String base = pattern.endsWith("/*") ? pattern.substring(0, pattern.length() - 2) : pattern;
            if (pattern.equals("/") || base.startsWith("/system/console")) {
                continue;
            }
            if (documented.stream().noneMatch(d -> d.equals(base) || d.startsWith(base + "/"))) {
                undocumented.add(pattern);
            }
        }
        assertEquals("served patterns missing from openapi.json", List.of(), undocumented);
    }

    // --- helpers

    private void awaitSimulatorConnected() {
        Await.until(WAIT, "device sim CONNECTED", () -> LoopbackHttp.get(port(), "/devices/sim", admin())
                .body()
                .contains("\"state\":\"CONNECTED\""));
    }

    private HttpResponse<String> put(String tag, String body, String token) {
        return LoopbackHttp.send("PUT", port(), "/tags/" + tag + "/value", body, token);
    }

    private static void assertError(HttpResponse<String> r, int status, String text) {
        assertEquals(r.body(), status, r.statusCode());
        assertTrue(r.body(), r.body().contains(text));
    }

    private double metric(String name) {
        for (String line : LoopbackHttp.get(port(), "/metrics", admin()).body().split("\n")) {
            if (line.startsWith(name + " ")) {
                return Double.parseDouble(line.substring(name.length() + 1));
            }
        }
        return -1;
    }

    private List<String> audit() {
        return LoopbackHttp.auditLines(port(), admin());
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle b : context.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new AssertionError("no bundle " + symbolicName);
    }

    private String viewer() {
        return LoopbackHttp.user(port(), admin(), "vera", "viewer", PASSWORD);
    }

    private String admin() {
        return Distribution.adminToken(context);
    }

    private String port() {
        return context.getProperty("org.osgi.service.http.port");
    }
}
