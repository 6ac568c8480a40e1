package org.vmsseaman.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.Rule;
import org.junit.Test;

/** The documented start path: bin/vmsseaman as a child process, as a user runs it. */
public class StartScriptIT {

    @Rule
    public final StartedRuntimes runtimes = new StartedRuntimes();

    @Test
    public void startsTheDemoVesselWithAGeneratedAdminPasswordAndStopsCleanlyOnSigterm() throws Exception {
        Path home = Distribution.copy();
        int port = Distribution.freePort();
        Process process = runtimes.start(home, port);

        Await.until(
                Duration.ofSeconds(60),
                "GET /health answers OK",
                () -> LoopbackHttp.get(port, "/health", null).body().contains("\"status\":\"OK\""),
                () -> Distribution.startOutput(home));
        Path password = home.resolve("data/security/initial-admin-password");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(password)));
        assertTrue(
                "the start output says where the admin password is: " + Distribution.startOutput(home),
                Distribution.startOutput(home).contains(password.toString()));
        assertEquals(401, LoopbackHttp.get(port, "/tags", null).statusCode());
        assertEquals(
                401,
                LoopbackHttp.get(port, "/system/console/bundles", "admin:admin").statusCode());
        assertEquals(
                200,
                LoopbackHttp.get(port, "/system/console/bundles", Distribution.adminBasic(home))
                        .statusCode());

        process.toHandle().destroy(); // SIGTERM, as a service manager stops it
        assertTrue("stops within 30 s of SIGTERM", process.waitFor(30, TimeUnit.SECONDS));
        List<String> errors;
        try (Stream<String> lines = Files.lines(home.resolve("logs/vmsseaman.log"))) {
            errors = lines.filter(l -> l.contains("Z ERROR ")).toList();
        }
        assertEquals("no ERROR from start to stop", List.of(), errors);
    }
}
