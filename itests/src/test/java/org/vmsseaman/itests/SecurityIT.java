package org.vmsseaman.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
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
import org.osgi.framework.BundleContext;

/**
 * Authentication and roles over a real Jetty on loopback: every registered path refuses anonymous requests
 * (except GET /health and POST /auth/login), roles decide what an operator and an engineer may do, logout
 * and lockout work, admin/admin never does, and the Web Console lets in administrators only.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SecurityIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FAULT = "me.exhaust.cyl1.temp.sensor_fault";
    private static final String PASSWORD = "Engine-Room-42";

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] config() throws IOException {
        return Distribution.options(
                null,
                Map.of(
                        "org.vmsseaman.driver.simulator.fault-cyl1.cfg",
                        Distribution.wireBreak("me.exhaust.cyl1.temp")));
    }

    @After
    public void noErrorWasLogged() throws IOException {
        assertEquals("ERROR lines in the runtime log", List.of(), Distribution.loggedErrors(context));
    }

    @Test
    public void everyRegisteredPathRefusesAnonymousRequestsExceptHealthAndLogin() throws Exception {
        String admin = admin();
        Await.until(WAIT, "the Web Console is registered", () -> !paths().stream()
                .filter(p -> p.startsWith("/system/console"))
                .toList()
                .isEmpty());
        List<String> paths = paths();
        assertTrue("REST servlets found: " + paths, paths.contains("/tags") && paths.contains("/alarms/x"));
        List<String> open = new ArrayList<>();
        for (String path : paths) {
            for (String method : List.of("GET", "POST", "PUT", "DELETE")) {
                HttpResponse<String> r = anonymous(method, path);
                if (r.statusCode() == 302 && path.equals("/system/console")) {
                    // Jetty redirects a context's bare path to its root before any filter runs; the root asks
                    assertTrue(r.headers().firstValue("Location").orElse("").endsWith("/system/console/"));
                    assertEquals("", r.body());
                    r = anonymous(method, path + "/");
                }
                if (r.statusCode() != 401) {
                    open.add(method + " " + path + " -> " + r.statusCode());
                    continue;
                }
                assertTrue(path, r.headers().firstValue("WWW-Authenticate").isPresent());
                assertEquals(path, 401, JSON.readTree(r.body()).path("status").asInt());
            }
        }
        assertEquals(
                List.of("POST /auth/login -> 400", "GET /health -> 200"),
                open.stream()
                        .filter(o -> !o.startsWith("DELETE /health") && !o.startsWith("PUT /health"))
                        .toList());
        assertEquals(200, LoopbackHttp.get(port(), "/tags", admin).statusCode());
        assertEquals(401, LoopbackHttp.get(port(), "/tags", "not-a-token").statusCode());
    }

    @Test
    public void anOperatorAcknowledgesButMayNotShelveAnEngineerMay() throws Exception {
        String operator = user("oscar", "operator");
        String engineer = user("erin", "engineer");
        Await.until(WAIT, FAULT + " raised", () -> LoopbackHttp.get(port(), "/alarms/" + FAULT, operator)
                .body()
                .contains("unacknowledged"));

        HttpResponse<String> ack = LoopbackHttp.post(port(), "/alarms/" + FAULT + "/ack", "{}", operator);
        assertEquals(ack.body(), 200, ack.statusCode());
        assertEquals("oscar", JSON.readTree(ack.body()).path("acknowledgedBy").asText());

        String shelve = "{\"reason\":\"sensor replaced\",\"minutes\":10}";
        HttpResponse<String> refused = LoopbackHttp.post(port(), "/alarms/" + FAULT + "/shelve", shelve, operator);
        assertEquals(refused.body(), 403, refused.statusCode());
        assertEquals("engineer", JSON.readTree(refused.body()).path("role").asText());
        assertEquals(403, LoopbackHttp.get(port(), "/users", operator).statusCode());
        assertEquals(
                403,
                LoopbackHttp.post(
                                port(),
                                "/users",
                                "{\"name\":\"x\",\"role\":\"admin\",\"password\":\"" + PASSWORD + "\"}",
                                engineer)
                        .statusCode());

        HttpResponse<String> shelved = LoopbackHttp.post(port(), "/alarms/" + FAULT + "/shelve", shelve, engineer);
        assertEquals(shelved.body(), 200, shelved.statusCode());
        assertEquals("shelved", JSON.readTree(shelved.body()).path("state").asText());
        assertEquals(
                200,
                LoopbackHttp.post(port(), "/alarms/" + FAULT + "/unshelve", "{}", engineer)
                        .statusCode());

        // the audit trail: engineers and administrators read it, operators may not, nobody changes it
        Await.until(
                WAIT,
                "the login, the acknowledgement and the commands in GET /audit",
                () -> {
                    List<String> seen = audit(engineer);
                    return seen.contains("oscar login oscar SUCCESS")
                            && seen.contains("oscar alarm.ack " + FAULT + " SUCCESS")
                            && seen.contains("oscar alarm.shelve " + FAULT + " DENIED")
                            && seen.contains("erin alarm.shelve " + FAULT + " SUCCESS")
                            && seen.contains("erin alarm.unshelve " + FAULT + " SUCCESS");
                },
                () -> String.join("\n", audit(engineer)));
        JsonNode entry = JSON
                .readTree(
                        LoopbackHttp.get(port(), "/audit?limit=100000", admin()).body())
                .findParents("action")
                .stream()
                .filter(e -> e.path("action").asText().equals("alarm.ack"))
                .findFirst()
                .orElseThrow();
        assertTrue(entry.toString(), entry.path("time").asText().endsWith("Z"));
        assertEquals(entry.toString(), "oscar", entry.path("user").asText());
        assertFalse(entry.toString(), entry.path("remoteAddress").asText().isEmpty());
        HttpResponse<String> forbidden = LoopbackHttp.get(port(), "/audit", operator);
        assertEquals(forbidden.body(), 403, forbidden.statusCode());
        assertEquals("engineer", JSON.readTree(forbidden.body()).path("role").asText());
        assertEquals(200, LoopbackHttp.get(port(), "/audit", admin()).statusCode());
        assertEquals(
                400, LoopbackHttp.get(port(), "/audit?limit=100001", engineer).statusCode());
        for (String method : List.of("POST", "PUT", "DELETE")) {
            for (String token : List.of(operator, engineer, admin())) {
                int status =
                        LoopbackHttp.send(method, port(), "/audit", "{}", token).statusCode();
                assertTrue(method + " /audit -> " + status, status == 405 || status == 403);
            }
        }
    }

    private List<String> audit(String token) {
        return LoopbackHttp.auditLines(port(), token);
    }

    @Test
    public void logoutInvalidatesTheToken() throws Exception {
        String token = login("admin", Distribution.initialAdminPassword(home()));
        JsonNode me = JSON.readTree(LoopbackHttp.get(port(), "/auth/me", token).body());
        assertEquals("admin", me.path("user").asText());
        assertEquals("admin", me.path("role").asText());
        assertEquals(200, LoopbackHttp.post(port(), "/auth/logout", null, token).statusCode());
        assertEquals(401, LoopbackHttp.get(port(), "/auth/me", token).statusCode());
        assertEquals(401, LoopbackHttp.get(port(), "/tags", token).statusCode());
    }

    @Test
    public void fiveBadPasswordsLockAUserOutAndAdminAdminNeverWorks() throws Exception {
        user("lena", "viewer");
        for (int i = 0; i < 5; i++) {
            assertEquals(
                    401,
                    LoopbackHttp.login(port(), "lena", "Wrong-Password-" + i).statusCode());
        }
        HttpResponse<String> locked = LoopbackHttp.login(port(), "lena", PASSWORD);
        assertEquals(locked.body(), 401, locked.statusCode());
        assertFalse(
                locked.body(), JSON.readTree(locked.body()).path("lockedUntil").isMissingNode());
        assertEquals(
                200,
                LoopbackHttp.post(port(), "/users/lena/unlock", null, admin()).statusCode());
        assertEquals(200, LoopbackHttp.login(port(), "lena", PASSWORD).statusCode());

        assertEquals(401, LoopbackHttp.login(port(), "admin", "admin").statusCode());
        assertEquals(401, LoopbackHttp.get(port(), "/tags", "admin:admin").statusCode());
    }

    @Test
    public void theWebConsoleLetsInAdministratorsOnly() {
        String viewer = user("victor", "viewer");
        Await.until(
                WAIT,
                "the Web Console answers the admin",
                () -> LoopbackHttp.get(port(), "/system/console/bundles", admin())
                                .statusCode()
                        == 200);
        HttpResponse<String> anonymous = LoopbackHttp.get(port(), "/system/console/bundles", null);
        assertEquals(401, anonymous.statusCode());
        assertTrue(anonymous.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
        assertEquals(
                403, LoopbackHttp.get(port(), "/system/console/bundles", viewer).statusCode());
        assertEquals(
                403,
                LoopbackHttp.get(port(), "/system/console/bundles", "victor:" + PASSWORD)
                        .statusCode());
        assertEquals(
                401,
                LoopbackHttp.get(port(), "/system/console/bundles", "admin:admin")
                        .statusCode());
    }

    // --- helpers

    /** An anonymous request; tried twice, as a server may close a connection after a refusal the client reuses. */
    private HttpResponse<String> anonymous(String method, String path) {
        try {
            return LoopbackHttp.send(method, port(), path, "{}", null);
        } catch (IllegalStateException closed) {
            return LoopbackHttp.send(method, port(), path, "{}", null);
        }
    }

    /** A concrete path for every pattern of every registered servlet. */
    private List<String> paths() {
        TreeSet<String> paths = new TreeSet<>();
        for (String pattern : Distribution.servletPatterns(context)) {
            if (pattern.equals("/")) {
                paths.add("/no/such/path");
            } else if (pattern.endsWith("/*")) {
                String base = pattern.substring(0, pattern.length() - 2);
                paths.add(base.isEmpty() ? "/" : base);
                paths.add(base + "/x");
            } else if (pattern.startsWith("*.")) {
                paths.add("/file" + pattern.substring(1));
            } else {
                paths.add(pattern);
            }
        }
        paths.add("/system/console");
        paths.add("/auth/login");
        return new ArrayList<>(paths);
    }

    /** Creates a user with {@link #PASSWORD} (once) and returns a session token of theirs. */
    private String user(String name, String role) {
        HttpResponse<String> r = LoopbackHttp.post(
                port(),
                "/users",
                "{\"name\":\"" + name + "\",\"role\":\"" + role + "\",\"password\":\"" + PASSWORD + "\"}",
                admin());
        assertTrue(r.body(), r.statusCode() == 201 || r.statusCode() == 409);
        return login(name, PASSWORD);
    }

    private String login(String name, String password) {
        HttpResponse<String> r = LoopbackHttp.login(port(), name, password);
        assertEquals(r.body(), 200, r.statusCode());
        assertTrue(
                "an HttpOnly, SameSite=Strict session cookie",
                r.headers().firstValue("Set-Cookie").orElse("").contains("HttpOnly; SameSite=Strict"));
        try {
            String token = JSON.readTree(r.body()).path("token").asText();
            assertNotNull(token);
            return token;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String admin() {
        return Distribution.adminToken(context);
    }

    private java.nio.file.Path home() {
        return java.nio.file.Path.of(context.getProperty(Distribution.HOME));
    }

    private String port() {
        return context.getProperty("org.osgi.service.http.port");
    }
}
