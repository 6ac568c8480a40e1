package org.vmsseaman.rest.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vmsseaman.api.alarm.AlarmEvent;
import org.vmsseaman.api.alarm.AlarmListener;
import org.vmsseaman.api.alarm.AlarmService;
import org.vmsseaman.api.tag.TagDefinition;
import org.vmsseaman.api.tag.TagValue;
import org.vmsseaman.api.tagstore.Subscription;
import org.vmsseaman.api.tagstore.SubscriptionOptions;
import org.vmsseaman.api.tagstore.TagStore;

/**
 * The realtime connections behind {@code /ws/realtime}: one coalescing tag store subscription (taken
 * while any connection exists) whose values are rendered to JSON once and fanned out into each
 * connection's latest-value outbox; alarm events from the alarm engine's listener whiteboard; client
 * messages; heartbeats; the resume window. Sends run on two sender threads and never wait for a client.
 */
@Component(
        service = {RealtimeHub.class, AlarmListener.class},
        configurationPid = RealtimeHub.PID,
        reference =
                @Reference(
                        name = RealtimeHub.ALARMS,
                        service = AlarmService.class,
                        cardinality = ReferenceCardinality.OPTIONAL,
                        policy = ReferencePolicy.DYNAMIC))
@Designate(ocd = RealtimeConfig.class)
public final class RealtimeHub implements AlarmListener, RealtimeConnection.Host {

    /** Configuration PID. */
    public static final String PID = "org.vmsseaman.rest.realtime";

    static final String ALARMS = "alarms";

    private final Logger logger = LoggerFactory.getLogger(RealtimeHub.class);
    private final TagStore tagStore;
    private final RealtimeSettings settings;
    private final int maxTextMessageBytes;
    private final ScheduledExecutorService timer;
    private final ExecutorService senders;
    private final ExecutorService closer;
    private final Map<String, RealtimeConnection> connections = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private volatile RealtimeConnection[] fanOut = new RealtimeConnection[0];
    private Subscription subscription; // guarded by this

    /** The alarm engine for the snapshots' active alarms, or null while it is not running. */
    private final Supplier<AlarmService> alarmService;

    /**
     * The alarm service is looked up (DS lookup strategy) only when a snapshot is rendered: a bound
     * reference would close a cycle, since the alarm service itself binds this hub as an AlarmListener.
     */
    @Activate
    public RealtimeHub(@Reference TagStore tagStore, RealtimeConfig config, ComponentContext context) {
        this(tagStore, RealtimeSettings.from(config), config.maxTextMessageBytes(), () ->
                (AlarmService) context.locateService(ALARMS));
    }

    /** A hub outside an OSGi framework (tests, benchmarks); {@link #close()} stops it. */
    RealtimeHub(
            TagStore tagStore,
            RealtimeSettings settings,
            int maxTextMessageBytes,
            Supplier<AlarmService> alarmService) {
        this.tagStore = tagStore;
        this.alarmService = alarmService;
        this.settings = settings;
        this.maxTextMessageBytes = maxTextMessageBytes;
        this.timer = Executors.newSingleThreadScheduledExecutor(threads("realtime-timer"));
        this.senders = Executors.newFixedThreadPool(2, threads("realtime-send"));
        this.closer = Executors.newSingleThreadExecutor(threads("realtime-close"));
        timer.scheduleAtFixedRate(
                this::heartbeats, settings.heartbeatSeconds(), settings.heartbeatSeconds(), TimeUnit.SECONDS);
        timer.scheduleAtFixedRate(this::housekeeping, 1, 1, TimeUnit.SECONDS);
    }

