package org.vmsseaman.rest.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * One realtime client: its subscription, an outbox (values, alarm events in order, replies),
 * per-connection sequence numbers and a replay buffer. It outlives its socket for a while so that the
 * client can resume.
 *
 * <p>At most one send is in flight per connection ({@code busy}); values offered meanwhile wait as the
 * shared {@linkplain RealtimeValues.Chunk chunks} the hub rendered, in order, and go out as slices of
 * them (nothing is copied per connection). A client that falls more than {@code maxQueuedValues} values
 * behind is switched to coalescing: it gets the latest value per tag, so a slow client never holds up a
 * producer and its outbox stays bounded; once it has caught up it gets every value again. Drains run on
 * the host's executor, one chain per attached socket ({@code epoch}).
 *
 * <p>Locks: {@code out} (socket, sequence, replay) is taken before {@code in} (outbox), never the other
 * way; the fan-out takes only {@code in}, briefly.
 */
final class RealtimeConnection {

    /** What a connection needs from its hub. */
    interface Host {
        /** Renders a snapshot message of the connection's subscription. */
        String snapshot(RealtimeConnection c, long seq, Snapshot why);

        /** Runs a drain step. */
        void execute(Runnable task);
    }

    /** Why a snapshot is sent: {@code reason}, whether it answers a resume ({@code resumed} false) and why not. */
    record Snapshot(String reason, boolean resumeRefused, String message) {}

    final String id;
    private final Host host;
    private final RealtimeSettings settings;
    private volatile RealtimeSubscription subscription;

    private final Object out = new Object();
    // guarded by out
    private RealtimeTransport transport;
    private long epoch;
    private long seq;
    private final ReplayBuffer replay;
    private long replayNext = 1;
    private long replayLast;

    private final Object in = new Object();
    // guarded by in
    private long epochIn;
    private boolean attached;
    private boolean busy;
    private long sendStarted;
    private long detachedAt;
    private final ArrayDeque<RealtimeValues.Chunk> chunks = new ArrayDeque<>();
    private int chunkStart; // the first chunk's values before this one were sent
    private int queued; // values waiting in chunks
    private LinkedHashMap<String, Waiting> latest = new LinkedHashMap<>(); // coalescing: only while chunks is empty
    private final ArrayDeque<String> alarms = new ArrayDeque<>();
    private final ArrayDeque<ObjectNode> replies = new ArrayDeque<>();
    private Snapshot snapshotDue;
    private boolean heartbeatDue;
    private long coalesced;
    private long overflows;

    // touched only by the socket's reader (one message at a time)
    private long windowStart;
    private int windowCount;
    private int errors;

    RealtimeConnection(String id, Host host, RealtimeSettings settings, RealtimeSubscription subscription) {
        this.id = id;
        this.host = host;
        this.settings = settings;
        this.subscription = subscription;
        this.replay = new ReplayBuffer(settings.replayMessages(), settings.replayBytes());
    }

    RealtimeSubscription subscription() {
        return subscription;
    }

    // --- sockets

    /** Attaches a new client's socket: the first message is a snapshot of {@code why}. */
    void attach(RealtimeTransport t, Snapshot why) {
        long e;
        synchronized (out) {
            transport = t;
            e = ++epoch;
            synchronized (in) {
                attached(e);
                snapshotDue = why;
            }
        }
        host.execute(() -> drain(e));
    }

    /**
     * Attaches a reconnecting client's socket, which has received every message up to {@code lastSeq}:
     * the messages after it are sent again, then a {@code resumed} message, then what is new. An older
     * socket still attached is closed.
     *
     * @return false if the replay buffer no longer holds every missed message (nothing changes then)
     */
    boolean resume(RealtimeTransport t, long lastSeq) {
        RealtimeTransport old;
        long e;
        synchronized (out) {
            if (!replay.covers(lastSeq, seq)) {
                return false;
            }
            old = transport;
            transport = t;
            e = ++epoch;
            replayNext = lastSeq + 1;
            replayLast = seq;
            ObjectNode resumed = Json.object();
            resumed.put("connection", id);
            resumed.put("replayed", seq - lastSeq);
            synchronized (in) {
                attached(e);
                replies.addFirst(node("resumed", resumed));
            }
        }
        if (old != null) {
            old.close(1000, "resumed on another connection");
        }
        host.execute(() -> drain(e));
        return true;
    }

    /** A socket of epoch {@code e} is attached and its drain is about to start. Holds {@code in}. */
    private void attached(long e) {
        epochIn = e;
        attached = true;
        busy = true;
        sendStarted = 0;
        detachedAt = 0;
    }

