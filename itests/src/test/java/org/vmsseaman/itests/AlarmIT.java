package org.vmsseaman.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import org.vmsseaman.api.alarm.Alarm;
import org.vmsseaman.api.alarm.AlarmService;
import org.vmsseaman.api.alarm.AlarmState;
import org.vmsseaman.api.historian.Historian;
import org.vmsseaman.api.tagstore.TagStore;

/**
 * The alarm engine in the real runtime: alarms raised from simulator data (a wire break injected
 * through conf/), acknowledged over REST with a user, journalled, and kept across a restart of the
 * alarm bundle.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class AlarmIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TEMP_FAULT = "me.lube_oil.inlet_temp.sensor_fault";
    private static final String PRESSURE_FAULT = "me.lube_oil.inlet_pressure.sensor_fault";
    private static final String CYL1_FAULT = "me.exhaust.cyl1.temp.sensor_fault";
    private static final String CYL2_FAULT = "me.exhaust.cyl2.temp.sensor_fault";

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] config() throws IOException {
        return Distribution.options(
                null,
                Map.of(
                        "org.vmsseaman.driver.simulator.fault-wirebreak.cfg",
                        Distribution.wireBreak("me.lube_oil.inlet_*"),
                        "org.vmsseaman.driver.simulator.fault-cyl1.cfg",
                        Distribution.wireBreak("me.exhaust.cyl1.temp"),
                        "org.vmsseaman.driver.simulator.fault-cyl2.cfg",
                        Distribution.wireBreak("me.exhaust.cyl2.temp")));
    }

    @After
    public void noErrorWasLogged() throws IOException {
        assertEquals("ERROR lines in the runtime log", List.of(), Distribution.loggedErrors(context));
    }

    @Test
    public void aWireBreakRaisesItsAlarmWhichIsAcknowledgedOverRestAndJournalled() throws Exception {
        awaitState(TEMP_FAULT, AlarmState.UNACKNOWLEDGED);
        Await.until(
                WAIT,
                "GET /alarms answers",
                () -> LoopbackHttp.get(port(), "/alarms", admin()).statusCode() == 200);
        JsonNode listed = get("/alarms?state=unacknowledged&priority=alarm");
        assertTrue("GET /alarms lists it: " + listed, ids(listed).contains(TEMP_FAULT));
        JsonNode one = get("/alarms/" + TEMP_FAULT);
        assertEquals("sensor_fault", one.path("type").asText());
        String occurrence = one.path("occurrence").asText();

        HttpResponse<String> otherUser = post("/alarms/" + TEMP_FAULT + "/ack", "{\"user\":\"chief engineer\"}");
        assertEquals("the user comes from the login, not the body: " + otherUser.body(), 400, otherUser.statusCode());
        assertEquals("user", JSON.readTree(otherUser.body()).path("parameter").asText());
        HttpResponse<String> broken = post("/alarms/" + TEMP_FAULT + "/ack", "{\"user\": ");
        assertEquals(broken.body(), 400, broken.statusCode());
        assertTrue(broken.body(), broken.body().contains("not valid JSON"));
        assertEquals(404, post("/alarms/no.such.alarm/ack", "{}").statusCode());
        assertEquals(
                405,
                LoopbackHttp.get(port(), "/alarms/" + TEMP_FAULT + "/ack", admin())
                        .statusCode());

        HttpResponse<String> ack = post("/alarms/" + occurrence + "/ack", "{\"user\":\"admin\"}");
        assertEquals(ack.body(), 200, ack.statusCode());
        JsonNode acked = JSON.readTree(ack.body());
        assertEquals("acknowledged", acked.path("state").asText());
        assertEquals("admin", acked.path("acknowledgedBy").asText());
        HttpResponse<String> again = post("/alarms/" + TEMP_FAULT + "/ack", "{}");
        assertEquals(again.body(), 409, again.statusCode());
        assertTrue(again.body(), again.body().contains("already acknowledged by admin"));
        assertTrue(
                "acknowledging one alarm does not touch another",
                ids(get("/alarms?state=unacknowledged")).contains(PRESSURE_FAULT));

        JsonNode journal = get("/alarms/journal");
        List<String> steps = new ArrayList<>();
        for (JsonNode e : journal) {
            if (e.path("alarmId").asText().equals(TEMP_FAULT)) {
                steps.add(
                        e.path("transition").asText() + " by " + e.path("user").asText());
            }
        }
        assertEquals(List.of("raised by system", "acknowledged by admin"), steps);
        assertEquals(
                400,
                LoopbackHttp.get(port(), "/alarms?priority=urgent", admin()).statusCode());
        JsonNode kpi = get("/alarms/kpi");
        assertTrue(kpi.toString(), kpi.path("last24Hours").asInt() >= 2);
    }

    @Test
    public void alarmStatesSurviveARestartOfTheAlarmBundleAndNothingElseRestarts() throws Exception {
        awaitState(CYL1_FAULT, AlarmState.UNACKNOWLEDGED);
        awaitState(CYL2_FAULT, AlarmState.UNACKNOWLEDGED);
        AlarmService before = service();
        before.acknowledge(CYL1_FAULT, "2nd engineer");
        Alarm acked = before.alarm(CYL1_FAULT).orElseThrow();
        Alarm unacked = before.alarm(CYL2_FAULT).orElseThrow();
        Object tagStoreId = serviceId(TagStore.class);
        Object historianId = serviceId(Historian.class);

        Bundle alarmBundle = bundle("org.vmsseaman.alarm");
        alarmBundle.stop();
        alarmBundle.start();
        Await.until(WAIT, "the alarm service is back", () -> context.getServiceReference(AlarmService.class) != null);
        AlarmService after = service();
        assertEquals(acked, after.alarm(CYL1_FAULT).orElseThrow());
        Alarm stillUnacked = after.alarm(CYL2_FAULT).orElseThrow();
        assertEquals(AlarmState.UNACKNOWLEDGED, stillUnacked.state());
        assertEquals("same occurrence, not raised again", unacked.occurrence(), stillUnacked.occurrence());
        assertEquals("tag store not restarted", tagStoreId, serviceId(TagStore.class));
        assertEquals("historian not restarted", historianId, serviceId(Historian.class));
    }

    // --- helpers

    private void awaitState(String id, AlarmState state) {
        Await.until(
                WAIT,
                id + " " + state.label(),
                () -> {
                    ServiceReference<AlarmService> ref = context.getServiceReference(AlarmService.class);
                    return ref != null
                            && context.getService(ref)
                                    .alarm(id)
                                    .map(a -> a.state() == state)
                                    .orElse(false);
                },
                () -> {
                    ServiceReference<AlarmService> ref = context.getServiceReference(AlarmService.class);
                    return ref == null
                            ? "no alarm service"
                            : String.valueOf(context.getService(ref).alarm(id));
                });
    }

    private AlarmService service() {
        return context.getService(context.getServiceReference(AlarmService.class));
    }

    private Object serviceId(Class<?> type) {
        return context.getServiceReference(type).getProperty(Constants.SERVICE_ID);
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle b : context.getBundles()) {
            if (b.getSymbolicName().equals(symbolicName)) {
                return b;
            }
        }
        throw new AssertionError("no bundle " + symbolicName);
    }

    private static List<String> ids(JsonNode alarms) {
        List<String> ids = new ArrayList<>();
        alarms.forEach(a -> ids.add(a.path("id").asText()));
        return ids;
    }

    private String port() {
        return context.getProperty("org.osgi.service.http.port");
    }

    private JsonNode get(String path) {
        return LoopbackHttp.getJson(port(), path, admin());
    }

    private HttpResponse<String> post(String path, String body) {
        return LoopbackHttp.post(port(), path, body, admin());
    }

    private String admin() {
        return Distribution.adminToken(context);
    }
}
