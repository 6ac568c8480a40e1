package org.vmsseaman.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vmsseaman.api.tag.DataType;
import org.vmsseaman.api.tag.HistorianPolicy;
import org.vmsseaman.api.tag.Quality;
import org.vmsseaman.api.tag.TagDefinition;
import org.vmsseaman.api.tag.TagValue;
import org.vmsseaman.tagstore.internal.TagStoreImpl;

/** The hub on the real tag store, with in-memory sockets. */
class RealtimeHubTest {

    private static final RealtimeSettings SETTINGS =
            new RealtimeSettings(10, 60, 1_000, 1_000_000, 1_000, 10_000, 100, 64, 3, 50, 5, 30, 3);

    private final TagStoreImpl store = new TagStoreImpl();
    private final RealtimeHub hub;

    RealtimeHubTest() {
        store.define(List.of(
                tag("me.lube_oil.pressure", "me", DataType.DOUBLE),
                tag("me.speed", "me", DataType.DOUBLE),
                tag("ae1.running", "ae1", DataType.BOOLEAN)));
        hub = new RealtimeHub(store, SETTINGS, 65_536, () -> null);
    }

    @AfterEach
    void stop() {
        hub.close();
        store.close();
    }

    private static TagDefinition tag(String id, String system, DataType type) {
        return new TagDefinition(
                id,
                id,
                "",
                system,
                type,
                "bar",
                null,
                null,
                false,
                HistorianPolicy.DEFAULT,
                Duration.ofSeconds(5),
                List.of());
    }

    private void publish(String id, Object value) {
        store.publish(List.of(TagValue.good(id, value, TagValue.nowMicros())));
    }

