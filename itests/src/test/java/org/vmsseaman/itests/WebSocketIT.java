package org.vmsseaman.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
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
import org.vmsseaman.api.tag.DataType;
import org.vmsseaman.api.tag.Quality;
import org.vmsseaman.api.tag.TagDefinition;
import org.vmsseaman.api.tag.TagValue;
import org.vmsseaman.api.tagstore.TagStore;

/**
 * {@code /ws/realtime} in the real runtime over loopback, with the JDK's WebSocket client: snapshot and
 * simulator updates, subscribing by pattern and group, resuming with a sequence number, bad and oversized
 * input, and a client that stops reading while another keeps up.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class WebSocketIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WIRE_BREAK_TAG = "me.lube_oil.inlet_temp";
    private static final String WIRE_BREAK_ALARM = WIRE_BREAK_TAG + ".sensor_fault";

    @Inject
    private BundleContext context;

    @Inject
    private TagStore tagStore;

    private final List<WsClient> clients = new ArrayList<>();

    @Configuration
    public Option[] config() throws IOException {
        return Distribution.options(
                null,
                Map.of(
                        "org.vmsseaman.rest.realtime.cfg",
                        "heartbeatSeconds=1\n",
                        "org.vmsseaman.driver.simulator.fault-wirebreak.cfg",
                        Distribution.wireBreak(WIRE_BREAK_TAG)));
    }

    @After
    public void closeClientsAndCheckTheLog() throws IOException {
        clients.forEach(WsClient::close);
        assertEquals(
                "GET /health still answers",
                200,
                LoopbackHttp.get(port(), "/health", null).statusCode());
        assertEquals("ERROR lines in the runtime log", List.of(), Distribution.loggedErrors(context));
    }

    @Test
    public void aClientGetsASnapshotThenSimulatorUpdatesAlarmEventsAndHeartbeatsInSequence() throws IOException {
        Await.until(WAIT, "the wire break alarm is raised", () -> LoopbackHttp.get(
                        port(), "/alarms/" + WIRE_BREAK_ALARM, admin())
                .body()
                .contains("\"state\":\"unacknowledged\""));
        WsClient c = connect("");
        JsonNode snapshot = c.await(WAIT, "a snapshot", m -> WsClient.type(m, "snapshot"));
        assertTrue(snapshot.path("alarmsRunning").asBoolean());
        assertTrue(
                "the active alarm is in the snapshot",
                snapshot.path("alarms").findValuesAsText("id").contains(WIRE_BREAK_ALARM));
        assertEquals(1, snapshot.path("seq").asLong());
        assertEquals("connect", snapshot.path("reason").asText());
        assertFalse(snapshot.path("connection").asText().isEmpty());
        assertTrue(
                "every demo tag: " + snapshot.path("tags").size(),
                snapshot.path("tags").size() >= 200);
        assertTrue(snapshot.path("alarms").isArray());
        assertEquals(1, snapshot.path("heartbeatSeconds").asInt());

        JsonNode update = c.await(
                WAIT,
                "an update with a GOOD value",
                m -> WsClient.type(m, "update")
                        && m.path("values").findValuesAsText("quality").contains("GOOD"));
        JsonNode value = update.path("values").get(0);
        String id = value.path("id").asText();
        assertTrue(value.toString(), value.path("receiveTime").asText().endsWith("Z"));
        int at = c.messages().indexOf(update);
        assertTrue(
                "an update comes as frames: its head, the shared value slices, its tail (Jetty's core session): "
                        + c.fragments().get(at),
                c.fragments().get(at) >= 3);
        JsonNode rest =
                JSON.readTree(LoopbackHttp.get(port(), "/tags/" + id, admin()).body());
        for (Iterator<String> names = value.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            assertTrue("GET /tags/" + id + " has '" + name + "' too: " + rest, rest.has(name));
        }
        c.await(
                WAIT,
                "a heartbeat",
                m -> WsClient.type(m, "heartbeat") && m.path("time").asText().endsWith("Z"));

        assertEquals(
                200,
                LoopbackHttp.post(port(), "/alarms/" + WIRE_BREAK_ALARM + "/ack", "{}", admin())
                        .statusCode());
        JsonNode event = c.await(
                        WAIT,
                        "the acknowledgement as an alarm event",
                        m -> WsClient.type(m, "alarm")
                                && m.path("event").path("alarmId").asText().equals(WIRE_BREAK_ALARM))
                .path("event");
        assertEquals("acknowledged", event.path("transition").asText());
        assertEquals("the logged-in user", "admin", event.path("user").asText());
        assertTrue(event.path("seq").asLong() > 0);
        assertContiguous(c.messages(), 1);
    }

    @Test
    public void anAnonymousClientIsRefusedAtTheHandshake() {
        connect(""); // the endpoint is up
        try {
            WsClient.connect(port(), "", null).close();
            throw new AssertionError("an anonymous WebSocket connection was accepted");
        } catch (IllegalStateException refused) {
            assertTrue(refused.getMessage(), refused.getMessage().contains("401"));
        }
        try {
            WsClient.connect(port(), "", "not-a-session").close();
            throw new AssertionError("a made-up token was accepted");
        } catch (IllegalStateException refused) {
            assertTrue(refused.getMessage(), refused.getMessage().contains("401"));
        }
    }

    @Test
    public void subscribingByPatternOrGroupNarrowsSnapshotAndUpdates() {
        WsClient c = connect("");
        JsonNode all = c.await(WAIT, "a snapshot", m -> WsClient.type(m, "snapshot"));
        c.send("{\"type\":\"subscribe\",\"tags\":[\"me.*\"],\"replace\":true}");
        JsonNode me = c.await(
                WAIT, "the subscribe snapshot", m -> m.path("reason").asText().equals("subscribe"));
        List<String> ids = me.path("tags").findValuesAsText("id");
        assertFalse(ids.isEmpty());
        assertTrue(ids.size() < all.path("tags").size());
        assertTrue(ids.toString(), ids.stream().allMatch(i -> i.startsWith("me.")));
        long from = me.path("seq").asLong();
        Await.until(
                WAIT,
                "three updates after subscribing",
                () -> updatesAfter(c, from).size() >= 3);
        for (JsonNode u : updatesAfter(c, from)) {
            for (String id : u.path("values").findValuesAsText("id")) {
                assertTrue(id + " is not a me.* tag", id.startsWith("me."));
            }
        }

        String group = all.path("tags").get(0).path("system").asText();
        c.send("{\"type\":\"subscribe\",\"groups\":[\"" + group + "\"],\"replace\":true}");
        JsonNode byGroup = c.await(
                WAIT,
                "the group snapshot",
                m -> m.path("subscription").path("groups").size() == 1);
        assertTrue(byGroup.path("tags").findValuesAsText("system").stream().allMatch(group::equals));
        c.send("{\"type\":\"subscribe\",\"groups\":[\"no_such_group\"]}");
        JsonNode error = c.await(WAIT, "an error", m -> WsClient.type(m, "error"));
        assertEquals("groups", error.path("field").asText());
        assertTrue(error.toString(), error.path("message").asText().contains("unknown group 'no_such_group'"));
        assertContiguous(c.messages(), 1);
    }

    @Test
    public void aClientThatReconnectsWithItsLastSeqGetsWhatItMissedAndAnUnknownOneAFreshSnapshot() {
        WsClient a = connect("");
        Await.until(WAIT, "six messages", () -> a.count() >= 6);
        List<JsonNode> seen = a.messages();
        String id = seen.get(0).path("connection").asText();
        long handled = seen.get(2).path("seq").asLong(); // the client got no further than this before it failed
        a.abort();

        WsClient b = connect("resume=" + id + "&seq=" + handled);
        JsonNode resumed = b.await(WAIT, "resumed", m -> WsClient.type(m, "resumed"));
        long next = resumed.path("seq").asLong();
        Await.until(WAIT, "new messages after the resume", () -> b.messages().stream()
                .anyMatch(m -> m.path("seq").asLong() > next + 1));
        List<JsonNode> got = b.messages();
        assertEquals("the first missed message is sent again", seen.get(3), got.get(0));
        assertEquals(handled + 1, got.get(0).path("seq").asLong());
        assertEquals(next - handled - 1, resumed.path("replayed").asLong());
        assertEquals(id, resumed.path("connection").asText());
        assertContiguous(got, handled + 1);

        WsClient c = connect("resume=no-such-connection&seq=3");
        JsonNode fresh = c.await(WAIT, "a snapshot", m -> WsClient.type(m, "snapshot"));
        assertTrue(fresh.toString(), fresh.path("resumed").isBoolean());
        assertFalse(fresh.path("resumed").asBoolean());
        assertEquals(1, fresh.path("seq").asLong());
        assertNotEquals(id, fresh.path("connection").asText());
        assertTrue(fresh.path("message").asText().contains("unknown or expired"));
    }

    @Test
    public void garbageGetsAnErrorAndAnOversizedFrameClosesOnlyThatConnection() throws Exception {
        WsClient bad = connect("");
        WsClient good = connect("");
        bad.await(WAIT, "a snapshot", m -> WsClient.type(m, "snapshot"));
        good.await(WAIT, "a snapshot", m -> WsClient.type(m, "snapshot"));

        bad.send("this is { not json");
        bad.await(WAIT, "an error on garbage", m -> m.path("message").asText().contains("not valid JSON"));
        bad.send("{\"type\":\"launch\"}");
        assertEquals(
                "type",
                bad.await(WAIT, "unknown type", m -> m.path("message").asText().contains("unknown type"))
                        .path("field")
                        .asText());
        bad.send("{\"type\":\"subscribe\",\"tags\":[1]}");
        assertEquals(
                "tags",
                bad.await(WAIT, "wrong type", m -> m.path("message").asText().contains("only strings"))
                        .path("field")
                        .asText());
        bad.send("{\"type\":\"ping\",\"id\":\"still-there\"}");
        bad.await(
                WAIT,
                "a pong",
                m -> WsClient.type(m, "pong") && m.path("id").asText().equals("still-there"));

        long goodSeq = lastSeq(good);
        bad.send("{\"type\":\"ping\",\"id\":\"" + "x".repeat(70_000) + "\"}");
        assertEquals("message too big", 1009, bad.awaitClose(Duration.ofSeconds(30)));
        good.await(
                WAIT,
                "more messages on the other connection",
                m -> m.path("seq").asLong() > goodSeq + 2);
        assertFalse(good.isClosed());
        WsClient binary = connect("");
        binary.await(WAIT, "a snapshot", m -> WsClient.type(m, "snapshot"));
        binary.sendBinary(new byte[] {1, 2, 3});
        assertEquals("unsupported data", 1003, binary.awaitClose(Duration.ofSeconds(30)));
        assertFalse(good.isClosed());
        assertContiguous(good.messages(), 1);
    }

    @Test
    public void aClientThatDoesNotReadGetsCoalescedValuesWhileAnotherKeepsUp() {
        List<String> tags = goodDoubleTags(200);
        WsClient slow = connect("");
        WsClient fast = connect("");
        slow.await(WAIT, "a snapshot", m -> WsClient.type(m, "snapshot"));
        fast.await(WAIT, "a snapshot", m -> WsClient.type(m, "snapshot"));
        slow.pause();
        int slowTaken = slow.count();

        // 150,000 updates in about 3 s: current values nudged by a millionth, so no alarm changes
        Map<String, Double> base = new HashMap<>();
        tags.forEach(t -> base.put(t, tagStore.get(t).orElseThrow().doubleValue()));
        int rounds = 750;
        long period = TimeUnit.SECONDS.toNanos(3) / rounds;
        long start = System.nanoTime();
        long lastRound = 0;
        for (int r = 1; r <= rounds; r++) {
            LockSupport.parkNanos(start + r * period - System.nanoTime());
            lastRound = TagValue.nowMicros();
            List<TagValue> batch = new ArrayList<>(tags.size());
            for (String t : tags) {
                batch.add(TagValue.good(t, base.get(t) + r * 1e-6, lastRound));
            }
            tagStore.publish(batch);
        }
        Instant published = TagValue.toInstant(lastRound);
        int updates = rounds * tags.size();

        Await.until(
                Duration.ofSeconds(20),
                "the fast client has the last published value of every tag",
                () -> latestReceived(fast, tags, published).isEmpty(),
                () -> "older: " + latestReceived(fast, tags, published).size());
        assertTrue(
                "the slow client took nothing while paused (" + slow.count() + " after " + slowTaken + ")",
                slow.count() <= slowTaken + 1);

        slow.proceed();
        Await.until(
                WAIT,
                "the slow client catches up with the latest value of every tag",
                () -> latestReceived(slow, tags, published).isEmpty(),
                () -> "older: " + latestReceived(slow, tags, published).size());
        JsonNode heartbeat = slow.await(
                WAIT,
                "a heartbeat that reports coalescing",
                m -> WsClient.type(m, "heartbeat") && m.path("coalesced").asLong() > 0);
        long slowValues = values(slow);
        long fastValues = values(fast);
        System.out.printf(
                "published %d updates; fast client got %d values, slow client %d (coalesced %d)%n",
                updates, fastValues, slowValues, heartbeat.path("coalesced").asLong());
        assertTrue(
                "the slow client got fewer values (" + slowValues + ") than were published (" + updates + ")",
                slowValues < updates);
        assertContiguous(slow.messages(), 1);
        assertContiguous(fast.messages(), 1);
    }

    // --- helpers

    private WsClient connect(String query) {
        WsClient[] c = new WsClient[1];
        Await.until(WAIT, "/ws/realtime accepts a connection", () -> {
            c[0] = WsClient.connect(port(), query, admin());
            return true;
        });
        clients.add(c[0]);
        return c[0];
    }

    private String port() {
        return context.getProperty("org.osgi.service.http.port");
    }

    private String admin() {
        return Distribution.adminToken(context);
    }

    /** Every message has the next sequence number, starting at {@code first}. */
    private static void assertContiguous(List<JsonNode> messages, long first) {
        long expected = first;
        for (JsonNode m : messages) {
            assertEquals(
                    "seq of " + m.path("type").asText(),
                    expected++,
                    m.path("seq").asLong());
        }
    }

    private static long lastSeq(WsClient c) {
        List<JsonNode> all = c.messages();
        return all.get(all.size() - 1).path("seq").asLong();
    }

    private static List<JsonNode> updatesAfter(WsClient c, long seq) {
        return c.messages().stream()
                .filter(m -> WsClient.type(m, "update") && m.path("seq").asLong() > seq)
                .toList();
    }

    private static long values(WsClient c) {
        return c.messages().stream()
                .filter(m -> WsClient.type(m, "update"))
                .mapToLong(m -> m.path("values").size())
                .sum();
    }

    /** The tags among {@code tags} whose newest value the client received is older than {@code since}. */
    private static Set<String> latestReceived(WsClient c, List<String> tags, Instant since) {
        Map<String, Instant> newest = new HashMap<>();
        for (JsonNode m : c.messages()) {
            for (JsonNode v : m.path("values")) {
                newest.merge(
                        v.path("id").asText(),
                        Instant.parse(v.path("receiveTime").asText()),
                        (x, y) -> x.isAfter(y) ? x : y);
            }
        }
        Set<String> older = new HashSet<>();
        for (String t : tags) {
            Instant n = newest.get(t);
            if (n == null || n.isBefore(since)) {
                older.add(t);
            }
        }
        return older;
    }

    private List<String> goodDoubleTags(int most) {
        List<String> ids = new ArrayList<>();
        Await.until(WAIT, most + " GOOD double tags", () -> {
            ids.clear();
            for (TagDefinition d : tagStore.definitions()) {
                if (d.dataType() == DataType.DOUBLE
                        && tagStore.get(d.id())
                                .map(v -> v.quality() == Quality.GOOD)
                                .orElse(false)
                        && ids.size() < most) {
                    ids.add(d.id());
                }
            }
            return ids.size() >= Math.min(most, 100);
        });
        return ids;
    }
}