    /** Forgets socket {@code t} if it is still the attached one; the state stays for a resume. */
    boolean detach(RealtimeTransport t, long nowNanos) {
        synchronized (out) {
            if (transport != t) {
                return false;
            }
            transport = null;
            long e = ++epoch;
            synchronized (in) {
                epochIn = e;
                attached = false;
                busy = false;
                sendStarted = 0;
                detachedAt = nowNanos;
            }
            return true;
        }
    }

    /** The attached socket; null while disconnected. */
    RealtimeTransport transport() {
        synchronized (out) {
            return transport;
        }
    }

    /** Whether the state was kept for a resume longer than {@code keepNanos}. */
    boolean expired(long nowNanos, long keepNanos) {
        synchronized (in) {
            return !attached && nowNanos - detachedAt > keepNanos;
        }
    }

    /** The attached socket if a send has been in flight for longer than {@code timeoutNanos}, else null. */
    RealtimeTransport stalled(long nowNanos, long timeoutNanos) {
        synchronized (in) {
            if (!attached || sendStarted == 0 || nowNanos - sendStarted <= timeoutNanos) {
                return null;
            }
        }
        return transport();
    }

    // --- what goes out

    /** Value {@code index} of a chunk, waiting in the coalescing outbox. */
    private record Waiting(RealtimeValues.Chunk chunk, int index) {}

    /** The most parts (frames) of one update message; more small slices are joined into one. */
    static final int MAX_PARTS = 16;

    private static final byte[] UPDATE_TAIL = "]}".getBytes(StandardCharsets.US_ASCII);

    /** New values of tags this connection subscribes to, in the order they were published. */
    void offerValues(RealtimeValues.Chunk chunk) {
        long e;
        synchronized (in) {
            if (latest.isEmpty() && queued + chunk.size() <= settings.maxQueuedValues()) {
                chunks.add(chunk);
                queued += chunk.size();
            } else {
                for (RealtimeValues.Chunk c : chunks) { // fallen behind: from now on the latest value per tag
                    for (int i = c == chunks.peekFirst() ? chunkStart : 0; i < c.size(); i++) {
                        coalesce(c, i);
                    }
                }
                clearChunks();
                for (int i = 0; i < chunk.size(); i++) {
                    coalesce(chunk, i);
                }
            }
            e = wake();
        }
        start(e);
    }

    /** Holds {@code in}. */
    private void coalesce(RealtimeValues.Chunk chunk, int index) {
        if (latest.put(chunk.ids()[index], new Waiting(chunk, index)) != null) {
            coalesced++;
        }
    }

    /** Holds {@code in}. */
    private void clearChunks() {
        chunks.clear();
        chunkStart = 0;
        queued = 0;
    }

    /** An alarm journal entry as JSON; never coalesced: on overflow the client gets a fresh snapshot instead. */
    void offerAlarm(String event) {
        long e;
        synchronized (in) {
            if (alarms.size() >= settings.alarmQueue()) {
                alarms.clear();
                overflows++;
                snapshotDue = new Snapshot(
                        "overflow",
                        false,
                        "more than " + settings.alarmQueue()
                                + " alarm events waited for this client; this snapshot replaces them");
            } else {
                alarms.add(event);
            }
            e = wake();
        }
        start(e);
    }

    /** Asks for a heartbeat (at most one waits). */
    void heartbeat() {
        long e;
        synchronized (in) {
            heartbeatDue = true;
            e = wake();
        }
        start(e);
    }

    /** Changes the subscription and sends a snapshot of the new one. */
    void subscribe(RealtimeSubscription s, String reason) {
        long e;
        synchronized (in) {
            subscription = s;
            snapshotDue = new Snapshot(reason, false, null);
            e = wake();
        }
        start(e);
    }

    /**
     * Queues a reply ({@code pong}, {@code error}).
     *
     * @return false if too many replies wait: the client does not read them
     */
    boolean reply(String type, ObjectNode fields) {
        long e;
        synchronized (in) {
            if (replies.size() >= settings.controlQueue()) {
                return false;
            }
            replies.add(node(type, fields));
            e = wake();
        }
        start(e);
        return true;
    }

    /** Values replaced by newer ones before they were sent, so far. */
    long coalesced() {
        synchronized (in) {
            return coalesced;
        }
    }

    /** The epoch to start a drain for, or 0 if a drain runs already or no socket is attached. Holds {@code in}. */
    private long wake() {
        if (!attached || busy) {
            return 0;
        }
        busy = true;
        return epochIn;
    }

    private void start(long e) {
        if (e != 0) {
            host.execute(() -> drain(e));
        }
    }

    /** Sends the next message of socket epoch {@code e}, if any; called on the host's executor. */
    void drain(long e) {
        RealtimeTransport t;
        RealtimeMessage text;
        synchronized (out) {
            if (e != epoch) {
                return; // the socket changed: its own chain runs
            }
            t = transport;
            if (replayNext <= replayLast) {
                text = replay.get(replayNext++);
            } else {
                LongFunction<RealtimeMessage> next;
                synchronized (in) {
                    next = take();
                    if (next == null) {
                        busy = false;
                        return;
                    }
                }
                text = next.apply(seq + 1);
                seq++;
                replay.add(seq, text);
            }
        }
        synchronized (in) {
            sendStarted = Math.max(1, System.nanoTime());
        }
        t.send(text, error -> sent(e, t, error));
    }

