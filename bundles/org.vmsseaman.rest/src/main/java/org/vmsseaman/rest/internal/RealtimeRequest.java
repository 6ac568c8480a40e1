package org.vmsseaman.rest.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A message a realtime client sent: {@code subscribe}, {@code unsubscribe} or {@code ping}, parsed
 * strictly (bounded JSON, no polymorphic typing, unknown fields and wrong types refused with a message
 * naming the field: a {@link JsonServlet.BadRequest} whose parameter is the field, null for the message
 * as a whole).
 *
 * @param type the message type
 * @param tags tag id patterns (subscribe, unsubscribe)
 * @param groups groups (subscribe, unsubscribe)
 * @param replace subscribe: replace the subscription instead of adding to it
 * @param id ping: the client's token echoed in the pong, or null
 */
record RealtimeRequest(String type, List<String> tags, List<String> groups, boolean replace, JsonNode id) {

    static final String SUBSCRIBE = "subscribe";
    static final String UNSUBSCRIBE = "unsubscribe";
    static final String PING = "ping";

    private static final Map<String, Set<String>> FIELDS = Map.of(
            SUBSCRIBE, Set.of("type", "tags", "groups", "replace"),
            UNSUBSCRIBE, Set.of("type", "tags", "groups"),
            PING, Set.of("type", "id"));
    private static final Pattern TAG_PATTERN = Pattern.compile("[A-Za-z0-9_.*\\-]{1,200}");
    private static final Pattern GROUP = Pattern.compile("[A-Za-z0-9_.\\-]{1,200}");
    private static final int MAX_ID_CHARS = 100;

    /** Tighter than the REST limits: a client message is small and flat. */
    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(4)
                            .maxStringLength(1_000)
                            .maxNumberLength(30)
                            .maxDocumentLength(256 * 1024L)
                            .build())
                    .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /**
     * Parses one text frame.
     *
     * @param maxEntries the most tag patterns plus groups one message may carry
     */
    static RealtimeRequest parse(String text, int maxEntries) throws JsonServlet.BadRequest {
        JsonNode node;
        try (JsonParser p = MAPPER.createParser(text)) {
            node = MAPPER.readTree(p);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new JsonServlet.BadRequest(
                    null,
                    "not valid JSON"
                            + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")")
                            + ": " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw new JsonServlet.BadRequest(null, "unreadable message: " + e.getMessage());
        }
        if (node == null || !node.isObject()) {
            throw new JsonServlet.BadRequest(null, "a message must be a JSON object with a \"type\"");
        }
        JsonNode t = node.get("type");
        if (t == null || !t.isTextual()) {
            throw new JsonServlet.BadRequest(
                    "type", "\"type\" must be a string: one of " + String.join(", ", FIELDS.keySet()));
        }
        String type = t.asText();
        Set<String> allowed = FIELDS.get(type);
        if (allowed == null) {
            throw new JsonServlet.BadRequest(
                    "type",
                    "unknown type '" + shorten(type) + "' (known: " + String.join(", ", FIELDS.keySet())
                            + "; to resume, reconnect with ?resume=<connection>&seq=<last seq>)");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new JsonServlet.BadRequest(
                        name,
                        "unknown field '" + shorten(name) + "' in a " + type + " message (accepted: "
                                + String.join(", ", allowed) + ")");
            }
        }
        if (type.equals(PING)) {
            JsonNode id = node.get("id");
            if (id != null && !(id.isTextual() && id.asText().length() <= MAX_ID_CHARS) && !id.isIntegralNumber()) {
                throw new JsonServlet.BadRequest(
                        "id", "\"id\" must be a string of at most " + MAX_ID_CHARS + " characters or an integer");
            }
            return new RealtimeRequest(type, List.of(), List.of(), false, id);
        }
        List<String> tags = strings(node, "tags", TAG_PATTERN, maxEntries);
        List<String> groups = strings(node, "groups", GROUP, maxEntries);
        if (tags.isEmpty() && groups.isEmpty()) {
            throw new JsonServlet.BadRequest(
                    "tags", "a " + type + " message needs \"tags\" (id patterns such as \"me.*\") or \"groups\"");
        }
        if (tags.size() + groups.size() > maxEntries) {
            throw new JsonServlet.BadRequest(
                    "tags", "too many subscriptions: at most " + maxEntries + " tag patterns and groups");
        }
        boolean replace = false;
        JsonNode r = node.get("replace");
        if (r != null) {
            if (!r.isBoolean()) {
                throw new JsonServlet.BadRequest("replace", "\"replace\" must be true or false");
            }
            replace = r.asBoolean();
        }
        return new RealtimeRequest(type, tags, groups, replace, null);
    }

    private static List<String> strings(JsonNode node, String field, Pattern valid, int max)
            throws JsonServlet.BadRequest {
        JsonNode n = node.get(field);
        if (n == null || n.isNull()) {
            return List.of();
        }
        if (!n.isArray()) {
            throw new JsonServlet.BadRequest(field, "\"" + field + "\" must be an array of strings");
        }
        if (n.size() > max) {
            throw new JsonServlet.BadRequest(
                    field, "too many subscriptions: at most " + max + " tag patterns and groups");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode e : n) {
            if (!e.isTextual()) {
                throw new JsonServlet.BadRequest(
                        field, "\"" + field + "\" must contain only strings, found " + e.getNodeType());
            }
            if (!valid.matcher(e.asText()).matches()) {
                throw new JsonServlet.BadRequest(
                        field,
                        "'" + shorten(e.asText()) + "' in \"" + field
                                + "\" is not valid (1 to 200 of A-Z a-z 0-9 _ . -"
                                + (field.equals("tags") ? " and * as a wildcard" : "") + ")");
            }
            out.add(e.asText());
        }
        return out;
    }

    private static String shorten(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "...";
    }
}
