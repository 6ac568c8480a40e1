package org.vmsseaman.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The outbox of one connection, driven by hand: sends complete only when the test says so. */
class RealtimeConnectionTest {

    private static final RealtimeSettings SETTINGS =
            new RealtimeSettings(10, 60, 100, 1_000_000, 1_000, 10_000, 3, 4, 10, 50, 3, 30, 10);

    /** Runs drains on the calling thread; snapshots name their reason. */
    private static final RealtimeConnection.Host HOST = new RealtimeConnection.Host() {
        @Override
        public String snapshot(RealtimeConnection c, long seq, RealtimeConnection.Snapshot why) {
            return "{\"type\":\"snapshot\",\"seq\":" + seq + ",\"reason\":\"" + why.reason() + "\"" + ",\"resumed\":"
                    + !why.resumeRefused() + "}";
        }

        @Override
        public void execute(Runnable task) {
            task.run();
        }
    };

    private final RealtimeConnection connection =
            new RealtimeConnection("c1", HOST, SETTINGS, RealtimeSubscription.everything(id -> null));

    private static void value(RealtimeConnection c, String id, int v) {
        c.offerValues(chunk(Map.of(id, v)));
    }

    /** A chunk of values as the hub renders them: {@code ,{"id":..,"value":..}} each. */
    static RealtimeValues.Chunk chunk(Map<String, Integer> values) {
        StringBuilder b = new StringBuilder();
        int[] starts = new int[values.size() + 1];
        String[] ids = new String[values.size()];
        int i = 0;
        for (Map.Entry<String, Integer> e : values.entrySet()) {
            b.append(",{\"id\":\"")
                    .append(e.getKey())
                    .append("\",\"value\":")
                    .append(e.getValue())
                    .append('}');
            ids[i++] = e.getKey();
            starts[i] = b.length();
        }
        return new RealtimeValues.Chunk(b.toString().getBytes(StandardCharsets.UTF_8), starts, ids);
    }

    /** A new connection with these limits, attached to {@code t}: its snapshot is in flight. */
    private static RealtimeConnection attached(TestTransport t, int maxValuesPerMessage, int maxQueuedValues) {
        RealtimeConnection c = new RealtimeConnection(
                "c2",
                HOST,
                new RealtimeSettings(
                        10, 60, 100, 1_000_000, maxValuesPerMessage, maxQueuedValues, 3, 4, 10, 50, 3, 30, 10),
                RealtimeSubscription.everything(id -> null));
        c.attach(t, new RealtimeConnection.Snapshot("connect", false, null));
        return c;
    }

    /** Completes sends until nothing is left; returns what was sent in that time. */
    private static List<JsonNode> drain(TestTransport t) {
        while (t.sending()) {
            t.complete();
        }
        return t.fresh();
    }

    @Test
    void theFirstMessageIsASnapshotAndEveryMessageHasTheNextSeq() {
        TestTransport t = new TestTransport(false);
        connection.attach(t, new RealtimeConnection.Snapshot("connect", false, null));
        value(connection, "a.x", 1);
        connection.offerAlarm("{\"seq\":17}");
        connection.heartbeat();
        connection.reply("pong", Json.object().put("id", "p1"));
        List<JsonNode> sent = drain(t);
        assertThat(sent)
                .extracting(m -> m.path("type").asText())
                .containsExactly("snapshot", "pong", "heartbeat", "alarm", "update");
        assertThat(sent).extracting(m -> m.path("seq").asLong()).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(sent.get(3).path("event").path("seq").asLong()).isEqualTo(17);
        assertThat(sent.get(1).path("id").asText()).isEqualTo("p1");
    }

    @Test
    void whileASendIsInFlightValuesWaitInOrderAndGoOutTogether() {
        TestTransport t = new TestTransport(false);
        connection.attach(t, new RealtimeConnection.Snapshot("connect", false, null));
        assertThat(t.sending()).as("the snapshot is in flight").isTrue();
        for (int i = 0; i < 300; i++) {
            value(connection, "a.x", i);
            value(connection, "a.y", -i);
        }
        List<JsonNode> sent = drain(t);
        assertThat(sent).extracting(m -> m.path("type").asText()).containsExactly("snapshot", "update");
        JsonNode values = sent.get(1).path("values");
        assertThat(values).hasSize(600);
        for (int i = 0; i < 300; i++) {
            assertThat(values.get(2 * i).path("value").asInt()).isEqualTo(i);
            assertThat(values.get(2 * i + 1).path("value").asInt()).isEqualTo(-i);
        }
        assertThat(connection.coalesced()).isZero();
    }

