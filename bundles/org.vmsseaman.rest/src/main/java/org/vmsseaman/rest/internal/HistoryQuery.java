package org.vmsseaman.rest.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.vmsseaman.api.historian.Aggregate;
import org.vmsseaman.api.historian.Bucket;
import org.vmsseaman.api.historian.Historian;
import org.vmsseaman.api.historian.Sample;
import org.vmsseaman.api.tag.TagDefinition;
import org.vmsseaman.rest.internal.JsonServlet.BadRequest;

/**
 * {@code GET /tags/{id}/history?since&until&limit&order&interval&agg}: raw samples (default: the last
 * hour, oldest first) or, with {@code interval}, aggregated buckets. The same parameters serve
 * {@code /history} (several tags) and, without {@code limit} and {@code order}, {@code /history/export}.
 */
final class HistoryQuery {

    /** Query parameters of the history endpoint. */
    static final Set<String> PARAMETERS = Set.of("since", "until", "limit", "order", "interval", "agg");

    static final int DEFAULT_LIMIT = 10_000;
    static final int MAX_LIMIT = 100_000;
    static final long MAX_BUCKETS = 100_000;
    private static final List<String> AGGREGATES = List.of("count", "avg", "min", "max", "first", "last", "good");

    private final Instant since;
    private final Instant until;
    private final int limit;
    private final boolean newestFirst;
    private final Duration interval;
    private final Set<String> aggregates;

    private HistoryQuery(HttpServletRequest req, Instant now) throws BadRequest {
        until = instant(req, "until", now);
        since = instant(req, "since", until.minus(Duration.ofHours(1)));
        if (since.isAfter(until)) {
            throw new BadRequest("since", "since (" + since + ") is after until (" + until + ")");
        }
        limit = limit(req.getParameter("limit"));
        newestFirst = order(req.getParameter("order"));
        interval = interval(req.getParameter("interval"));
        aggregates = aggregates(req.getParameter("agg"), interval != null);
        if (interval != null) {
            long buckets = Duration.between(since, until).toNanos() / interval.toNanos();
            if (buckets > MAX_BUCKETS) {
                throw new BadRequest(
                        "interval",
                        "interval " + interval + " makes " + buckets + " buckets between since" + " and until; at most "
                                + MAX_BUCKETS + " (use a longer interval or a shorter range)");
            }
        }
    }

    /** Parses and validates the request's parameters. */
    static HistoryQuery parse(HttpServletRequest req) throws BadRequest {
        return new HistoryQuery(req, Instant.now());
    }

    /** Runs the query and renders the answer. */
    ObjectNode run(Historian historian, TagDefinition tag) {
        if (interval == null) {
            return render(tag, historian.raw(tag.id(), since, until, limit, newestFirst));
        }
        return renderBuckets(tag, historian.aggregate(tag.id(), since, until, interval));
    }

    /** Runs the query for several tags in one historian call: {@code {since, until, tags: {id: answer}}}. */
    ObjectNode runAll(Historian historian, List<TagDefinition> tags) {
        List<String> ids = tags.stream().map(TagDefinition::id).toList();
        ObjectNode n = Json.object();
        n.put("since", since.toString());
        n.put("until", until.toString());
        ObjectNode byTag = n.putObject("tags");
        if (interval == null) {
            Map<String, List<Sample>> samples = historian.raw(ids, since, until, limit, newestFirst);
            tags.forEach(t -> byTag.set(t.id(), render(t, samples.getOrDefault(t.id(), List.of()))));
        } else {
            Map<String, List<Bucket>> buckets = historian.aggregate(ids, since, until, interval);
            tags.forEach(t -> byTag.set(t.id(), renderBuckets(t, buckets.getOrDefault(t.id(), List.of()))));
        }
        return n;
    }

    /** The most rows one tag can contribute: {@code limit} samples or the number of buckets. */
    long rowsPerTag() {
        return interval == null ? limit : Duration.between(since, until).toNanos() / interval.toNanos() + 1;
    }

    Instant since() {
        return since;
    }

    Instant until() {
        return until;
    }

    /** The bucket length, or null for raw samples. */
    Duration interval() {
        return interval;
    }

    /** The chosen aggregates as API constants. */
    Set<Aggregate> aggregates() {
        Set<Aggregate> result = EnumSet.noneOf(Aggregate.class);
        for (String a : aggregates) {
            result.add(a.equals("good") ? Aggregate.GOOD_SHARE : Aggregate.valueOf(a.toUpperCase(Locale.ROOT)));
        }
        return result;
    }

    private ObjectNode header(TagDefinition tag) {
        ObjectNode n = Json.object();
        n.put("tag", tag.id());
        n.put("unit", tag.unit());
        n.put("since", since.toString());
        n.put("until", until.toString());
        return n;
    }

