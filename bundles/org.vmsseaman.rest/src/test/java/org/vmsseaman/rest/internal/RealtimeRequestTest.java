package org.vmsseaman.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RealtimeRequestTest {

    private static RealtimeRequest parse(String text) throws JsonServlet.BadRequest {
        return RealtimeRequest.parse(text, 5);
    }

    private static void refused(String text, String field, String messagePart) {
        assertThatThrownBy(() -> parse(text))
                .isInstanceOf(JsonServlet.BadRequest.class)
                .hasMessageContaining(messagePart)
                .satisfies(
                        e -> assertThat(((JsonServlet.BadRequest) e).parameter).isEqualTo(field));
    }

    @Test
    void readsSubscribeUnsubscribeAndPing() throws Exception {
        RealtimeRequest s = parse("{\"type\":\"subscribe\",\"tags\":[\"me.*\"],\"groups\":[\"ae1\"],\"replace\":true}");
        assertThat(s.type()).isEqualTo("subscribe");
        assertThat(s.tags()).containsExactly("me.*");
        assertThat(s.groups()).containsExactly("ae1");
        assertThat(s.replace()).isTrue();
        assertThat(parse("{\"type\":\"unsubscribe\",\"groups\":[\"ae1\"]}").groups())
                .containsExactly("ae1");
        assertThat(parse("{\"type\":\"ping\",\"id\":\"abc\"}").id().asText()).isEqualTo("abc");
        assertThat(parse("{\"type\":\"ping\"}").id()).isNull();
    }

    @Test
    void garbageAndNonObjectsAreRefusedAsAWhole() {
        refused("hello", null, "not valid JSON");
        refused("{\"type\":\"ping\"", null, "not valid JSON");
        refused("{\"type\":\"ping\"} {}", null, "not valid JSON");
        refused("[1,2]", null, "must be a JSON object");
        refused("42", null, "must be a JSON object");
        refused("", null, "must be a JSON object");
    }

    @Test
    void theTypeMustBeKnown() {
        refused("{}", "type", "\"type\" must be a string");
        refused("{\"type\":7}", "type", "\"type\" must be a string");
        refused("{\"type\":\"launch\"}", "type", "unknown type 'launch'");
        refused("{\"type\":\"resume\"}", "type", "?resume=");
    }

    @Test
    void fieldsAreCheckedByNameAndType() {
        refused("{\"type\":\"ping\",\"tags\":[]}", "tags", "unknown field 'tags'");
        refused("{\"type\":\"subscribe\"}", "tags", "needs \"tags\"");
        refused("{\"type\":\"subscribe\",\"tags\":\"me.*\"}", "tags", "must be an array");
        refused("{\"type\":\"subscribe\",\"tags\":[1]}", "tags", "only strings");
        refused("{\"type\":\"subscribe\",\"tags\":[\"me.*\"],\"replace\":\"yes\"}", "replace", "true or false");
        refused("{\"type\":\"subscribe\",\"tags\":[\"me/../x\"]}", "tags", "is not valid");
        refused("{\"type\":\"subscribe\",\"groups\":[\"a*\"]}", "groups", "is not valid");
        refused("{\"type\":\"ping\",\"id\":{\"a\":1}}", "id", "\"id\" must be");
    }

    @Test
    void limitsBoundSizeNestingAndDuplicates() {
        refused("{\"type\":\"subscribe\",\"tags\":[\"a\",\"b\",\"c\",\"d\",\"e\",\"f\"]}", "tags", "too many");
        refused(
                "{\"type\":\"subscribe\",\"tags\":[\"a\",\"b\",\"c\"],\"groups\":[\"d\",\"e\",\"f\"]}",
                "tags",
                "too many");
        refused("{\"type\":\"ping\",\"id\":[[[[[[1]]]]]]}", null, "nesting depth");
        refused("{\"type\":\"ping\",\"type\":\"ping\"}", null, "Duplicate field");
        refused("{\"type\":\"ping\",\"id\":\"" + "x".repeat(2_000) + "\"}", null, "String value length");
    }
}