    @Test
    void aClientFallenBehindGetsTheLatestPerTagUntilItHasCaughtUp() {
        TestTransport t = new TestTransport(false);
        RealtimeConnection c = attached(t, 1_000, 100);
        for (int i = 0; i < 1_000; i++) {
            value(c, "a.x", i);
            value(c, "a.y", -i);
        }
        value(c, "a.z", 5); // behind still: coalesced with the rest
        List<JsonNode> sent = drain(t);
        assertThat(sent).extracting(m -> m.path("type").asText()).containsExactly("snapshot", "update");
        assertThat(sent.get(1).path("values"))
                .extracting(v -> v.path("id").asText() + "=" + v.path("value").asInt())
                .containsExactly("a.x=999", "a.y=-999", "a.z=5");
        assertThat(c.coalesced()).isEqualTo(1_998);

        value(c, "a.x", 1_000); // caught up: sent at once
        value(c, "a.x", 1_001); // waits for it, in order, not replacing it
        value(c, "a.x", 1_002);
        sent = drain(t);
        assertThat(sent)
                .extracting(m -> m.path("values").toString())
                .containsExactly(
                        "[{\"id\":\"a.x\",\"value\":1000}]",
                        "[{\"id\":\"a.x\",\"value\":1001},{\"id\":\"a.x\",\"value\":1002}]");
        assertThat(c.coalesced()).isEqualTo(1_998);
    }

    @Test
    void messagesHoldAtMostMaxValuesAndSlicesAcrossChunksJoinIntoValidJson() {
        TestTransport t = new TestTransport(false);
        RealtimeConnection c = attached(t, 3, 10_000);
        for (int i = 0; i < 4; i++) {
            Map<String, Integer> pair = new LinkedHashMap<>();
            pair.put("t" + (2 * i), 2 * i);
            pair.put("t" + (2 * i + 1), 2 * i + 1);
            c.offerValues(chunk(pair));
        }
        List<JsonNode> sent = drain(t);
        assertThat(sent.subList(1, sent.size()))
                .extracting(m -> m.path("values").findValuesAsText("id").toString())
                .containsExactly("[t0, t1, t2]", "[t3, t4, t5]", "[t6, t7]");

        assertThat(t.parts()).as("head, one slice per chunk touched, tail").endsWith(4, 4, 3);
    }

    @Test
    void manySmallChunksAreJoinedIntoOnePartRatherThanSentAsManyFrames() {
        TestTransport t = new TestTransport(false);
        connection.attach(t, new RealtimeConnection.Snapshot("connect", false, null));
        int n = RealtimeConnection.MAX_PARTS * 2;
        for (int i = 0; i < n; i++) {
            value(connection, "x" + i, i);
        }
        List<JsonNode> sent = drain(t);
        assertThat(sent).hasSize(2);
        assertThat(sent.get(1).path("values").findValuesAsText("id")).hasSize(n).startsWith("x0", "x1");
        assertThat(t.parts()).containsExactly(1, 3);
    }

    @Test
    void alarmEventsAreNeverCoalescedAndAnOverflowBringsAFreshSnapshot() {
        TestTransport t = new TestTransport(false);
        connection.attach(t, new RealtimeConnection.Snapshot("connect", false, null));
        drain(t);
        connection.offerAlarm("{\"seq\":1}");
        connection.offerAlarm("{\"seq\":2}");
        assertThat(drain(t))
                .extracting(m -> m.path("event").path("seq").asInt())
                .containsExactly(1, 2);

        connection.offerAlarm("{\"seq\":3}"); // in flight
        for (int i = 4; i <= 8; i++) { // the queue holds 3
            connection.offerAlarm("{\"seq\":" + i + "}");
        }
        value(connection, "a.x", 5);
        List<JsonNode> sent = drain(t);
        assertThat(sent)
                .extracting(m -> m.path("type").asText() + m.path("reason").asText(""))
                .as("the events that did not fit are replaced by a snapshot; later ones follow it")
                .containsExactly("alarm", "snapshotoverflow", "alarm");
        assertThat(sent.get(2).path("event").path("seq").asInt()).isEqualTo(8);
    }