    private static boolean hasValue(JsonNode m, String id, Object value) {
        for (JsonNode v : m.path("values")) {
            if (v.path("id").asText().equals(id) && v.path("value").asText().equals(String.valueOf(value))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void aNewConnectionGetsASnapshotOfEveryTagThenUpdatesInTheRestValueFormat() {
        publish("me.speed", 87.5);
        TestTransport t = new TestTransport(true);
        RealtimeConnection c = hub.open(t, Map.of());
        JsonNode snapshot = t.await("snapshot", m -> m.path("type").asText().equals("snapshot"));
        assertThat(snapshot.path("seq").asLong()).isEqualTo(1);
        assertThat(snapshot.path("connection").asText()).isEqualTo(c.id);
        assertThat(snapshot.path("reason").asText()).isEqualTo("connect");
        assertThat(snapshot.path("tags"))
                .extracting(n -> n.path("id").asText())
                .containsExactly("ae1.running", "me.lube_oil.pressure", "me.speed");
        assertThat(snapshot.path("tags").get(2).path("value").asDouble()).isEqualTo(87.5);
        assertThat(snapshot.path("alarmsRunning").asBoolean()).isFalse();

        TagValue v = new TagValue(
                "me.lube_oil.pressure",
                4.25,
                Quality.UNCERTAIN_LAST_KNOWN,
                1_700_000_000_123_456L,
                1_700_000_000_200_000L,
                1234L);
        store.publish(List.of(v));
        JsonNode update = t.await("the update", m -> hasValue(m, "me.lube_oil.pressure", 4.25));
        assertThat(update.path("seq").asLong()).isGreaterThan(1);
        ObjectNode rest = Json.object();
        rest.put("id", v.tagId());
        Json.value(rest, v);
        assertThat(update.path("values").get(0).toString())
                .as("same fields as GET /tags/{id}")
                .isEqualTo(rest.toString());
        assertThat(update.path("values").get(0).path("sourceTime").asText()).isEqualTo("2023-11-14T22:13:20.123456Z");
    }

    @Test
    void subscribeNarrowsToPatternsAndGroupsWithAFreshSnapshot() {
        TestTransport t = new TestTransport(true);
        RealtimeConnection c = hub.open(t, Map.of());
        t.await("snapshot", m -> m.path("type").asText().equals("snapshot"));
        hub.receive(c, "{\"type\":\"subscribe\",\"tags\":[\"me.lube*\"],\"groups\":[\"ae1\"],\"replace\":true}");
        JsonNode narrowed =
                t.await("the subscribe snapshot", m -> m.path("reason").asText().equals("subscribe"));
        assertThat(narrowed.path("tags"))
                .extracting(n -> n.path("id").asText())
                .containsExactly("ae1.running", "me.lube_oil.pressure");
        assertThat(narrowed.path("subscription").path("tags"))
                .extracting(JsonNode::asText)
                .containsExactly("me.lube*");

        publish("me.speed", 1.0);
        publish("ae1.running", true);
        t.await("ae1.running", m -> hasValue(m, "ae1.running", true));
        assertThat(t.messages()).noneMatch(m -> hasValue(m, "me.speed", 1.0));

        hub.receive(c, "{\"type\":\"subscribe\",\"groups\":[\"nope\"]}");
        JsonNode error = t.await("an error", m -> m.path("type").asText().equals("error"));
        assertThat(error.path("field").asText()).isEqualTo("groups");
        assertThat(error.path("message").asText())
                .contains("unknown group 'nope'")
                .contains("ae1, me");
        hub.receive(c, "{\"type\":\"subscribe\",\"tags\":[\"a\",\"b\"]}");
        assertThat(t.await("the second error", m -> m.path("message").asText().contains("too many subscriptions"))
                        .path("field")
                        .asText())
                .isEqualTo("tags");
    }

    @Test
    void oneRenderingServesWideAndNarrowSubscriptionsEachWithExactlyItsValuesInOrder() {
        TestTransport wide1 = new TestTransport(true);
        TestTransport wide2 = new TestTransport(true);
        TestTransport narrow = new TestTransport(true);
        hub.open(wide1, Map.of());
        hub.open(wide2, Map.of());
        RealtimeConnection n = hub.open(narrow, Map.of());
        hub.receive(n, "{\"type\":\"subscribe\",\"tags\":[\"me.*\"],\"replace\":true}");
        narrow.await("the subscribe snapshot", m -> m.path("reason").asText().equals("subscribe"));
        List<TagValue> batch = new ArrayList<>();
        for (int i = 1; i <= 50; i++) {
            batch.add(TagValue.good("me.speed", (double) i, TagValue.nowMicros()));
            batch.add(TagValue.good("ae1.running", i % 2 == 0, TagValue.nowMicros()));
            batch.add(TagValue.good("me.lube_oil.pressure", i / 10.0, TagValue.nowMicros()));
        }
        store.publish(batch);
        for (TestTransport t : List.of(wide1, wide2, narrow)) {
            t.await("the last value", m -> hasValue(m, "me.lube_oil.pressure", 5.0));
        }
        // the hub's tag store subscription coalesces, so how many of the 150 arrive depends on timing; but
        // every connection gets the same values in the same order, the narrow one only its own
        assertThat(updates(wide1))
                .isEqualTo(updates(wide2))
                .contains("me.speed=50.0", "ae1.running=true", "me.lube_oil.pressure=5.0");
        assertThat(updates(wide1)).filteredOn(id -> id.startsWith("me.")).isEqualTo(updates(narrow));
        assertThat(updates(narrow)).isNotEmpty().noneMatch(v -> v.startsWith("ae1."));
    }

    /** Every value of every update message sent so far, as {@code id=value}. */
    private static List<String> updates(TestTransport t) {
        List<String> out = new ArrayList<>();
        for (JsonNode m : t.messages()) {
            if (m.path("type").asText().equals("update")) {
                m.path("values")
                        .forEach(v -> out.add(
                                v.path("id").asText() + "=" + v.path("value").asText()));
            }
        }
        return out;
    }

    @Test
    void garbageGetsAnErrorAndTheConnectionKeepsWorkingUntilItIsAbusive() {
        TestTransport t = new TestTransport(true);
        RealtimeConnection c = hub.open(t, Map.of("foo", List.of("1")));
        t.await("an error on the query", m -> m.path("message").asText().contains("unknown query parameter 'foo'"));
        hub.receive(c, "\u0000garbage{");
        t.await("an error on the garbage", m -> m.path("message").asText().contains("not valid JSON"));
        hub.receive(c, "{\"type\":\"ping\",\"id\":42}");
        assertThat(t.await("the pong", m -> m.path("type").asText().equals("pong"))
                        .path("id")
                        .asInt())
                .isEqualTo(42);
        for (int i = 0; i < 4; i++) {
            hub.receive(c, "nonsense");
        }
        assertThat(t.awaitClose()).as("the fifth refused message closes it").isEqualTo(1008);
    }

    @Test
    void aResumeWithAKnownSeqReplaysAndAnUnknownOneGetsAFreshSnapshot() {
        TestTransport first = new TestTransport(true);
        RealtimeConnection c = hub.open(first, Map.of());
        first.await("snapshot", m -> m.path("type").asText().equals("snapshot"));
        publish("me.speed", 1.0);
        first.await("value 1", m -> hasValue(m, "me.speed", 1.0));
        hub.closed(c, first);
        publish("me.speed", 2.0);

        TestTransport second = new TestTransport(true);
        assertThat(hub.open(second, Map.of("resume", List.of(c.id), "seq", List.of("1"))))
                .isSameAs(c);
        second.await("value 2", m -> hasValue(m, "me.speed", 2.0));
        List<JsonNode> got = second.messages();
        assertThat(got.get(0).path("seq").asLong())
                .as("the missed update first")
                .isEqualTo(2);
        assertThat(hasValue(got.get(0), "me.speed", 1.0)).isTrue();
        assertThat(got.get(1).path("type").asText()).isEqualTo("resumed");

        TestTransport third = new TestTransport(true);
        RealtimeConnection fresh = hub.open(third, Map.of("resume", List.of("no-such-id"), "seq", List.of("5")));
        assertThat(fresh).isNotSameAs(c);
        JsonNode s = third.await("snapshot", m -> m.path("type").asText().equals("snapshot"));
        assertThat(s.path("resumed").isBoolean()).isTrue();
        assertThat(s.path("resumed").asBoolean()).isFalse();
        assertThat(s.path("message").asText()).contains("unknown or expired");
        assertThat(s.path("seq").asLong()).isEqualTo(1);
    }

    @Test
    void connectionsBeyondTheLimitAreRefused() {
        for (int i = 0; i < 3; i++) {
            assertThat(hub.open(new TestTransport(true), Map.of())).isNotNull();
        }
        TestTransport refused = new TestTransport(true);
        assertThat(hub.open(refused, Map.of())).isNull();
        assertThat(refused.awaitClose()).isEqualTo(1013);
        assertThat(hub.connections()).isEqualTo(3);
    }
}
