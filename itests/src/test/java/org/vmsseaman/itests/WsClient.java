package org.vmsseaman.itests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real WebSocket client (the JDK's) on {@code /ws/realtime} that keeps every message it receives,
 * parsed. It takes one message at a time; {@link #pause()} stops taking (the JDK client then stops
 * reading the socket, so the server sees a client that does not read) until {@link #proceed()}.
 */
final class WsClient implements WebSocket.Listener {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final List<JsonNode> messages = new ArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    private final List<Integer> fragments = new ArrayList<>();
    private int fragmentsSoFar;
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private WebSocket socket;
    private boolean paused;
    private boolean withheld;

    private WsClient() {}

    /**
     * Connects to {@code ws://127.0.0.1:port/ws/realtime?query} with a session token (null: anonymously);
     * throws if refused (so waits retry).
     */
    static WsClient connect(Object port, String query, String token) {
        WsClient c = new WsClient();
        URI uri = URI.create("ws://127.0.0.1:" + port + "/ws/realtime" + (query.isEmpty() ? "" : "?" + query));
        try {
            WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
            if (token != null) {
                builder.header("Authorization", "Bearer " + token);
            }
            c.socket = builder.buildAsync(uri, c).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            String answer = e.getCause() instanceof java.net.http.WebSocketHandshakeException h
                    ? " (handshake answered " + h.getResponse().statusCode() + ")"
                    : "";
            throw new IllegalStateException("cannot connect to " + uri + ": " + e + answer, e);
        }
        return c;
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        boolean more;
        synchronized (this) {
            partial.append(data);
            fragmentsSoFar++;
            if (last) {
                fragments.add(fragmentsSoFar);
                fragmentsSoFar = 0;
                try {
                    messages.add(JSON.readTree(partial.toString()));
                } catch (IOException e) {
                    throw new AssertionError("the server sent no JSON: " + partial, e);
                }
                partial.setLength(0);
            }
            more = !paused;
            withheld = paused;
        }
        if (more) {
            webSocket.request(1);
        }
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.completeExceptionally(error);
    }

    void send(String text) {
        socket.sendText(text, true).join();
    }

    void sendBinary(byte[] data) {
        socket.sendBinary(java.nio.ByteBuffer.wrap(data), true).join();
    }

    /** Stops taking messages after the one being taken. */
    synchronized void pause() {
        paused = true;
    }

    /** Takes messages again. */
    void proceed() {
        boolean request;
        synchronized (this) {
            paused = false;
            request = withheld;
            withheld = false;
        }
        if (request) {
            socket.request(1);
        }
    }

    /** Drops the connection without a close handshake, as a network failure would. */
    void abort() {
        socket.abort();
    }

    void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
        socket.abort();
    }

    /** How many {@code onText} calls (at least one per frame) each message came in, in order. */
    synchronized List<Integer> fragments() {
        return List.copyOf(fragments);
    }

    synchronized List<JsonNode> messages() {
        return new ArrayList<>(messages);
    }

    synchronized int count() {
        return messages.size();
    }

    /** The close code the server sent, waiting at most {@code timeout}. */
    int awaitClose(Duration timeout) throws Exception {
        return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    boolean isClosed() {
        return closed.isDone();
    }

    /** Waits for a message matching {@code condition} (polling, with a deadline) and returns the first one. */
    JsonNode await(Duration timeout, String what, Predicate<JsonNode> condition) {
        JsonNode[] found = new JsonNode[1];
        Await.until(
                timeout,
                what,
                () -> {
                    for (JsonNode m : messages()) {
                        if (condition.test(m)) {
                            found[0] = m;
                            return true;
                        }
                    }
                    return false;
                },
                () -> "(received " + count() + " messages, last: " + last() + ")");
        return found[0];
    }

    private String last() {
        List<JsonNode> all = messages();
        if (all.isEmpty()) {
            return "none";
        }
        String s = all.get(all.size() - 1).toString();
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }

    static boolean type(JsonNode m, String type) {
        return m.path("type").asText().equals(type);
    }
}
