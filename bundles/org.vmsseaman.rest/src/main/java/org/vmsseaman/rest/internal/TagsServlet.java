package org.vmsseaman.rest.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Comparator;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.vmsseaman.api.historian.Historian;
import org.vmsseaman.api.tag.Quality;
import org.vmsseaman.api.tag.TagDefinition;
import org.vmsseaman.api.tag.TagValue;
import org.vmsseaman.api.tagstore.TagStore;

/**
 * {@code GET /tags} (filters {@code group}, {@code quality}), {@code GET /tags/{id}} (definitions with live
 * values) and {@code GET /tags/{id}/history} (see {@link HistoryQuery}).
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern({"/tags", "/tags/*"})
@HttpWhiteboardServletName("vmsseaman-tags")
public final class TagsServlet extends JsonServlet {
    private static final long serialVersionUID = 1L;

    private static final String HISTORY = "/history";

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

    @Override
    Set<String> parameters(HttpServletRequest req) {
        String path = req.getPathInfo();
        if (isList(path)) {
            return Set.of("group", "quality");
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
