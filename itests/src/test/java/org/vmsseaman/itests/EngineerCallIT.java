package org.vmsseaman.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;

/**
 * The engineer call of an unattended machinery space in the real runtime, over REST only: an alarm nobody
 * acknowledges calls the duty engineer after its group's time, then all engineers and the bridge; once
 * every alarm behind it is acknowledged the call ends, and the journal shows each step with its time.
 * The alarm engine's times are shortened through its configuration in conf/, as an integrator would.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class EngineerCallIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FAULT = "me.lube_oil.inlet_temp.sensor_fault";

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] config() throws IOException {
        return Distribution.options(
                null,
                Map.of(
                        "org.vmsseaman.alarm.cfg",
                        "engineerCallDelaySeconds=1000\ngroupEngineerCallDelays=me=4\nallEngineersDelaySeconds=4\n",
                        "org.vmsseaman.driver.simulator.fault-wirebreak.cfg",
                        Distribution.wireBreak("me.lube_oil.inlet_temp")));
    }

    @Test
    public void anUnacknowledgedAlarmCallsTheDutyEngineerThenEveryoneAndAcknowledgingEndsTheCall() throws Exception {
        Await.until(
                WAIT,
                "GET /health answers OK",
                () -> poll("/health").path("status").asText().equals("OK"));
        Await.until(WAIT, FAULT + " raised and listed", () -> ids(poll("/alarms?state=unacknowledged"))
                .contains(FAULT));
        JsonNode alarm = get("/alarms/" + FAULT);
        String occurrence = alarm.path("occurrence").asText();
        Instant raised = Instant.parse(alarm.path("raisedAt").asText());

        Await.until(WAIT, "the duty engineer is called", () -> stage().equals("duty_engineer"));
        JsonNode call = get("/alarms/engineer-call");
        assertTrue(
                "the call names the occurrence: " + call,
                texts(call.path("causes")).contains(occurrence));
        Instant called = Instant.parse(call.path("since").asText());
        assertTrue(
                "called after the machinery group's 4 s, not the 1000 s default: raised " + raised + ", called "
                        + called,
                !called.isBefore(raised.plusSeconds(4)) && called.isBefore(raised.plusSeconds(60)));

        Await.until(WAIT, "all engineers and the bridge are called", () -> stage().equals("all_engineers_and_bridge"));
        Instant escalated =
                Instant.parse(get("/alarms/engineer-call").path("since").asText());
        assertTrue(
                "escalated after 4 s more: " + called + " -> " + escalated, !escalated.isBefore(called.plusSeconds(4)));

        for (String id : ids(alarms("unacknowledged"))) {
            HttpResponse<String> ack =
                    LoopbackHttp.post(port(), "/alarms/" + id + "/ack", "{}", Distribution.adminToken(context));
            assertTrue(ack.body(), ack.statusCode() == 200 || ack.statusCode() == 409);
        }
        Await.until(WAIT, "the call ends once everything is acknowledged", () -> stage().equals("none"));

        List<String> steps = new ArrayList<>();
        for (JsonNode e : get("/alarms/journal")) {
            String transition = e.path("transition").asText();
            if (e.path("alarmId").asText().equals(FAULT) || transition.startsWith("engineer_call")) {
                steps.add(transition + " " + e.path("detail").asText() + " by "
                        + e.path("user").asText());
            }
        }
        assertEquals(
                List.of(
                        "raised  by system",
                        "engineer_call duty_engineer by system",
                        "engineer_call all_engineers_and_bridge by system",
                        "acknowledged  by admin",
                        "engineer_call_cleared every alarm behind it was acknowledged by system"),
                steps);
    }

    private String stage() {
        return poll("/alarms/engineer-call").path("stage").asText();
    }

    /** For polling: the answer, or a missing node while the path does not answer 200 yet. */
    private JsonNode poll(String path) {
        HttpResponse<String> r = LoopbackHttp.get(port(), path, Distribution.adminToken(context));
        return r.statusCode() == 200 ? LoopbackHttp.json(path, r) : JSON.missingNode();
    }

    private JsonNode alarms(String state) {
        return get("/alarms?state=" + state);
    }

    private static List<String> ids(JsonNode alarms) {
        List<String> ids = new ArrayList<>();
        alarms.forEach(a -> ids.add(a.path("id").asText()));
        return ids;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }

    private String port() {
        return context.getProperty("org.osgi.service.http.port");
    }

    private JsonNode get(String path) {
        return LoopbackHttp.getJson(port(), path, Distribution.adminToken(context));
    }
}
