package org.vmsseaman.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.vmsseaman.api.device.DeviceRegistry;
import org.vmsseaman.api.project.ProjectService;

/** The runtime started with a project file that has errors: refused as a whole, reported once, nothing half-configured. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RefusedProjectIT {

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] config() throws IOException {
        Path file = Files.createTempFile("refused", ".vmsproj");
        Files.writeString(
                file,
                String.join(
                        "\n",
                        "{",
                        "  \"schemaVersion\": 1,",
                        "  \"vessel\": {\"name\": \"MV Refused\"},",
                        "  \"systems\": [{\"id\": \"me\", \"name\": \"Main engine\"}],",
                        "  \"devices\": [{\"id\": \"sim\", \"protocol\": \"simulator\"}],",
                        "  \"tags\": [{\"id\": \"me.lo.pressure\", \"name\": \"LO pressure\", \"system\": \"mee\", \"type\": \"double\", \"unit\": \"bar\",",
                        "             \"source\": {\"device\": \"sim\", \"address\": {\"profile\": \"pressure\"}}}]",
                        "}"));
        // pax-web at INFO (the distribution logs it at WARN), so that a servlet service the whiteboard never
        // deploys leaves a trace: which ServletModels it passed to Jetty, which found no target context
        return Distribution.options(
                file, java.util.Map.of("log4j2.xml", Distribution.logConfigWithLevel("org.ops4j.pax.web", "INFO")));
    }

    @Test
    public void theProjectIsRefusedAndNothingThatNeedsItStarts() throws Exception {
        Await.until(
                Duration.ofSeconds(60),
                "GET /health answers DOWN",
                () -> health().path("status").asText().equals("DOWN"),
                () -> "(last answer: " + lastBody + "; servlets registered: " + servletNames()
                        + "; whiteboard runtime: "
                        + WhiteboardDiagnostics.runtime(context) + "; runtime log with pax-web at INFO: "
                        + Path.of(context.getProperty(Distribution.HOME), "logs", "vmsseaman.log") + ")");
        JsonNode health = health();
        assertTrue(
                health.path("problems").toString(),
                health.path("problems").toString().contains("no vessel project loaded"));
        assertNull("no ProjectService for an invalid project", context.getServiceReference(ProjectService.class));
        assertNull(
                "device binding does not start without a project", context.getServiceReference(DeviceRegistry.class));

        List<String> errors = Distribution.loggedErrors(context);
        assertEquals("one headline and one line per problem, once, without stack traces: " + errors, 2, errors.size());
        assertTrue(errors.get(0), errors.get(0).contains("refused: 1 problem(s)"));
        assertTrue(
                errors.get(1),
                errors.get(1).contains(".vmsproj:6:")
                        && errors.get(1).contains("$.tags[0].system")
                        && errors.get(1).contains("unknown system 'mee'"));
    }

    private String servletNames() {
        try {
            var refs = context.getServiceReferences("jakarta.servlet.Servlet", null);
            return refs == null
                    ? "none"
                    : java.util.Arrays.stream(refs)
                            .map(r -> java.util.Arrays.deepToString(
                                    new Object[] {r.getProperty("osgi.http.whiteboard.servlet.pattern")}))
                            .toList()
                            .toString();
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            return e.toString();
        }
    }

    private volatile String lastBody = "none";

    private JsonNode health() {
        HttpResponse<String> r = LoopbackHttp.get(
                context.getProperty("org.osgi.service.http.port"), "/health", Distribution.adminToken(context));
        lastBody = r.statusCode() + " "
                + r.body().substring(0, Math.min(300, r.body().length()));
        try {
            return new ObjectMapper().readTree(r.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
