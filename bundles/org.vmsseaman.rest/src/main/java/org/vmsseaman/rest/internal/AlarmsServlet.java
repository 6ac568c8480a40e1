package org.vmsseaman.rest.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.vmsseaman.api.alarm.Alarm;
import org.vmsseaman.api.alarm.AlarmCommandException;
import org.vmsseaman.api.alarm.AlarmEvent;
import org.vmsseaman.api.alarm.AlarmKpi;
import org.vmsseaman.api.alarm.AlarmService;
import org.vmsseaman.api.alarm.AlarmState;
import org.vmsseaman.api.alarm.EngineerCall;
import org.vmsseaman.api.alarm.WatchTimer;
import org.vmsseaman.api.project.AlarmPriority;
import org.vmsseaman.api.security.AuditTrail;

/**
 * The alarm endpoints.
 *
 * <ul>
 *   <li>{@code GET /alarms} — alarms not normal (or every alarm with {@code all=true}); filters {@code group},
 *       {@code priority}, {@code state}, each a comma-separated list
 *   <li>{@code GET /alarms/{id}} — one alarm, by id or occurrence number
 *   <li>{@code POST /alarms/{id}/ack} (role operator), {@code /shelve}, {@code /unshelve}, {@code /out-of-service},
 *       {@code /return-to-service} (role engineer) — commands given by the logged-in user, with a JSON body
 *       holding {@code reason} and {@code minutes} where they apply
 *   <li>{@code GET /alarms/journal?since&until&limit} (default: the last 24 hours), {@code GET /alarms/kpi},
 *       {@code GET /alarms/engineer-call}, {@code GET /alarms/watch}, {@code POST /alarms/watch/start|reset|stop}
 * </ul>
 *
 * <p>The acting user is the authenticated one. A {@code user} field in the body (the reference runtime's
 * form) is refused with 400 unless it names that same user. Every POST command, refused ones included, is handed to
 * the {@link AuditTrail} if there is one.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern({"/alarms", "/alarms/*"})
@HttpWhiteboardServletName("vmsseaman-alarms")
public final class AlarmsServlet extends JsonServlet {
    private static final long serialVersionUID = 1L;

    private static final Set<String> COMMANDS =
            Set.of("ack", "shelve", "unshelve", "out-of-service", "return-to-service");
    private static final Set<String> WATCH_COMMANDS = Set.of("start", "reset", "stop");
    private static final int JOURNAL_DEFAULT_LIMIT = 1000;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile AlarmService alarms;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile AuditTrail auditTrail;

    private static String[] parts(HttpServletRequest req) {
        String path = req.getPathInfo();
        if (path == null || path.equals("/")) {
            return new String[0];
        }
        return path.substring(1).split("/", -1);
    }

    @Override
    Set<String> methods(HttpServletRequest req) {
        String[] p = parts(req);
        if (p.length == 2 && (p[0].equals("watch") ? WATCH_COMMANDS.contains(p[1]) : COMMANDS.contains(p[1]))) {
            return POST_ONLY;
        }
        return READ_ONLY;
    }

    @Override
    Set<String> parameters(HttpServletRequest req) {
        String[] p = parts(req);
        if (p.length == 0) {
            return Set.of("group", "priority", "state", "all");
        }
        if (p.length == 1 && p[0].equals("journal")) {
            return Set.of("since", "until", "limit");
        }
        return Set.of();
    }

    private AlarmService service() {
        AlarmService s = alarms;
        if (s == null) {
            throw new Unavailable("the alarm engine is not running");
        }
        return s;
    }

    @Override
    void get(HttpServletRequest req, HttpServletResponse resp) throws IOException, BadRequest {
        String[] p = parts(req);
        AlarmService s = service();
        if (p.length == 0) {
            list(s, req, resp);
            return;
        }
        if (p.length == 1) {
            switch (p[0]) {
                case "journal" -> {
                    HistoryQuery.Window w = HistoryQuery.window(req, Duration.ofHours(24), JOURNAL_DEFAULT_LIMIT);
                    ArrayNode out = Json.array();
                    s.journal(w.since(), w.until(), w.limit()).forEach(e -> out.add(event(e)));
                    Json.write(resp, 200, out);
                }
                case "kpi" -> Json.write(resp, 200, kpi(s.kpi()));
                case "engineer-call" -> Json.write(resp, 200, call(s.engineerCall()));
                case "watch" -> Json.write(resp, 200, watch(s.watch()));
                default ->
                    Json.write(
                            resp,
                            200,
                            alarm(s.alarm(p[0])
                                    .orElseThrow(() -> new NotFound("no alarm or open occurrence '" + p[0] + "'"))));
            }
            return;
        }
        throw new NotFound("no resource " + req.getRequestURI());
    }

    /**
     * Runs the command and records it in the audit trail: {@code alarm.<command>} with the alarm as target, or
     * {@code watch.<command>} (see {@link JsonServlet#audited}).
     */
    @Override
    void post(HttpServletRequest req, HttpServletResponse resp) throws IOException, BadRequest {
        String[] p = parts(req);
        boolean watch = p[0].equals("watch");
        audited(
                req,
                auditTrail,
                (watch ? "watch." : "alarm.") + p[1],
                watch ? null : p[0],
                () -> command(p, req, resp));
    }

    /** Runs a command; the id of the alarm it addressed, or null for the watch timer. */
    private String command(String[] p, HttpServletRequest req, HttpServletResponse resp)
            throws IOException, BadRequest {
        AlarmService s = service();
        ObjectNode body = body(req);
        String user = require(req, role(p), "POST " + req.getRequestURI()).user();
        String claimed = text(body, "user", false);
        if (claimed != null && !claimed.equals(user)) {
            throw new BadRequest(
                    "user", "\"user\" is taken from your login (" + user + "), not from the body; leave it out");
        }
        try {
            if (p[0].equals("watch")) {
                WatchTimer w =
                        switch (p[1]) {
                            case "start" -> s.startWatch(user);
                            case "reset" -> s.resetWatch(user);
                            default -> s.stopWatch(user);
                        };
                Json.write(resp, 200, watch(w));
                return null;
            }
            String id = p[0];
            Alarm a =
                    switch (p[1]) {
                        case "ack" -> s.acknowledge(id, user);
                        case "shelve" -> s.shelve(id, user, text(body, "reason", true), minutes(body));
                        case "unshelve" -> s.unshelve(id, user);
                        case "out-of-service" -> s.removeFromService(id, user, text(body, "reason", true));
                        default -> s.returnToService(id, user);
                    };
            Json.write(resp, 200, alarm(a));
            return a.id();
        } catch (AlarmCommandException e) {
            switch (e.reason()) {
                case NOT_FOUND -> throw new NotFound(e.getMessage());
                case CONFLICT -> throw new Conflict(e.getMessage());
                default -> throw new BadRequest("body", e.getMessage());
            }
        }
    }

    /** Acknowledging and the watch timer's start and reset need an operator; everything else an engineer. */
    private static org.vmsseaman.api.security.Role role(String[] p) {
        boolean operator = p[0].equals("watch") ? !p[1].equals("stop") : p[1].equals("ack");
        return operator ? org.vmsseaman.api.security.Role.OPERATOR : org.vmsseaman.api.security.Role.ENGINEER;
    }

    private static String text(ObjectNode body, String field, boolean required) throws BadRequest {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            if (required) {
                throw new BadRequest(field, "the request body needs \"" + field + "\" (a non-empty string)");
            }
            return null;
        }
        if (!n.isTextual() || n.asText().isBlank()) {
            throw new BadRequest(field, "\"" + field + "\" must be a non-empty string");
        }
        if (n.asText().length() > 500) {
            throw new BadRequest(field, "\"" + field + "\" is longer than 500 characters");
        }
        return n.asText().strip();
    }

    private static Duration minutes(ObjectNode body) throws BadRequest {
        JsonNode n = body.get("minutes");
        if (n == null || !n.isNumber() || !(n.asDouble() > 0) || n.asDouble() > 525_600) {
            throw new BadRequest("minutes", "the request body needs \"minutes\": how long to shelve, a number > 0");
        }
        return Duration.ofMillis(Math.round(n.asDouble() * 60_000));
    }

    private void list(AlarmService s, HttpServletRequest req, HttpServletResponse resp) throws IOException, BadRequest {
        boolean all = flag(req.getParameter("all"));
        List<Alarm> source = all ? s.all() : s.alarms();
        Predicate<Alarm> byGroup = filter(req, "group", Function.identity(), Alarm::group, () -> s.all().stream()
                .map(Alarm::group)
                .toList());
        Predicate<Alarm> byPriority = filter(
                req, "priority", AlarmPriority::label, Alarm::priority, () -> Arrays.asList(AlarmPriority.values()));
        Predicate<Alarm> byState =
                filter(req, "state", AlarmState::label, Alarm::state, () -> Arrays.asList(AlarmState.values()));
        ArrayNode out = Json.array();
        source.stream().filter(byGroup.and(byPriority).and(byState)).forEach(a -> out.add(alarm(a)));
        Json.write(resp, 200, out);
    }

    private static boolean flag(String v) throws BadRequest {
        if (v == null || v.isBlank() || v.equalsIgnoreCase("false")) {
            return false;
        }
        if (v.equalsIgnoreCase("true")) {
            return true;
        }
        throw new BadRequest("all", "all must be true or false, was '" + v + "'");
    }

    /**
     * A filter on a comma-separated list of labels; an unknown label is refused, naming the known ones
     * (asked for only when the parameter is given).
     */
    private static <T> Predicate<Alarm> filter(
            HttpServletRequest req,
            String name,
            Function<T, String> label,
            Function<Alarm, T> of,
            java.util.function.Supplier<java.util.Collection<T>> known)
            throws BadRequest {
        String v = req.getParameter(name);
        if (v == null || v.isBlank()) {
            return a -> true;
        }
        Set<String> labels = known.get().stream().map(label).collect(Collectors.toCollection(java.util.TreeSet::new));
        Set<String> wanted = new java.util.HashSet<>();
        for (String item : v.split(",")) {
            String w = item.trim().toLowerCase(Locale.ROOT);
            if (!labels.contains(w)) {
                throw new BadRequest(
                        name, "unknown " + name + " '" + item.trim() + "' (known: " + String.join(", ", labels) + ")");
            }
            wanted.add(w);
        }
        return a -> wanted.contains(label.apply(of.apply(a)));
    }

    static ObjectNode alarm(Alarm a) {
        ObjectNode n = Json.object();
        n.put("id", a.id());
        n.put("occurrence", a.occurrence() == 0 ? null : Long.toString(a.occurrence()));
        n.put("type", a.type().label());
        n.put("source", a.source());
        n.put("group", a.group());
        n.put("priority", a.priority().label());
        n.put("message", a.message());
        n.put("state", a.state().label());
        n.put("active", a.active());
        n.put("acknowledged", a.occurrence() != 0 && !a.state().isUnacknowledged());
        n.put("raisedAt", str(a.raisedAt()));
        n.set("value", Json.MAPPER.valueToTree(a.value()));
        n.put("acknowledgedAt", str(a.acknowledgedAt()));
        n.put("acknowledgedBy", a.acknowledgedBy());
        n.put("clearedAt", str(a.clearedAt()));
        if (a.escalatedFrom() != 0) {
            n.put("escalatedFrom", Long.toString(a.escalatedFrom()));
        }
        n.put("shelvedUntil", str(a.shelvedUntil()));
        n.put("serviceBy", a.serviceBy());
        n.put("serviceReason", a.serviceReason());
        return n;
    }

    static ObjectNode event(AlarmEvent e) {
        ObjectNode n = Json.object();
        n.put("seq", e.seq());
        n.put("time", e.time().toString());
        n.put("alarmId", e.alarmId());
        n.put("occurrence", e.occurrence() == 0 ? null : Long.toString(e.occurrence()));
        n.put("transition", e.transition().label());
        n.put("state", e.state() == null ? null : e.state().label());
        n.put("priority", e.priority() == null ? null : e.priority().label());
        n.set("value", Json.MAPPER.valueToTree(e.value()));
        n.put("user", e.user());
        n.put("detail", e.detail());
        if (e.related() != 0) {
            n.put("related", Long.toString(e.related()));
        }
        if (e.until() != null) {
            n.put("until", e.until().toString());
        }
        return n;
    }

    private static ObjectNode kpi(AlarmKpi k) {
        ObjectNode n = Json.object();
        n.put("time", k.time().toString());
        n.put("last10Minutes", k.last10Minutes());
        n.put("last24Hours", k.last24Hours());
        n.put("maxPer10Minutes", k.maxPer10Minutes());
        n.put("flood", k.flood());
        n.put("floodMinutes", k.floodMinutes());
        k.chattering().forEach(n.putArray("chattering")::add);
        k.standing().forEach(n.putArray("standing")::add);
        ArrayNode bad = n.putArray("topBadActors");
        k.topBadActors()
                .forEach(c -> bad.addObject().put("alarmId", c.alarmId()).put("activations", c.activations()));
        n.put("unacknowledged", k.unacknowledged());
        n.put("shelved", k.shelved());
        n.put("suppressed", k.suppressed());
        n.put("outOfService", k.outOfService());
        return n;
    }

    private static ObjectNode call(EngineerCall c) {
        ObjectNode n = Json.object();
        n.put("stage", c.stage().label());
        n.put("since", str(c.since()));
        ArrayNode causes = n.putArray("causes");
        c.causes().forEach(o -> causes.add(Long.toString(o)));
        return n;
    }

    private static ObjectNode watch(WatchTimer w) {
        ObjectNode n = Json.object();
        n.put("running", w.running());
        n.put("user", w.user());
        n.put("lastReset", str(w.lastReset()));
        n.put("prewarningAt", str(w.prewarningAt()));
        n.put("expiresAt", str(w.expiresAt()));
        n.put("prewarning", w.prewarning());
        n.put("expired", w.expired());
        return n;
    }

    private static String str(Instant t) {
        return t == null ? null : t.toString();
    }
}
