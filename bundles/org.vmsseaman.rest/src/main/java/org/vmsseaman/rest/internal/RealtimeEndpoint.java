package org.vmsseaman.rest.internal;

import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.util.function.Consumer;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vmsseaman.api.security.SecurityService;

/**
 * {@code /ws/realtime}: the jakarta WebSocket endpoint, registered on pax-web's whiteboard (a service
 * with {@code org.ops4j.pax.web.http.whiteboard.websocket=true} whose class carries
 * {@link ServerEndpoint}; pax-web uses this one instance for every session). It only adapts sessions to
 * the {@link RealtimeHub}; the protocol is in WEBSOCKET.md.
 */
@Component(service = RealtimeEndpoint.class, property = RealtimeEndpoint.WHITEBOARD_WEBSOCKET + "=true")
@ServerEndpoint("/ws/realtime")
public final class RealtimeEndpoint {

    /** pax-web's whiteboard property marking a WebSocket endpoint service. */
    static final String WHITEBOARD_WEBSOCKET = "org.ops4j.pax.web.http.whiteboard.websocket";

    private static final String CONNECTION = "vmsseaman.realtime.connection";
    private static final String TRANSPORT = "vmsseaman.realtime.transport";

    private final Logger logger = LoggerFactory.getLogger(RealtimeEndpoint.class);
    private final RealtimeHub hub;

    /**
     * The security bundle's preprocessor authenticates the upgrade request before it gets here. Without the
     * security service that check may be missing, so every connection is refused: the stream fails closed.
     */
    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile SecurityService security;

    @Activate
    public RealtimeEndpoint(@Reference RealtimeHub hub) {
        this.hub = hub;
    }

    @OnOpen
    public void open(Session session) {
        if (security == null) {
            try {
                session.close(new CloseReason(
                        CloseReason.CloseCodes.VIOLATED_POLICY, "authentication is not available: connection refused"));
            } catch (IOException e) {
                logger.debug("closing an unauthenticated realtime session failed", e);
            }
            return;
        }
        session.setMaxTextMessageBufferSize(hub.maxTextMessageBytes());
        session.setMaxBinaryMessageBufferSize(1024);
        session.setMaxIdleTimeout(1000L * Math.max(hub.sendTimeoutSeconds(), 3 * hub.heartbeatSeconds()));
        SessionTransport t = new SessionTransport(session);
        RealtimeConnection c = hub.open(t, session.getRequestParameterMap());
        if (c != null) {
            session.getUserProperties().put(TRANSPORT, t);
            session.getUserProperties().put(CONNECTION, c);
        }
    }

    @OnMessage
    public void message(Session session, String text) {
        if (session.getUserProperties().get(CONNECTION) instanceof RealtimeConnection c) {
            hub.receive(c, text);
        }
    }

    @OnMessage
    public void binary(Session session, java.nio.ByteBuffer data) {
        if (session.getUserProperties().get(CONNECTION) instanceof RealtimeConnection c) {
            hub.refuseBinary(c);
        }
    }

    @OnClose
    public void close(Session session, CloseReason reason) {
        if (session.getUserProperties().get(CONNECTION) instanceof RealtimeConnection c
                && session.getUserProperties().get(TRANSPORT) instanceof SessionTransport t) {
            hub.closed(c, t);
        }
    }

    @OnError
    public void error(Session session, Throwable failure) {
        logger.debug("realtime session {} failed", session.getId(), failure);
    }

    /** A jakarta session as the hub's transport. */
    private record SessionTransport(Session session) implements RealtimeTransport {

        @Override
        public void send(RealtimeMessage message, Consumer<Throwable> done) {
            try {
                if (!jettyFrames(message, done)) {
                    session.getAsyncRemote()
                            .sendText(message.text(), r -> done.accept(r.isOK() ? null : r.getException()));
                }
            } catch (RuntimeException e) {
                done.accept(e);
            }
        }

        /** Sends through Jetty's core session if this is Jetty (an optional import); false if not. */
        private boolean jettyFrames(RealtimeMessage message, Consumer<Throwable> done) {
            try {
                return JettyFrames.send(session, message, done);
            } catch (LinkageError noJetty) {
                return false;
            }
        }

        @Override
        public void close(int code, String reason) {
            try {
                session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(code), reason));
            } catch (IOException | RuntimeException e) {
                LoggerFactory.getLogger(RealtimeEndpoint.class).debug("closing realtime session failed", e);
            }
        }
    }
}
