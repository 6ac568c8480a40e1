package org.vmsseaman.rest.internal;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vmsseaman.api.historian.ExportFormat;
import org.vmsseaman.api.historian.ExportRequest;
import org.vmsseaman.api.historian.ExportTooLargeException;
import org.vmsseaman.api.historian.Historian;
import org.vmsseaman.api.tag.TagDefinition;
import org.vmsseaman.api.tagstore.TagStore;

/**
 * {@code GET /history?tags=a,b&...} (the history of several tags in one answer, parameters as
 * {@link HistoryQuery}) and {@code GET /history/export?tags=a,b&since&until&format=csv|parquet[&interval&agg]}
 * (a file written by the historian, streamed as an attachment).
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern({"/history", "/history/*"})
@HttpWhiteboardServletName("vmsseaman-history")
public final class HistoryServlet extends JsonServlet {
    private static final long serialVersionUID = 1L;

    /** The most tags of one request. */
    static final int MAX_TAGS = 100;
    /** The most samples or buckets of one JSON answer, over all its tags (tags × limit or buckets). */
    static final long MAX_ROWS = 1_000_000;
    /** The most rows of one export. */
    static final long MAX_EXPORT_ROWS = ExportRequest.DEFAULT_MAX_ROWS;

    private static final String EXPORT = "/export";
    private static final Set<String> MULTI_PARAMETERS = plus(HistoryQuery.PARAMETERS, "tags");
    private static final Set<String> EXPORT_PARAMETERS = Set.of("tags", "since", "until", "interval", "agg", "format");
    private static final DateTimeFormatter FILE_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final transient Logger logger = LoggerFactory.getLogger(HistoryServlet.class);
    private final transient TagStore tagStore;
    private final transient Historian historian;

    /**
     * The historian is a static optional reference: this servlet, which serves nothing else, is re-registered
     * when the historian comes or goes, and answers 503 while there is none.
     */
    @Activate
    public HistoryServlet(
            @Reference(name = "tagStore") TagStore tagStore,
            @Reference(
                            name = "historian",
                            cardinality = ReferenceCardinality.OPTIONAL,
                            policyOption = ReferencePolicyOption.GREEDY)
                    Historian historian) {
        this.tagStore = tagStore;
        this.historian = historian;
    }

    @Override
    Set<String> parameters(HttpServletRequest req) {
        String path = req.getPathInfo();
        if (isRoot(path)) {
            return MULTI_PARAMETERS;
        }
        return EXPORT.equals(path) ? EXPORT_PARAMETERS : Set.of();
    }

    @Override
    void get(HttpServletRequest req, HttpServletResponse resp) throws IOException, BadRequest {
        String path = req.getPathInfo();
        if (isRoot(path)) {
            history(req, resp);
        } else if (EXPORT.equals(path)) {
            export(req, resp);
        } else {
            throw new NotFound("no resource " + req.getRequestURI() + " (use /history or /history/export)");
        }
    }

    private void history(HttpServletRequest req, HttpServletResponse resp) throws IOException, BadRequest {
        List<TagDefinition> tags = tags(req);
        HistoryQuery query = HistoryQuery.parse(req);
        long rows = query.rowsPerTag() * tags.size();
        if (rows > MAX_ROWS) {
            String parameter = query.interval() == null ? "limit" : "interval";
            throw new BadRequest(
                    parameter,
                    tags.size() + " tags × " + query.rowsPerTag() + (query.interval() == null ? " samples" : " buckets")
                            + " is more than " + MAX_ROWS + " rows in one answer: use a smaller " + parameter
                            + (query.interval() == null ? "" : " range") + ", fewer tags, or /history/export");
        }
        Json.write(resp, 200, query.runAll(historian(), tags));
    }

    private void export(HttpServletRequest req, HttpServletResponse resp) throws IOException, BadRequest {
        List<TagDefinition> tags = tags(req);
        HistoryQuery query = HistoryQuery.parse(req);
        ExportFormat format = format(req.getParameter("format"));
        ExportRequest request = new ExportRequest(
                tags.stream().map(TagDefinition::id).toList(),
                query.since(),
                query.until(),
                query.interval(),
                query.aggregates(),
                format,
                MAX_EXPORT_ROWS);
        Historian h = historian();
        resp.setStatus(200);
        resp.setContentType(format == ExportFormat.CSV ? format.mediaType() + ";charset=UTF-8" : format.mediaType());
        resp.setHeader("Cache-Control", "no-store");
        resp.setHeader(
                "Content-Disposition",
                "attachment; filename=\"history-" + FILE_TIME.format(query.since()) + "-"
                        + FILE_TIME.format(query.until()) + "." + format.extension() + "\"");
        try {
            h.export(request, resp.getOutputStream());
        } catch (ExportTooLargeException e) {
            resp.reset(); // nothing was written
            String parameter = query.interval() == null ? "since" : "interval";
            throw new BadRequest(
                    parameter,
                    e.getMessage() + ": use a shorter range (since, until), fewer tags"
                            + (query.interval() == null ? "" : " or a longer interval"));
        } catch (IOException e) {
            if (resp.isCommitted()) {
                throw e; // the client went away while the file was streamed
            }
            logger.error("GET {} failed", req.getRequestURI(), e);
            resp.reset();
            Json.error(resp, 500, "Internal Server Error", "the export failed; see the runtime log", null);
        }
    }

    /** The tags of {@code tags} (comma-separated, repeatable), distinct, in request order, all defined. */
    private List<TagDefinition> tags(HttpServletRequest req) throws BadRequest {
        String[] values = req.getParameterValues("tags");
        if (values == null) {
            throw new BadRequest("tags", "tags is required: one or more tag ids separated by commas");
        }
        Map<String, TagDefinition> tags = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        for (String value : values) {
            for (String part : value.split(",", -1)) {
                String id = part.trim();
                if (id.isEmpty()) {
                    throw new BadRequest("tags", "tags has an empty tag id: '" + value + "'");
                }
                if (!tags.containsKey(id)) {
                    tagStore.definition(id).ifPresentOrElse(d -> tags.put(id, d), () -> unknown.add(id));
                }
            }
        }
        if (!unknown.isEmpty()) {
            throw new BadRequest(
                    "tags", "unknown tag" + (unknown.size() == 1 ? " '" : "s '") + String.join("', '", unknown) + "'");
        }
        if (tags.size() > MAX_TAGS) {
            throw new BadRequest("tags", tags.size() + " tags in one request; at most " + MAX_TAGS);
        }
        return new ArrayList<>(tags.values());
    }

    private static ExportFormat format(String s) throws BadRequest {
        if (s == null || s.isBlank()) {
            return ExportFormat.CSV;
        }
        for (ExportFormat f : ExportFormat.values()) {
            if (f.extension().equals(s.trim().toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        throw new BadRequest("format", "format must be 'csv' or 'parquet', was '" + s + "'");
    }

    private Historian historian() {
        if (historian == null) {
            throw new Unavailable("the historian is not running");
        }
        return historian;
    }

    private static Set<String> plus(Set<String> set, String element) {
        Set<String> result = new java.util.HashSet<>(set);
        result.add(element);
        return Set.copyOf(result);
    }

    private static boolean isRoot(String path) {
        return path == null || path.equals("/");
    }
}
