package org.vmsseaman.rest.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** An in-memory socket: records what is sent; completes sends at once or when told. */
final class TestTransport implements RealtimeTransport {

    private final boolean autoComplete;
    private final List<String> sent = new ArrayList<>();
    private final List<Integer> parts = new ArrayList<>();
    private Consumer<Throwable> inFlight;
    private int closeCode = -1;
    private int read;

    TestTransport(boolean autoComplete) {
        this.autoComplete = autoComplete;
    }

    @Override
    public void send(RealtimeMessage message, Consumer<Throwable> done) {
        synchronized (this) {
            sent.add(message.text());
            parts.add(message.parts());
            if (!autoComplete) {
                inFlight = done;
                return;
            }
        }
        done.accept(null);
    }

    @Override
    public synchronized void close(int code, String reason) {
        closeCode = code;
    }

    /** Completes the send in flight. */
    void complete() {
        Consumer<Throwable> d;
        synchronized (this) {
            d = inFlight;
            inFlight = null;
        }
        if (d == null) {
            throw new AssertionError("no send in flight");
        }
        d.accept(null);
    }

    /** The number of parts (frames) of every message sent so far. */
    synchronized List<Integer> parts() {
        return List.copyOf(parts);
    }

    synchronized boolean sending() {
        return inFlight != null;
    }

    synchronized int closeCode() {
        return closeCode;
    }

    /** Every message sent so far, parsed. */
    synchronized List<JsonNode> messages() {
        List<JsonNode> out = new ArrayList<>();
        for (String s : sent) {
            try {
                out.add(Json.MAPPER.readTree(s));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new AssertionError("not JSON: " + s, e);
            }
        }
        return out;
    }

    /** The messages sent since the last call. */
    synchronized List<JsonNode> fresh() {
        List<JsonNode> all = messages();
        List<JsonNode> out = all.subList(read, all.size());
        read = all.size();
        return out;
    }

    /** Waits until the transport was closed; returns the close code. */
    int awaitClose() {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (closeCode() == -1 && System.nanoTime() < deadline) {
            Thread.yield();
        }
        return closeCode();
    }

    /** Waits (polling, with a deadline) until a sent message matches; returns it. */
    JsonNode await(String what, Predicate<JsonNode> condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            for (JsonNode m : messages()) {
                if (condition.test(m)) {
                    return m;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no message " + what + " within 10 s; sent: " + messages());
            }
            Thread.onSpinWait();
            Thread.yield();
        }
    }
}
