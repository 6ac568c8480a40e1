package org.vmsseaman.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.junit.After;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.vmsseaman.api.alarm.AlarmService;
import org.vmsseaman.api.alarm.AlarmState;

/**
 * The Gogo commands of scope {@code vms} run in the real shell of the running runtime: list and show tags,
 * list alarms, acknowledge one as the console's user (recorded in the alarm journal and the audit trail), and
 * show the devices with their drivers.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ConsoleIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String FAULT = "me.exhaust.cyl1.temp.sensor_fault";

    @Inject
    private BundleContext context;

    @Inject
    private CommandProcessor shell;

    @Inject
    private AlarmService alarms;

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
    public void anEngineerAtTheConsoleListsTagsAlarmsAndDevicesAndAcknowledges() throws Exception {
        Await.until(WAIT, "the wire break raises its alarm", () -> alarms.alarm(FAULT)
                .map(a -> a.state() == AlarmState.UNACKNOWLEDGED)
                .orElse(false));

        String tags = run("vms:tags me.lube_oil");
        assertEquals( // the same tags (their values may have moved on between the two commands)
                firstColumn(tags), firstColumn(run("vms:tags 'me.lube_oil.*'")));
        assertTrue(tags, tags.contains("me.lube_oil.inlet_pressure") && tags.contains("GOOD"));
        assertTrue(tags, !tags.contains("me.exhaust"));

        String tag = run("vms:tag me.exhaust.cyl1.temp");
        assertTrue(tag, tag.contains("BAD_SENSOR_FAILURE") && tag.contains("degC"));
        assertTrue(run("vms:tag no.such"), run("vms:tag no.such").contains("no tag 'no.such'"));

        String list = run("vms:alarms");
        assertTrue(list, list.contains(FAULT) && list.contains("unacknowledged"));

        String ack = run("vms:ack " + FAULT);
        String user = "console:" + System.getProperty("user.name");
        assertTrue(ack, ack.startsWith("acknowledged") && ack.contains(user));
        assertEquals(user, alarms.alarm(FAULT).orElseThrow().acknowledgedBy());
        assertTrue(run("vms:ack no.such"), run("vms:ack no.such").startsWith("not acknowledged"));

        String devices = run("vms:devices");
        assertTrue(
                devices,
                devices.contains("sim")
                        && devices.contains("CONNECTED")
                        && devices.contains("org.vmsseaman.driver.simulator"));

        Await.until(Duration.ofSeconds(10), "the acknowledgement in the audit trail", () -> LoopbackHttp.auditLines(
                        port(), Distribution.adminToken(context))
                .contains(user + " alarm.ack " + FAULT + " SUCCESS"));
    }

    /** Runs a command line in a fresh shell session and returns what it printed and returned. */
    private String run(String line) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        CommandSession session = shell.createSession(new ByteArrayInputStream(new byte[0]), print, print);
        try {
            Object result = session.execute(line);
            print.flush();
            return out.toString(StandardCharsets.UTF_8) + (result == null ? "" : session.format(result, 1));
        } finally {
            session.close();
        }
    }

    private String port() {
        return context.getProperty("org.osgi.service.http.port");
    }

    /** The first word of every line: the tag ids of a {@code vms:tags} listing, and its count line. */
    private static List<String> firstColumn(String listing) {
        return listing.lines().map(l -> l.strip().split("\\s+")[0]).toList();
    }
}
