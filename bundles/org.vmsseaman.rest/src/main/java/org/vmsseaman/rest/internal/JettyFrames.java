package org.vmsseaman.rest.internal;

import jakarta.websocket.Session;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.eclipse.jetty.ee10.websocket.jakarta.common.JakartaWebSocketSession;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.OpCode;

/**
 * Sends a {@link RealtimeMessage} on Jetty's WebSocket core session as one text message of one frame per
 * part, so the shared value chunks go to the socket as they are instead of being joined into a
 * {@code String} and encoded again for every connection. The jakarta API can only send whole strings.
 * Jetty is an optional import: without it this class does not load, and the caller sends text instead.
 */
final class JettyFrames {

    private JettyFrames() {}

    /**
     * Queues the frames of {@code message}; {@code done} is called once, after the last frame was written or
     * at the first failure.
     *
     * @return false if {@code session} is not a Jetty session (nothing was sent)
     */
    static boolean send(Session session, RealtimeMessage message, Consumer<Throwable> done) {
        if (!(session instanceof JakartaWebSocketSession jetty)) {
            return false;
        }
        CoreSession core = jetty.getCoreSession();
        int parts = message.parts();
        AtomicInteger left = new AtomicInteger(parts);
        Callback callback = Callback.from(
                () -> {
                    if (left.decrementAndGet() == 0) {
                        done.accept(null);
                    }
                },
                failure -> {
                    if (left.getAndSet(-1) > 0) {
                        done.accept(failure);
                    }
                });
        for (int i = 0; i < parts; i++) {
            byte opcode = i == 0 ? OpCode.TEXT : OpCode.CONTINUATION;
            core.sendFrame(new Frame(opcode, i == parts - 1, message.part(i)), callback, false);
        }
        return true;
    }
}
