package org.vmsseaman.rest.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.vmsseaman.api.device.TagWriter;
import org.vmsseaman.api.device.WriteException;
import org.vmsseaman.api.historian.Historian;
import org.vmsseaman.api.security.AuditTrail;
import org.vmsseaman.api.security.Role;
import org.vmsseaman.api.tag.Quality;
import org.vmsseaman.api.tag.TagDefinition;
import org.vmsseaman.api.tag.TagValue;
import org.vmsseaman.api.tagstore.TagStore;

/**
 * {@code GET /tags} (filters {@code group}, {@code quality}), {@code GET /tags/{id}} (definitions with live
 * values), {@code GET /tags/{id}/history} (see {@link HistoryQuery}) and {@code PUT /tags/{id}/value} (role
 * engineer, audited as {@code tag.write}): a setpoint {@code {"value": ...}} for a writable tag, handed to the
 * device's driver through the {@link TagWriter}; answered once the driver confirmed it.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern({"/tags", "/tags/*"})
@HttpWhiteboardServletName("vmsseaman-tags")
public final class TagsServlet extends JsonServlet {
    private static final long serialVersionUID = 1L;

    private static final String HISTORY = "/history";
    private static final String VALUE = "/value";

    private final transient TagStore tagStore;

    @Activate
    public TagsServlet(@Reference TagStore tagStore) {
        this.tagStore = tagStore;
    }

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Historian historian;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile TagWriter writer;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile AuditTrail auditTrail;

    @Override
    Set<String> methods(HttpServletRequest req) {
        String path = req.getPathInfo();
        return path != null && path.endsWith(VALUE) && !isList(path) ? PUT_ONLY : READ_ONLY;
    }

    @Override
    Set<String> parameters(HttpServletRequest req) {
        String path = req.getPathInfo();
        if (isList(path)) {
            return Set.of("group", "quality");
        }
        if (path.endsWith(VALUE)) {
            return Set.of();
        }
        return path.endsWith(HISTORY) ? HistoryQuery.PARAMETERS : Set.of();
    }

    @Override
    void get(HttpServletRequest req, HttpServletResponse resp) throws IOException, BadRequest {
        String path = req.getPathInfo();
        if (isList(path)) {
            list(req, resp);
            return;
        }
        boolean history = path.endsWith(HISTORY);
        String id = path.substring(1, history ? path.length() - HISTORY.length() : path.length());
        if (id.contains("/")) {
            throw new NotFound("no resource " + req.getRequestURI());
        }
        TagDefinition def = tagStore.definition(id).orElseThrow(() -> new NotFound("unknown tag '" + id + "'"));
        if (!history) {
            Json.write(resp, 200, Json.tag(def, tagStore.get(id).orElse(null)));
            return;
        }
        HistoryQuery query = HistoryQuery.parse(req);
        Historian h = historian;
        if (h == null) {
            Json.error(resp, 503, "Service Unavailable", "the historian is not running", null);
            return;
        }
        Json.write(resp, 200, query.run(h, def));
    }

    @Override
    void put(HttpServletRequest req, HttpServletResponse resp) throws IOException, BadRequest {
        String path = req.getPathInfo();
        String id = path.substring(1, path.length() - VALUE.length());
        audited(req, auditTrail, "tag.write", id, () -> {
            require(req, Role.ENGINEER, "writing a setpoint");
            if (id.contains("/") || tagStore.definition(id).isEmpty()) {
                throw new NotFound("unknown tag '" + id + "'");
            }
            JsonNode node = body(req).get("value");
            Object value = scalar(node);
            TagWriter w = writer;
            if (w == null) {
                throw new Unavailable("device binding (which writes setpoints) is not running");
            }
            Object written = await(w.write(id, value), id);
            ObjectNode out = Json.object();
            out.put("id", id);
            out.set("value", Json.MAPPER.valueToTree(written));
            out.put("writtenAt", Instant.now().toString());
            Json.write(resp, 200, out);
            return id + " = " + written;
        });
    }

    private static Object scalar(JsonNode node) throws BadRequest {
        if (node == null) {
            throw new BadRequest("value", "the body needs a field 'value' holding the setpoint");
        }
        if (node.isNumber()) {
            return node.numberValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        throw new BadRequest("value", "'value' must be a number, true/false or a string, not " + node.getNodeType());
    }

    private static Object await(CompletionStage<Object> write, String id) throws BadRequest {
        try {
            return write.toCompletableFuture().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted while writing tag '" + id + "'");
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof WriteException w)) {
                throw new IllegalStateException("writing tag '" + id + "' failed", e.getCause());
            }
            switch (w.reason()) {
                case UNKNOWN_TAG -> throw new NotFound(w.getMessage());
                case INVALID_VALUE -> throw new BadRequest("value", w.getMessage());
                case NOT_WRITABLE, NOT_CONNECTED, NOT_SUPPORTED -> throw new Conflict(w.getMessage());
                case TIMEOUT -> throw new Upstream(504, w.getMessage());
                default -> throw new Upstream(502, w.getMessage());
            }
        }
    }

    private void list(HttpServletRequest req, HttpServletResponse resp) throws IOException, BadRequest {
        Predicate<TagDefinition> byGroup = groupFilter(req.getParameter("group"));
        Predicate<TagValue> byQuality = qualityFilter(req.getParameter("quality"));
        ArrayNode out = Json.array();
        tagStore.definitions().stream()
                .filter(byGroup)
                .sorted(Comparator.comparing(TagDefinition::id))
                .forEach(def -> tagStore.get(def.id()).filter(byQuality).ifPresent(v -> out.add(Json.tag(def, v))));
        Json.write(resp, 200, out);
    }

    private Predicate<TagDefinition> groupFilter(String group) throws BadRequest {
        if (group == null) {
            return d -> true;
        }
        Set<String> known = new TreeSet<>();
        tagStore.definitions().forEach(d -> known.add(d.system()));
        if (!known.contains(group)) {
            throw new BadRequest("group", "unknown group '" + group + "' (known: " + String.join(", ", known) + ")");
        }
        return d -> d.system().equals(group);
    }

    static Predicate<TagValue> qualityFilter(String quality) throws BadRequest {
        if (quality == null) {
            return v -> true;
        }
        String q = quality.trim().toUpperCase(Locale.ROOT);
        for (Quality.Level level : Quality.Level.values()) {
            if (level.name().equals(q)) {
                return v -> v.quality().level() == level;
            }
        }
        for (Quality exact : Quality.values()) {
            if (exact.name().equals(q)) {
                return v -> v.quality() == exact;
            }
        }
        throw new BadRequest(
                "quality",
                "unknown quality '" + quality + "' (expected GOOD, UNCERTAIN, BAD or a reason such as BAD_STALE)");
    }

    private static boolean isList(String path) {
        return path == null || path.equals("/");
    }
}
