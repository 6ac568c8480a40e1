package org.vmsseaman.rest.internal;

import java.util.function.Consumer;

/** The socket under a realtime connection: asynchronous text sends and a close; a jakarta WebSocket session at runtime. */
interface RealtimeTransport {

    /**
     * Sends one text message without blocking (as one frame, or as one frame per part); {@code done} is
     * called once, with null on success or the failure, possibly on another thread.
     */
    void send(RealtimeMessage message, Consumer<Throwable> done);

    /** Closes the socket with a WebSocket close code and a short reason. Must not block for long. */
    void close(int code, String reason);
}
