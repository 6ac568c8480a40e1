package org.vmsseaman.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.Rule;
import org.junit.Test;

/**
 * Alarm states across a hard stop of the whole runtime: the distribution is started with its start
 * script, an alarm is acknowledged over REST, the process is killed with SIGKILL, and after the next
 * start the acknowledged alarm is still acknowledged, the unacknowledged one still unacknowledged with
 * the same occurrence, and the journal holds each step once.
 */
public class AlarmRestartIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ACKED = "me.lube_oil.inlet_temp.sensor_fault";
    private static final String UNACKED = "me.lube_oil.inlet_pressure.sensor_fault";

    /** The admin's session token in the runtime now running (sessions do not survive a restart). */
    private static String admin;

    @Rule
    public final StartedRuntimes runtimes = new StartedRuntimes();

    @Test
    public void acknowledgedAndUnacknowledgedAlarmsSurviveAKillOfTheRuntime() throws Exception {
        Path home = Distribution.copy();
        Distribution.removeDemoScenarios(home.resolve("conf"));
        Files.writeString(
                home.resolve("conf/org.vmsseaman.driver.simulator.fault-wirebreak.cfg"),
                Distribution.wireBreak("me.lube_oil.inlet_*"));
        int port = Distribution.freePort();

        Process process = runtimes.start(home, port);
        admin = Distribution.loginAdmin(port, home);
        awaitState(port, ACKED, "unacknowledged");
        awaitState(port, UNACKED, "unacknowledged");
        String unackedOccurrence = alarm(port, UNACKED).path("occurrence").asText();
        HttpResponse<String> ack = LoopbackHttp.post(port, "/alarms/" + ACKED + "/ack", "{}", admin);
        assertEquals(ack.body(), 200, ack.statusCode());
        String ackedOccurrence = JSON.readTree(ack.body()).path("occurrence").asText();
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // kill -9 right after the answer

        process = runtimes.start(home, port);
        admin = Distribution.loginAdmin(port, home);
        awaitState(port, UNACKED, "unacknowledged");
        JsonNode acked = alarm(port, ACKED);
        assertEquals(acked.toString(), "acknowledged", acked.path("state").asText());
        assertEquals("admin", acked.path("acknowledgedBy").asText());
        assertEquals(ackedOccurrence, acked.path("occurrence").asText());
        assertEquals(unackedOccurrence, alarm(port, UNACKED).path("occurrence").asText());

        List<String> steps = new ArrayList<>();
        HttpResponse<String> journal = LoopbackHttp.get(port, "/alarms/journal", admin);
        for (JsonNode e : JSON.readTree(journal.body())) {
            String id = e.path("alarmId").asText();
            if (id.equals(ACKED) || id.equals(UNACKED)) {
                steps.add(id.substring(0, id.indexOf(".sensor_fault")) + " "
                        + e.path("transition").asText());
            }
        }
        assertEquals(3, steps.size());
        assertTrue(steps.toString(), steps.contains("me.lube_oil.inlet_temp raised"));
        assertTrue(steps.toString(), steps.contains("me.lube_oil.inlet_pressure raised"));
        assertEquals("me.lube_oil.inlet_temp acknowledged", steps.get(2));
    }

    private static void awaitState(int port, String id, String state) {
        Await.until(
                Duration.ofSeconds(60),
                id + " " + state,
                () -> alarm(port, id).path("state").asText().equals(state),
                () -> {
                    try {
                        return LoopbackHttp.get(port, "/alarms/" + id, admin).body();
                    } catch (RuntimeException e) {
                        return e.toString();
                    }
                });
    }

    private static JsonNode alarm(int port, String id) {
        HttpResponse<String> r = LoopbackHttp.get(port, "/alarms/" + id, admin);
        if (r.statusCode() != 200) {
            throw new IllegalStateException("/alarms/" + id + " answered " + r.statusCode() + ": " + r.body());
        }
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