    private static ThreadFactory threads(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Connections open or inside their resume window. */
    public int connectionCount() {
        return connections.size();
    }

    @Deactivate
    void close() {
        timer.shutdownNow();
        synchronized (this) {
            if (subscription != null) {
                subscription.close();
                subscription = null;
            }
        }
        for (RealtimeConnection c : connections.values()) {
            RealtimeTransport t = c.transport();
            if (t != null && c.detach(t, System.nanoTime())) {
                closer.execute(() -> t.close(1001, "server stopping"));
            }
        }
        connections.clear();
        fanOut = new RealtimeConnection[0];
        senders.shutdown();
        closer.shutdown();
        try {
            closer.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closer.shutdownNow();
        senders.shutdownNow();
    }

    int maxTextMessageBytes() {
        return maxTextMessageBytes;
    }

    int heartbeatSeconds() {
        return settings.heartbeatSeconds();
    }

    int sendTimeoutSeconds() {
        return settings.sendTimeoutSeconds();
    }

    /** Open or kept connections. */
    int connections() {
        return connections.size();
    }

    // --- sockets

    /**
     * A socket opened with these query parameters: a new connection, or with {@code resume} and
     * {@code seq} the connection it resumes.
     *
     * @return the connection, or null if refused (the socket is being closed)
     */
    RealtimeConnection open(RealtimeTransport t, Map<String, List<String>> parameters) {
        String resume = first(parameters, "resume");
        String seq = first(parameters, "seq");
        RealtimeConnection.Snapshot why = new RealtimeConnection.Snapshot("connect", false, null);
        List<String> problems = new ArrayList<>();
        for (String name : parameters.keySet()) {
            if (!name.equals("resume") && !name.equals("seq")) {
                problems.add("unknown query parameter '" + name + "' (accepted: resume, seq)");
            }
        }
        RealtimeConnection c;
        synchronized (this) {
            if (resume != null || seq != null) {
                long last = seq == null || !seq.matches("\\d{1,18}") ? -1 : Long.parseLong(seq);
                RealtimeConnection old = resume == null ? null : connections.get(resume);
                if (old != null && last >= 0 && old.resume(t, last)) {
                    logger.debug("realtime connection {} resumed after seq {}", old.id, last);
                    return old;
                }
                String note;
                if (resume == null) {
                    note = "seq without resume: give both, ?resume=<connection>&seq=<last seq>";
                } else if (old == null) {
                    note = "no connection '" + shorten(resume) + "' to resume (unknown or expired)";
                } else if (last < 0) {
                    note = "seq must be the sequence number of the last message received, was '" + shorten(seq) + "'";
                } else {
                    note = "the messages after seq " + last + " of connection " + old.id + " are no longer kept";
                }
                if (old != null && last >= 0) {
                    remove(old); // it cannot be resumed any more
                }
                why = new RealtimeConnection.Snapshot("resume", true, note);
            }
            if (connections.size() >= settings.maxConnections()) {
                logger.warn("realtime connection refused: {} connections already", connections.size());
                closer.execute(() -> t.close(1013, "too many connections"));
                return null;
            }
            c = new RealtimeConnection(newId(), this, settings, RealtimeSubscription.everything(this::systemOf));
            connections.put(c.id, c);
            changed();
        }
        c.attach(t, why);
        for (String p : problems) {
            reply(c, "error", error(null, p));
        }
        return c;
    }

    /** Socket {@code t} of connection {@code c} closed; the state is kept for a resume. */
    void closed(RealtimeConnection c, RealtimeTransport t) {
        c.detach(t, System.nanoTime());
    }

    // --- client messages

    /** A text message from the client of {@code c}; called on its socket's reader, one at a time. */
    void receive(RealtimeConnection c, String text) {
        if (!c.admit(System.nanoTime())) {
            close(c, 1008, "more than " + settings.maxMessagesPerSecond() + " messages per second");
            return;
        }
        RealtimeRequest r;
        try {
            r = RealtimeRequest.parse(text, settings.maxSubscriptions());
        } catch (JsonServlet.BadRequest e) {
            refuse(c, e.parameter, e.getMessage());
            return;
        }
        switch (r.type()) {
            case RealtimeRequest.PING -> {
                ObjectNode pong = Json.object();
                if (r.id() != null) {
                    pong.set("id", r.id());
                }
                reply(c, "pong", pong);
            }
            case RealtimeRequest.SUBSCRIBE -> {
                Set<String> known = new TreeSet<>();
                tagStore.definitions().forEach(d -> known.add(d.system()));
                for (String g : r.groups()) {
                    if (!known.contains(g)) {
                        refuse(c, "groups", "unknown group '" + g + "' (known: " + String.join(", ", known) + ")");
                        return;
                    }
                }
                RealtimeSubscription s = c.subscription().plus(r.tags(), r.groups(), r.replace());
                if (s.size() > settings.maxSubscriptions()) {
                    refuse(
                            c,
                            "tags",
                            "too many subscriptions: at most " + settings.maxSubscriptions()
                                    + " tag patterns and groups per connection, this would make " + s.size());
                    return;
                }
                c.subscribe(s, "subscribe");
            }
            default -> c.subscribe(c.subscription().minus(r.tags(), r.groups()), "unsubscribe");
        }
    }

    /** A binary message: the protocol has none, so the connection is closed with 1003 (unsupported data). */
    void refuseBinary(RealtimeConnection c) {
        close(c, 1003, "binary messages are not accepted");
    }

    private void refuse(RealtimeConnection c, String field, String message) {
        if (!c.refused()) {
            close(c, 1008, "too many refused messages");
            return;
        }
        reply(c, "error", error(field, message));
    }

    private static ObjectNode error(String field, String message) {
        ObjectNode n = Json.object();
        n.put("message", message);
        if (field != null) {
            n.put("field", field);
        }
        return n;
    }

    private void reply(RealtimeConnection c, String type, ObjectNode fields) {
        if (!c.reply(type, fields)) {
            close(c, 1008, "the client does not read its replies");
        }
    }

    private void close(RealtimeConnection c, int code, String reason) {
        RealtimeTransport t = c.transport();
        if (t != null && c.detach(t, System.nanoTime())) {
            logger.debug("realtime connection {} closed ({} {})", c.id, code, reason);
            closer.execute(() -> t.close(code, reason));
        }
    }

    // --- what goes out

    /**
     * New values from the tag store: the values any connection subscribes to are rendered once into one
     * chunk, which every connection subscribed to everything shares; a narrower subscription gets a chunk of
     * its values, made once per subscription.
     */
    void onBatch(List<TagValue> batch) {
        RealtimeConnection[] targets = fanOut;
        int n = batch.size();
        if (targets.length == 0 || n == 0) {
            return;
        }
        boolean everything = false;
        boolean[] any = null; // values some narrower subscription takes
        Map<RealtimeSubscription, boolean[]> narrower = new IdentityHashMap<>();
        RealtimeSubscription[] subscriptions = new RealtimeSubscription[targets.length];
        for (int t = 0; t < targets.length; t++) {
            RealtimeSubscription s = targets[t].subscription();
            subscriptions[t] = s; // read once: a subscription changed meanwhile starts with a snapshot anyway
            if (s.everything()) {
                everything = true;
            } else if (!narrower.containsKey(s)) {
                boolean[] takes = new boolean[n];
                any = any == null ? new boolean[n] : any;
                for (int i = 0; i < n; i++) {
                    takes[i] = s.matches(batch.get(i).tagId());
                    any[i] |= takes[i];
                }
                narrower.put(s, takes);
            }
        }
        RealtimeValues.Chunk base = RealtimeValues.render(batch, everything ? null : any);
        if (base.size() == 0) {
            return;
        }
        Map<RealtimeSubscription, RealtimeValues.Chunk> chunks = new IdentityHashMap<>();
        for (int t = 0; t < targets.length; t++) {
            RealtimeSubscription s = subscriptions[t];
            RealtimeValues.Chunk chunk = s.everything() ? base : chunks.get(s);
            if (chunk == null) {
                chunk = base.select(everything ? narrower.get(s) : within(narrower.get(s), any));
                chunks.put(s, chunk);
            }
            if (chunk.size() > 0) {
                targets[t].offerValues(chunk);
            }
        }
    }

    /** {@code takes} (over a batch) over the values {@code rendered} of the batch picks out. */
    private static boolean[] within(boolean[] takes, boolean[] rendered) {
        int n = 0;
        for (boolean r : rendered) {
            n += r ? 1 : 0;
        }
        boolean[] out = new boolean[n];
        int j = 0;
        for (int i = 0; i < takes.length; i++) {
            if (rendered[i]) {
                out[j++] = takes[i];
            }
        }
        return out;
    }

    @Override
    public void onAlarmEvents(List<AlarmEvent> events) {
        RealtimeConnection[] targets = fanOut;
        if (targets.length == 0) {
            return;
        }
        for (AlarmEvent e : events) {
            String json;
            try {
                json = Json.MAPPER.writeValueAsString(AlarmsServlet.event(e));
            } catch (JsonProcessingException x) {
                throw new IllegalStateException(x);
            }
            for (RealtimeConnection c : targets) {
                c.offerAlarm(json);
            }
        }
    }

    @Override
    public String snapshot(RealtimeConnection c, long seq, RealtimeConnection.Snapshot why) {
        RealtimeSubscription s = c.subscription();
        ObjectNode n = Json.object();
        n.put("type", "snapshot");
        n.put("seq", seq);
        n.put("connection", c.id);
        n.put("reason", why.reason());
        if (why.resumeRefused()) {
            n.put("resumed", false);
        }
        if (why.message() != null) {
            n.put("message", why.message());
        }
        n.put("time", Instant.now().toString());
        n.put("heartbeatSeconds", settings.heartbeatSeconds());
        ObjectNode sub = n.putObject("subscription");
        s.tags().forEach(sub.putArray("tags")::add);
        s.groups().forEach(sub.putArray("groups")::add);
        ArrayNode tags = n.putArray("tags");
        List<TagDefinition> defs = new ArrayList<>();
        for (TagDefinition d : tagStore.definitions()) {
            if (s.matches(d.id())) {
                defs.add(d);
            }
        }
        defs.sort(Comparator.comparing(TagDefinition::id));
        for (TagDefinition d : defs) {
            tags.add(Json.tag(d, tagStore.get(d.id()).orElse(null)));
        }
        AlarmService a = alarmService.get();
        n.put("alarmsRunning", a != null);
        ArrayNode alarms = n.putArray("alarms");
        if (a != null) {
            a.alarms().forEach(x -> alarms.add(AlarmsServlet.alarm(x)));
        }
        try {
            return Json.MAPPER.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void execute(Runnable task) {
        try {
            senders.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    logger.error("realtime send failed", e);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException stopping) {
            // the hub is closing: nothing more is sent
        }
    }

    // --- housekeeping

    private void heartbeats() {
        for (RealtimeConnection c : fanOut) {
            if (c.transport() != null) {
                c.heartbeat();
            }
        }
    }

    private void housekeeping() {
        long now = System.nanoTime();
        long keep = TimeUnit.SECONDS.toNanos(settings.resumeSeconds());
        long timeout = TimeUnit.SECONDS.toNanos(settings.sendTimeoutSeconds());
        for (RealtimeConnection c : fanOut) {
            RealtimeTransport stalled = c.stalled(now, timeout);
            if (stalled != null && c.detach(stalled, now)) {
                logger.debug("realtime connection {} takes no data: disconnected", c.id);
                closer.execute(() -> stalled.close(1008, "no data taken for " + settings.sendTimeoutSeconds() + " s"));
            } else if (c.expired(now, keep)) {
                synchronized (this) {
                    remove(c);
                }
            }
        }
    }

    /** Holds this. */
    private void remove(RealtimeConnection c) {
        if (connections.remove(c.id, c)) {
            RealtimeTransport t = c.transport();
            if (t != null && c.detach(t, System.nanoTime())) {
                closer.execute(() -> t.close(1000, "connection state dropped"));
            }
            changed();
        }
    }

    /** Holds this: the fan-out list and the tag store subscription follow the connections. */
    private void changed() {
        fanOut = connections.values().toArray(RealtimeConnection[]::new);
        if (fanOut.length > 0 && subscription == null) {
            subscription = tagStore.subscribe(this::onBatch, SubscriptionOptions.coalescing("websocket"));
        } else if (fanOut.length == 0 && subscription != null) {
            subscription.close();
            subscription = null;
        }
    }

    private String systemOf(String tagId) {
        return tagStore.definition(tagId).map(TagDefinition::system).orElse(null);
    }

    private String newId() {
        byte[] b = new byte[16];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static String first(Map<String, List<String>> parameters, String name) {
        List<String> v = parameters.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    private static String shorten(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "...";
    }
}