    private ObjectNode render(TagDefinition tag, List<Sample> samples) {
        ObjectNode n = header(tag);
        n.put("order", newestFirst ? "desc" : "asc");
        n.put("limit", limit);
        n.put("count", samples.size());
        n.put("truncated", samples.size() == limit);
        ArrayNode out = n.putArray("samples");
        for (Sample s : samples) {
            ObjectNode o = out.addObject();
            o.put("time", Json.time(s.time()));
            o.set("value", Json.MAPPER.valueToTree(s.value()));
            o.put("quality", s.quality().level().name());
            o.put("qualityReason", s.quality().reason());
        }
        return n;
    }

    private ObjectNode renderBuckets(TagDefinition tag, List<Bucket> buckets) {
        ObjectNode n = header(tag);
        n.put("interval", interval.toString());
        ArrayNode out = n.putArray("buckets");
        for (Bucket b : buckets) {
            ObjectNode o = out.addObject();
            o.put("start", Json.time(b.start()));
            o.put("end", Json.time(b.end()));
            if (aggregates.contains("count")) o.put("count", b.count());
            if (aggregates.contains("avg")) o.put("avg", b.avg());
            if (aggregates.contains("min")) o.put("min", b.min());
            if (aggregates.contains("max")) o.put("max", b.max());
            if (aggregates.contains("first")) o.put("first", b.first());
            if (aggregates.contains("last")) o.put("last", b.last());
            if (aggregates.contains("good")) o.put("goodShare", b.goodShare());
        }
        return n;
    }

    static Instant instant(HttpServletRequest req, String name, Instant absent) throws BadRequest {
        String s = req.getParameter(name);
        if (s == null || s.isBlank()) {
            return absent;
        }
        try {
            return Instant.parse(s.trim());
        } catch (DateTimeParseException e) {
            throw new BadRequest(name, name + " '" + s + "' is not an ISO-8601 UTC time such as 2026-11-21T08:00:00Z");
        }
    }

    /** The {@code since}, {@code until} and {@code limit} of a journal-like query. */
    record Window(Instant since, Instant until, int limit) {}

    /**
     * {@code since} and {@code until} (default: the {@code back} before now) and {@code limit} (default
     * {@code defaultLimit}, at most {@value #MAX_LIMIT}) of a journal-like query such as {@code /alarms/journal}
     * and {@code /audit}.
     */
    static Window window(HttpServletRequest req, Duration back, int defaultLimit) throws BadRequest {
        Instant until = instant(req, "until", Instant.now());
        Instant since = instant(req, "since", until.minus(back));
        if (since.isAfter(until)) {
            throw new BadRequest("since", "since " + since + " is after until " + until);
        }
        String l = req.getParameter("limit");
        return new Window(since, until, l == null || l.isBlank() ? defaultLimit : limit(l));
    }

    static int limit(String s) throws BadRequest {
        if (s == null || s.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int n = Integer.parseInt(s.trim());
            if (n >= 1 && n <= MAX_LIMIT) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadRequest("limit", "limit must be a whole number from 1 to " + MAX_LIMIT + ", was '" + s + "'");
    }

    private static boolean order(String s) throws BadRequest {
        if (s == null || s.isBlank() || s.trim().equalsIgnoreCase("asc")) {
            return false;
        }
        if (s.trim().equalsIgnoreCase("desc")) {
            return true;
        }
        throw new BadRequest("order", "order must be 'asc' (oldest first) or 'desc' (newest first), was '" + s + "'");
    }

    /** An ISO-8601 duration (PT1M) or a number of seconds; at least one second. */
    private static Duration interval(String s) throws BadRequest {
        if (s == null || s.isBlank()) {
            return null;
        }
        Duration d;
        try {
            String t = s.trim().toUpperCase(Locale.ROOT);
            d = t.startsWith("P") ? Duration.parse(t) : Duration.ofMillis(Math.round(Double.parseDouble(t) * 1000));
        } catch (DateTimeParseException | NumberFormatException | ArithmeticException e) {
            throw new BadRequest(
                    "interval", "interval '" + s + "' is neither an ISO-8601 duration (PT1M) nor seconds (60)");
        }
        if (d.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new BadRequest("interval", "interval must be at least one second, was '" + s + "'");
        }
        return d;
    }

    private static Set<String> aggregates(String s, boolean bucketed) throws BadRequest {
        if (s == null || s.isBlank()) {
            return Set.copyOf(AGGREGATES);
        }
        if (!bucketed) {
            throw new BadRequest("agg", "agg needs interval (aggregates are computed per bucket)");
        }
        Set<String> chosen = new LinkedHashSet<>();
        for (String a : s.split(",")) {
            String name = a.trim().toLowerCase(Locale.ROOT);
            if (!AGGREGATES.contains(name)) {
                throw new BadRequest(
                        "agg",
                        "unknown aggregate '" + a.trim() + "' (expected any of " + String.join(", ", AGGREGATES) + ")");
            }
            chosen.add(name);
        }
        return chosen;
    }
}