    @Test
    void aResumeResendsWhatWasMissedThenContinuesWithoutAGap() {
        TestTransport first = new TestTransport(true);
        connection.attach(first, new RealtimeConnection.Snapshot("connect", false, null));
        value(connection, "a.x", 1);
        value(connection, "a.x", 2);
        assertThat(first.messages()).extracting(m -> m.path("seq").asLong()).containsExactly(1L, 2L, 3L);

        // the client saw only seq 1; its socket dies; values keep coming while it is away
        assertThat(connection.detach(first, System.nanoTime())).isTrue();
        value(connection, "a.x", 3);
        value(connection, "a.x", 4);
        connection.offerAlarm("{\"seq\":9}");

        TestTransport second = new TestTransport(false);
        assertThat(connection.resume(second, 1)).isTrue();
        assertThat(connection.coalesced())
                .as("within the queue limit nothing is replaced")
                .isZero();
        List<JsonNode> sent = drain(second);
        assertThat(sent).extracting(m -> m.path("seq").asLong()).containsExactly(2L, 3L, 4L, 5L, 6L);
        assertThat(sent)
                .extracting(m -> m.path("type").asText())
                .containsExactly("update", "update", "resumed", "alarm", "update");
        assertThat(sent.get(0).path("values").get(0).path("value").asInt()).isEqualTo(1);
        assertThat(sent.get(2).path("replayed").asInt()).isEqualTo(2);
        assertThat(sent.get(4).path("values").findValuesAsText("value"))
                .as("values while away wait in order")
                .containsExactly("3", "4");
    }

    @Test
    void aResumeFromBeyondTheReplayBufferOrTheFutureIsRefused() {
        RealtimeSettings small = new RealtimeSettings(10, 60, 2, 1_000_000, 1_000, 10_000, 3, 4, 10, 50, 3, 30, 10);
        RealtimeConnection c = new RealtimeConnection("c2", HOST, small, RealtimeSubscription.everything(id -> null));
        TestTransport first = new TestTransport(true);
        c.attach(first, new RealtimeConnection.Snapshot("connect", false, null));
        for (int i = 0; i < 5; i++) {
            value(c, "a.x", i);
        }
        c.detach(first, System.nanoTime());
        TestTransport second = new TestTransport(true);
        assertThat(c.resume(second, 2)).as("seq 3 and 4 are gone").isFalse();
        assertThat(c.resume(second, 99)).as("never sent").isFalse();
        assertThat(second.messages()).isEmpty();
        assertThat(c.resume(second, 5)).isTrue();
        assertThat(second.messages()).extracting(m -> m.path("type").asText()).containsExactly("update", "resumed");
    }

    @Test
    void aResumeWhileTheOldSocketIsStuckClosesItAndItsLateCompletionIsIgnored() {
        TestTransport stuck = new TestTransport(false);
        connection.attach(stuck, new RealtimeConnection.Snapshot("connect", false, null));
        value(connection, "a.x", 1); // waits behind the snapshot that never completes
        TestTransport fresh = new TestTransport(false);
        assertThat(connection.resume(fresh, 0)).isTrue();
        assertThat(stuck.closeCode()).isEqualTo(1000);
        List<JsonNode> sent = new ArrayList<>(drain(fresh));
        stuck.complete(); // too late: belongs to the old socket
        sent.addAll(drain(fresh));
        assertThat(sent).extracting(m -> m.path("type").asText()).containsExactly("snapshot", "resumed", "update");
        assertThat(sent).extracting(m -> m.path("seq").asLong()).containsExactly(1L, 2L, 3L);
        assertThat(stuck.messages()).hasSize(1);
    }

    @Test
    void aSubscriptionChangeSendsASnapshotThatReplacesWaitingValues() {
        TestTransport t = new TestTransport(false);
        connection.attach(t, new RealtimeConnection.Snapshot("connect", false, null));
        value(connection, "a.x", 1);
        connection.subscribe(connection.subscription().plus(List.of("b.*"), List.of(), true), "subscribe");
        List<JsonNode> sent = drain(t);
        assertThat(sent)
                .extracting(
                        m -> m.path("type").asText() + ":" + m.path("reason").asText(""))
                .containsExactly("snapshot:connect", "snapshot:subscribe");
        assertThat(connection.subscription().matches("a.x")).isFalse();
    }

    @Test
    void repliesAreBoundedAndAbuseIsCounted() {
        TestTransport t = new TestTransport(false);
        connection.attach(t, new RealtimeConnection.Snapshot("connect", false, null));
        for (int i = 0; i < 4; i++) {
            assertThat(connection.reply("pong", Json.object())).isTrue();
        }
        assertThat(connection.reply("pong", Json.object()))
                .as("a client that does not read")
                .isFalse();
        assertThat(connection.refused()).isTrue();
        assertThat(connection.refused()).isTrue();
        assertThat(connection.refused())
                .as("the third refused message is one too many")
                .isFalse();
        long now = System.nanoTime();
        for (int i = 0; i < 50; i++) {
            assertThat(connection.admit(now)).isTrue();
        }
        assertThat(connection.admit(now)).isFalse();
        assertThat(connection.admit(now + 2_000_000_000L)).as("a new second").isTrue();
    }
}
