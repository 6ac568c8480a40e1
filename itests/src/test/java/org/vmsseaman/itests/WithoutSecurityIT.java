package org.vmsseaman.itests;

import static org.junit.Assert.assertEquals;

import java.io.IOException;
import java.time.Duration;
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

/**
 * With the security bundle stopped (by an administrator, or failing), REST does not open up: it answers 401.
 * A runtime of its own, because stopping the bundle ends every session. (The WebSocket does not fail closed
 * yet: see the security bundle's README.)
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class WithoutSecurityIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] config() throws IOException {
        return Distribution.options();
    }

    @Test
    public void stoppingTheSecurityBundleKeepsRestClosed() throws Exception {
        String admin = Distribution.adminToken(context);
        Await.until(
                WAIT,
                "GET /tags answers the admin",
                () -> LoopbackHttp.get(port(), "/tags", admin).statusCode() == 200);

        Bundle security = null;
        for (Bundle b : context.getBundles()) {
            if (b.getSymbolicName().equals("org.vmsseaman.security")) {
                security = b;
            }
        }
        if (security == null) {
            throw new AssertionError("no bundle org.vmsseaman.security");
        }
        security.stop();

        assertEquals(
                "REST without the security bundle",
                401,
                LoopbackHttp.get(port(), "/tags", admin).statusCode());
        assertEquals(
                "/health stays open",
                200,
                LoopbackHttp.get(port(), "/health", null).statusCode());

        // the realtime stream fails closed too: the upgrade may succeed, but the server closes at once (1008)
        // and sends nothing
        WsClient ws;
        try {
            ws = WsClient.connect(port(), "", admin);
        } catch (IllegalStateException refused) {
            return; // refused at the handshake: closed as well
        }
        assertEquals("close code", 1008, ws.awaitClose(WAIT));
        assertEquals("messages before the close: " + ws.messages(), 0, ws.count());
    }

    private String port() {
        return context.getProperty("org.osgi.service.http.port");
    }
}