    private void sent(long e, RealtimeTransport t, Throwable error) {
        synchronized (in) {
            if (e != epochIn) {
                return;
            }
            sendStarted = 0;
        }
        if (error != null) {
            if (detach(t, System.nanoTime())) {
                t.close(1011, "send failed");
            }
            return;
        }
        host.execute(() -> drain(e));
    }

    /** The next message to send as a function of its sequence number; null if there is none. Holds {@code in}. */
    private LongFunction<RealtimeMessage> take() {
        if (snapshotDue != null) {
            Snapshot why = snapshotDue;
            snapshotDue = null;
            // the snapshot reads newer values; later ones follow as updates. Alarm events that came after an
            // overflow stay queued: the snapshot may show their effect already, but they are never dropped.
            clearChunks();
            latest = new LinkedHashMap<>();
            return s -> RealtimeMessage.of(host.snapshot(this, s, why));
        }
        ObjectNode reply = replies.poll();
        if (reply != null) {
            return s -> render(reply, s);
        }
        if (heartbeatDue) {
            heartbeatDue = false;
            ObjectNode h = node("heartbeat", Json.object());
            h.put("time", Instant.now().toString());
            h.put("coalesced", coalesced);
            h.put("pending", queued + latest.size());
            h.put("overflows", overflows);
            return s -> render(h, s);
        }
        String event = alarms.poll();
        if (event != null) {
            return s -> RealtimeMessage.of("{\"type\":\"alarm\",\"seq\":" + s + ",\"event\":" + event + "}");
        }
        List<RealtimeMessage.Slice> body = latest.isEmpty() ? takeQueued() : takeLatest();
        if (body == null) {
            return null;
        }
        return s -> RealtimeMessage.of(
                ("{\"type\":\"update\",\"seq\":" + s + ",\"values\":[").getBytes(StandardCharsets.US_ASCII),
                body,
                UPDATE_TAIL);
    }

    /** The next values in order as slices of their chunks; null if none wait. Holds {@code in}. */
    private List<RealtimeMessage.Slice> takeQueued() {
        if (queued == 0) {
            return null;
        }
        List<RealtimeMessage.Slice> body = new ArrayList<>();
        int left = settings.maxValuesPerMessage();
        while (left > 0 && !chunks.isEmpty()) {
            RealtimeValues.Chunk c = chunks.peekFirst();
            int to = Math.min(c.size(), chunkStart + left);
            body.add(c.slice(chunkStart, to, body.isEmpty()));
            left -= to - chunkStart;
            queued -= to - chunkStart;
            if (to == c.size()) {
                chunks.pollFirst();
                chunkStart = 0;
            } else {
                chunkStart = to;
            }
        }
        return body.size() <= MAX_PARTS ? body : List.of(RealtimeMessage.join(body));
    }

    /** The latest values of the tags that wait longest, copied together; null if none wait. Holds {@code in}. */
    private List<RealtimeMessage.Slice> takeLatest() {
        if (latest.isEmpty()) {
            return null;
        }
        List<RealtimeMessage.Slice> body = new ArrayList<>(Math.min(latest.size(), settings.maxValuesPerMessage()));
        Iterator<Map.Entry<String, Waiting>> it = latest.entrySet().iterator();
        while (it.hasNext() && body.size() < settings.maxValuesPerMessage()) {
            Waiting w = it.next().getValue();
            it.remove();
            body.add(w.chunk().slice(w.index(), w.index() + 1, body.isEmpty()));
        }
        return List.of(RealtimeMessage.join(body));
    }

    private static ObjectNode node(String type, ObjectNode fields) {
        ObjectNode n = Json.object();
        n.put("type", type);
        n.put("seq", 0L);
        n.setAll(fields);
        return n;
    }

    private static RealtimeMessage render(ObjectNode n, long seq) {
        n.put("seq", seq);
        try {
            return RealtimeMessage.of(Json.MAPPER.writeValueAsString(n));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    // --- what comes in (one message at a time, on the socket's reader)

    /** Counts a client message; false if the client sent more than its rate allows. */
    boolean admit(long nowNanos) {
        if (nowNanos - windowStart > 1_000_000_000L) {
            windowStart = nowNanos;
            windowCount = 0;
        }
        return ++windowCount <= settings.maxMessagesPerSecond();
    }

    /** Counts a refused client message; false once the client has sent too many. */
    boolean refused() {
        return ++errors < settings.maxErrors();
    }
}
