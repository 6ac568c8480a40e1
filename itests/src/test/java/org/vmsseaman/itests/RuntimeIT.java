package org.vmsseaman.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
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
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.vmsseaman.api.project.ProjectException;
import org.vmsseaman.api.project.ProjectProblem;
import org.vmsseaman.api.project.ProjectService;
import org.vmsseaman.api.project.VesselProject;
import org.vmsseaman.api.tag.Quality;
import org.vmsseaman.api.tag.TagValue;
import org.vmsseaman.api.tagstore.TagStore;

/** The assembled runtime in a real Felix framework: bundles, simulator data, REST, Web Console and driver hot swap. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RuntimeIT {

    private static final Duration STARTUP = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    private BundleContext context;

    @Inject
    private TagStore tagStore;

    @Inject
    private ProjectService projectService;

    @Configuration
    public Option[] config() throws IOException {
        return Distribution.options();
    }

    /** Any ERROR the runtime logged during a test fails it: the runtime log must stay clean in normal operation. */
    @After
    public void noErrorWasLogged() throws IOException {
        assertEquals("ERROR lines in the runtime log", List.of(), Distribution.loggedErrors(context));
    }

    @Test
    public void everyBundleIsActive() {
        Await.until(STARTUP, "all bundles active", () -> notActive().isEmpty(), () -> "not active: " + notActive());
        assertTrue("the distribution's bundles and the simulator", context.getBundles().length > 60);
        assertNotNull(bundle("org.vmsseaman.driver.simulator"));
    }

    @Test
    public void simulatorValuesReachTheTagStoreGoodAndChange() throws InterruptedException {
        List<String> simTags = simulatorTags();
        assertTrue("demo vessel has at least 200 simulated tags, has " + simTags.size(), simTags.size() >= 200);
        Await.until(
                STARTUP,
                "every simulated tag GOOD",
                () -> notGood(simTags).isEmpty(),
                () -> "not GOOD: " + notGood(simTags));

        Map<String, Object> before = values(simTags);
        Thread.sleep(3000);
        Map<String, Object> after = values(simTags);
        long changed = simTags.stream()
                .filter(id -> !after.get(id).equals(before.get(id)))
                .count();
        assertTrue(
                "values change over time: " + changed + " of " + simTags.size() + " changed in 3 s",
                changed > simTags.size() / 2);
    }

    @Test
    public void healthAndTagsAnswerOverHttp() throws Exception {
        Await.until(
                STARTUP,
                "GET /health answers OK",
                () -> get("/health").path("status").asText().equals("OK"),
                () -> safeGet("/health"));
        JsonNode health = get("/health");
        assertTrue(health.path("project").path("loaded").asBoolean());
        assertTrue(health.path("tags").path("total").asInt() >= 200);
        assertEquals(0, health.path("bundles").path("notActive").size());
        assertTrue(health.toString(), health.path("alarms").path("running").asBoolean());
        assertEquals("none", health.path("alarms").path("engineerCall").asText());
        assertTrue(health.toString(), health.path("historian").path("running").asBoolean());
        assertEquals(0, health.path("historian").path("lost").asLong());

        JsonNode tags = get("/tags");
        assertTrue("GET /tags lists the demo tags", tags.isArray() && tags.size() >= 200);
        String id = tags.get(0).path("id").asText();
        JsonNode one = get("/tags/" + id);
        assertEquals(id, one.path("id").asText());
        assertEquals("GOOD", one.path("quality").asText());
        assertTrue(one.path("receiveTime").asText().endsWith("Z"));

        JsonNode me = get("/tags?group=me&quality=GOOD");
        assertTrue(me.size() > 0);
        me.forEach(t -> assertEquals("me", t.path("system").asText()));

        HttpResponse<String> missing = request("/tags/no.such.tag", admin());
        assertEquals(404, missing.statusCode());
        assertTrue(
                missing.body(),
                JSON.readTree(missing.body()).path("message").asText().contains("no.such.tag"));

        HttpResponse<String> malformed = request("/tags?group=%ff%fe", admin());
        assertEquals(400, malformed.statusCode());
        assertTrue(
                malformed.body(),
                JSON.readTree(malformed.body()).path("message").asText().contains("malformed query"));

        HttpResponse<String> bad = request("/tags?quality=EXCELLENT", admin());
        assertEquals(400, bad.statusCode());
        assertEquals("quality", JSON.readTree(bad.body()).path("parameter").asText());

        HttpResponse<String> project = request("/project", admin());
        assertEquals(200, project.statusCode());
        assertEquals(
                projectService.project().vessel().name(),
                JSON.readTree(project.body()).path("vessel").path("name").asText());
    }

    @Test
    public void simulatorValuesAreRecordedAndTheHistoryEndpointAnswers() throws Exception {
        List<String> simTags = simulatedTagsOnceAllGood();
        String tag = projectService.project().tags().stream()
                .filter(t -> t.dataType() == org.vmsseaman.api.tag.DataType.DOUBLE && simTags.contains(t.id()))
                .findFirst()
                .orElseThrow()
                .id();
        Await.until(
                Duration.ofSeconds(20),
                "at least 3 committed GOOD samples of " + tag,
                () -> goodSamples(get("/tags/" + tag + "/history")) >= 3,
                () -> safeGet("/tags/" + tag + "/history"));
        // quality changes are always recorded: the start (BAD, driver missing, no value yet) may come first
        for (JsonNode sample : get("/tags/" + tag + "/history").path("samples")) {
            assertTrue(sample.toString(), sample.path("time").asText().endsWith("Z"));
            if (sample.path("quality").asText().equals("GOOD")) {
                assertTrue(
                        "a GOOD sample has a value: " + sample,
                        sample.path("value").isNumber());
            }
        }
        JsonNode newest = get("/tags/" + tag + "/history?order=desc&limit=1");
        assertEquals(1, newest.path("samples").size());

        JsonNode buckets = get("/tags/" + tag + "/history?interval=PT1S&agg=avg,count");
        assertTrue(buckets.path("buckets").size() >= 2);
        boolean averaged = false;
        for (JsonNode b : buckets.path("buckets")) {
            assertTrue("a bucket has samples: " + b, b.path("count").asInt() >= 1);
            assertTrue("only the requested aggregates: " + b, b.path("max").isMissingNode());
            // a bucket holding only the start's BAD sample (no value yet) has no average
            averaged |= b.path("avg").isNumber();
        }
        assertTrue("buckets with values have an average: " + buckets, averaged);

        assertEquals(
                400,
                request("/tags/" + tag + "/history?since=yesterday", admin()).statusCode());
        assertEquals(400, request("/tags/" + tag + "/history?agg=avg", admin()).statusCode());
        assertEquals(404, request("/tags/no.such.tag/history", admin()).statusCode());

        Path db = Path.of(context.getProperty(Distribution.HOME), "data", "historian.duckdb");
        assertTrue("the historian records into data/ by default: " + db, Files.exists(db));
        org.vmsseaman.api.historian.HistorianStats stats = historian().stats();
        assertTrue("samples committed: " + stats, stats.stored() > 0 && stats.lost() == 0);
    }

    @Test
    public void severalTagsAnswerInOneRequestAndExportAsCsvAndParquet() throws Exception {
        List<String> simTags = simulatedTagsOnceAllGood();
        List<String> two = projectService.project().tags().stream()
                .filter(t -> t.dataType() == org.vmsseaman.api.tag.DataType.DOUBLE && simTags.contains(t.id()))
                .map(t -> t.id())
                .limit(2)
                .toList();
        assertEquals(2, two.size());
        String tags = String.join(",", two);
        Await.until(
                Duration.ofSeconds(20),
                "at least 3 committed GOOD samples of " + tags,
                () -> two.stream()
                        .allMatch(id -> goodSamples(get("/history?tags=" + tags)
                                        .path("tags")
                                        .path(id))
                                >= 3),
                () -> safeGet("/history?tags=" + tags));
        // a range in the past whose samples are all committed, so that every answer below sees the same rows
        java.time.Instant until = java.time.Instant.now().minusSeconds(1);
        Await.until(
                Duration.ofSeconds(10),
                "a commit after " + until,
                () -> historian().stats().lastCommitTime()
                        > (until.getEpochSecond() + 1) * 1_000_000 + until.getNano() / 1000);
        String range = "&since=" + until.minus(Duration.ofHours(1)) + "&until=" + until;

        JsonNode both = get("/history?tags=" + tags + "," + two.get(0) + range);
        assertEquals("one object per distinct tag", 2, both.path("tags").size());
        int rows = 0;
        for (String id : two) {
            JsonNode single = get("/tags/" + id + "/history?" + range.substring(1));
            assertEquals(
                    "/history answers per tag what /tags/{id}/history does",
                    tiesSorted(single),
                    tiesSorted(both.path("tags").path(id)));
            rows += single.path("samples").size();
        }
        JsonNode buckets = get("/history?tags=" + tags + "&interval=PT1S&agg=avg" + range);
        for (String id : two) {
            assertTrue(
                    buckets.toString(),
                    buckets.path("tags").path(id).path("buckets").size() >= 2);
        }

        HttpResponse<String> csv = request("/history/export?tags=" + tags + range + "&format=csv", admin());
        assertEquals(csv.body(), 200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertTrue(csv.headers()
                .firstValue("Content-Disposition")
                .orElse("")
                .matches("attachment; filename=\"history-.*\\.csv\""));
        List<String> lines = csv.body().lines().toList();
        assertEquals("tag,time,value,bool,quality", lines.get(0));
        assertEquals("a CSV line per sample", rows + 1, lines.size());
        for (String line : lines.subList(1, lines.size())) {
            assertTrue(line, two.contains(line.split(",")[0]) && line.split(",")[1].endsWith("Z"));
        }

        HttpResponse<byte[]> parquet = LoopbackHttp.getBytes(
                context.getProperty("org.osgi.service.http.port"),
                "/history/export?tags=" + tags + range + "&format=parquet",
                admin());
        assertEquals(200, parquet.statusCode());
        assertEquals(
                "application/vnd.apache.parquet",
                parquet.headers().firstValue("Content-Type").orElse(""));
        byte[] body = parquet.body();
        assertEquals("PAR1", new String(body, 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals("PAR1", new String(body, body.length - 4, 4, java.nio.charset.StandardCharsets.US_ASCII));
        Path file = Files.createTempFile("export", ".parquet");
        try {
            Files.write(file, body);
            assertEquals("a Parquet row per sample", rows, parquetRows(file));
        } finally {
            Files.delete(file);
        }

        assertBadParameter("/history", "tags");
        assertBadParameter("/history?tags=" + tags + ",no.such.tag", "tags");
        assertTrue(request("/history?tags=no.such.tag", admin()).body().contains("no.such.tag"));
        assertBadParameter("/history?tags=" + tags + "&limit=0", "limit");
        assertBadParameter("/history/export?tags=" + tags + "&format=xlsx", "format");
        assertBadParameter("/history/export?tags=" + tags + "&limit=10", "limit");
        assertBadParameter("/history/export?tags=" + tags + "&since=yesterday", "since");
        assertEquals(404, request("/history/nothing", admin()).statusCode());
    }

    @Test
    public void webConsoleRefusesAnonymousAndAdminAdminAndAcceptsTheGeneratedAdmin() throws Exception {
        Await.until(
                STARTUP,
                "web console registered",
                () -> request("/system/console/bundles", admin()).statusCode() == 200);
        assertEquals(401, request("/system/console/bundles", null).statusCode());
        assertEquals(401, request("/system/console/bundles", "admin:admin").statusCode());
        assertEquals(
                200,
                request(
                                "/system/console/bundles",
                                Distribution.adminBasic(Path.of(context.getProperty(Distribution.HOME))))
                        .statusCode());
    }

    @Test
    public void projectFileErrorsNameFilePathLineAndProblem() throws IOException {
        Path file = Files.createTempFile("broken", ".vmsproj");
        Files.writeString(
                file,
                String.join(
                        "\n",
                        "{",
                        "  \"schemaVersion\": 1,",
                        "  \"vessel\": {\"name\": \"Broken\"},",
                        "  \"systems\": [{\"id\": \"me\", \"name\": \"Main engine\"}],",
                        "  \"devices\": [],",
                        "  \"tags\": [{\"id\": \"me.x\", \"name\": \"x\", \"system\": \"nope\", \"type\": \"double\", \"unit\": \"bar\"}]",
                        "}"));
        try {
            projectService.validate(file);
            fail("a project with an unknown system must be refused");
        } catch (ProjectException e) {
            ProjectProblem p = e.problems().stream()
                    .filter(x -> x.message().contains("nope"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no problem names the unknown system: " + e.getMessage()));
            assertTrue(p.file(), p.file().contains(file.getFileName().toString()));
            assertTrue(p.path(), p.path().startsWith("$.tags[0]"));
            assertEquals(6, p.line());
        }
    }

    @Test
    public void removingTheSimulatorFromDeployTurnsItsTagsBadAndPuttingItBackRestoresThem() throws Exception {
        List<String> simTags = simulatedTagsOnceAllGood();
        Await.until(
                STARTUP, "GET /health answers", () -> request("/health", null).statusCode() == 200);
        Bundle rest = bundle("org.vmsseaman.rest");
        Bundle tagstore = bundle("org.vmsseaman.tagstore");
        Bundle historianBundle = bundle("org.vmsseaman.historian");
        long historianModified = historianBundle.getLastModified();
        Object historianService = context.getServiceReference(org.vmsseaman.api.historian.Historian.class)
                .getProperty(Constants.SERVICE_ID);
        long restModified = rest.getLastModified();
        Set<Long> restServices = serviceIds(rest);
        long tagStoreService =
                (Long) context.getServiceReference(TagStore.class).getProperty(Constants.SERVICE_ID);

        Path deploy = Path.of(context.getProperty(Distribution.HOME), "deploy");
        Path jar;
        try (Stream<Path> files = Files.list(deploy)) {
            jar = files.filter(p -> p.getFileName().toString().startsWith("org.vmsseaman.driver.simulator"))
                    .findFirst()
                    .orElseThrow();
        }
        Path aside = Files.createTempDirectory("vmsseaman-aside").resolve(jar.getFileName());
        Files.move(jar, aside);
        // FileInstall polls every second: 5 s is the bound promised to users
        Await.until(
                Duration.ofSeconds(5),
                "simulated tags BAD (driver missing)",
                () -> simTags.stream().allMatch(id -> quality(id) == Quality.BAD_DRIVER_MISSING),
                () -> "first: " + tagStore.get(simTags.get(0)));
        assertTrue(
                "last values are kept",
                simTags.stream().allMatch(id -> tagStore.get(id).orElseThrow().value() != null));
        HttpResponse<String> health = request("/health", null);
        assertEquals(200, health.statusCode());
        assertEquals("DEGRADED", JSON.readTree(health.body()).path("status").asText());
        assertTrue(bundle("org.vmsseaman.driver.simulator") == null);

        Files.move(aside, jar);
        Await.until(
                Duration.ofSeconds(15),
                "simulated tags GOOD again",
                () -> notGood(simTags).isEmpty(),
                () -> "not GOOD: " + notGood(simTags).size());

        // replacing the jar in place (a new build dropped over the old one) updates the running bundle
        Bundle simulator = bundle("org.vmsseaman.driver.simulator");
        long installed = simulator.getLastModified();
        Files.copy(jar, aside);
        Files.move(aside, jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.setLastModifiedTime(jar, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 2000));
        Await.until(
                Duration.ofSeconds(15),
                "the simulator bundle updated in place",
                () -> simulator.getLastModified() != installed && simulator.getState() == Bundle.ACTIVE);
        Await.until(
                Duration.ofSeconds(15),
                "simulated tags GOOD after the update",
                () -> notGood(simTags).isEmpty(),
                () -> "not GOOD: " + notGood(simTags).size());

        assertEquals("REST bundle never restarted", restModified, rest.getLastModified());
        assertEquals(Bundle.ACTIVE, rest.getState());
        assertEquals("REST services never re-registered", restServices, serviceIds(rest));
        assertEquals(Bundle.ACTIVE, tagstore.getState());
        assertEquals("historian bundle never restarted", historianModified, historianBundle.getLastModified());
        assertEquals(
                "historian never restarted",
                historianService,
                context.getServiceReference(org.vmsseaman.api.historian.Historian.class)
                        .getProperty(Constants.SERVICE_ID));
        assertEquals(
                "tag store never restarted",
                tagStoreService,
                context.getServiceReference(TagStore.class).getProperty(Constants.SERVICE_ID));
    }

    @Test
    public void aFaultConfigurationDroppedIntoConfTurnsTheTagBadAndRemovingItRestoresIt() throws IOException {
        List<String> simTags = simulatedTagsOnceAllGood();
        String tag = projectService.project().tags().stream()
                .filter(t -> t.isNumeric() && simTags.contains(t.id()))
                .findFirst()
                .orElseThrow()
                .id();
        String neighbour =
                simTags.stream().filter(id -> !id.equals(tag)).findFirst().orElseThrow();
        Path cfg = Path.of(
                context.getProperty(Distribution.HOME), "conf", "org.vmsseaman.driver.simulator.fault-itest.cfg");
        Files.writeString(cfg, Distribution.wireBreak(tag));
        try {
            // FileInstall polls conf/ every second, the simulator ticks every 0.5 s
            Await.until(
                    Duration.ofSeconds(10),
                    tag + " BAD (sensor failure)",
                    () -> quality(tag) == Quality.BAD_SENSOR_FAILURE,
                    () -> String.valueOf(tagStore.get(tag)));
            assertTrue("the last value is kept", tagStore.get(tag).orElseThrow().value() != null);
            assertEquals("other tags are untouched", Quality.GOOD, quality(neighbour));
        } finally {
            Files.delete(cfg);
        }
        Await.until(
                Duration.ofSeconds(10),
                tag + " GOOD again",
                () -> quality(tag) == Quality.GOOD,
                () -> String.valueOf(tagStore.get(tag)));
    }

    // --- helpers

    private static int goodSamples(JsonNode history) {
        int n = 0;
        for (JsonNode sample : history.path("samples")) {
            n += sample.path("quality").asText().equals("GOOD") ? 1 : 0;
        }
        return n;
    }

    /** A history answer with its samples sorted: samples of equal time (a quality change) come in no set order. */
    private static JsonNode tiesSorted(JsonNode history) {
        com.fasterxml.jackson.databind.node.ObjectNode copy = history.deepCopy();
        List<JsonNode> samples = new java.util.ArrayList<>();
        history.path("samples").forEach(samples::add);
        samples.sort(java.util.Comparator.comparing(JsonNode::toString));
        copy.putArray("samples").addAll(samples);
        return copy;
    }

    private void assertBadParameter(String path, String parameter) throws IOException {
        HttpResponse<String> r = request(path, admin());
        assertEquals(path + ": " + r.body(), 400, r.statusCode());
        assertEquals(path, parameter, JSON.readTree(r.body()).path("parameter").asText());
    }

    /** Rows of a Parquet file, read with the distribution's DuckDB bundle. */
    private static long parquetRows(Path file) throws java.sql.SQLException {
        try (java.sql.Connection duck =
                        new org.duckdb.DuckDBDriver().connect("jdbc:duckdb:", new java.util.Properties());
                java.sql.PreparedStatement ps = duck.prepareStatement("SELECT count(*) FROM read_parquet(?)")) {
            ps.setString(1, file.toString());
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private org.vmsseaman.api.historian.Historian historian() {
        ServiceReference<org.vmsseaman.api.historian.Historian> ref =
                context.getServiceReference(org.vmsseaman.api.historian.Historian.class);
        assertNotNull("historian service", ref);
        return context.getService(ref);
    }

    private List<String> simulatedTagsOnceAllGood() {
        List<String> simTags = simulatorTags();
        Await.until(
                STARTUP,
                "every simulated tag GOOD",
                () -> notGood(simTags).isEmpty(),
                () -> "not GOOD: " + notGood(simTags));
        return simTags;
    }

    private List<String> simulatorTags() {
        VesselProject p = projectService.project();
        Set<String> simDevices = p.devices().stream()
                .filter(d -> d.protocol().equals("simulator") && d.enabled())
                .map(d -> d.id())
                .collect(Collectors.toSet());
        return p.bindings().stream()
                .filter(b -> simDevices.contains(b.deviceId()))
                .map(b -> b.tagId())
                .toList();
    }

    private List<String> notGood(List<String> ids) {
        return ids.stream().filter(id -> quality(id) != Quality.GOOD).toList();
    }

    private Quality quality(String id) {
        return tagStore.get(id).map(TagValue::quality).orElse(null);
    }

    private Map<String, Object> values(List<String> ids) {
        Map<String, Object> m = new HashMap<>();
        ids.forEach(
                id -> m.put(id, String.valueOf(tagStore.get(id).orElseThrow().value())));
        return m;
    }

    private List<String> notActive() {
        return Stream.of(context.getBundles())
                .filter(b -> b.getState() != Bundle.ACTIVE && b.getHeaders().get(Constants.FRAGMENT_HOST) == null)
                .map(b -> b.getSymbolicName() + "(" + b.getState() + ")")
                .toList();
    }

    private Bundle bundle(String symbolicName) {
        return Stream.of(context.getBundles())
                .filter(b -> symbolicName.equals(b.getSymbolicName()))
                .findFirst()
                .orElse(null);
    }

    private static Set<Long> serviceIds(Bundle b) {
        ServiceReference<?>[] refs = b.getRegisteredServices();
        return refs == null
                ? Set.of()
                : Stream.of(refs)
                        .map(r -> (Long) r.getProperty(Constants.SERVICE_ID))
                        .collect(Collectors.toSet());
    }

    private HttpResponse<String> request(String path, String credentials) {
        return LoopbackHttp.get(context.getProperty("org.osgi.service.http.port"), path, credentials);
    }

    private String admin() {
        return Distribution.adminToken(context);
    }

    private JsonNode get(String path) {
        try {
            HttpResponse<String> r = request(path, admin());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + r.body());
            }
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String safeGet(String path) {
        try {
            return request(path, admin()).body();
        } catch (RuntimeException e) {
            return e.toString();
        }
    }
}
