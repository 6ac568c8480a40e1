package org.vmsseaman.rest.internal;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vmsseaman.api.security.AuditEntry;
import org.vmsseaman.api.security.AuditTrail;
import org.vmsseaman.api.security.Role;
import org.vmsseaman.api.security.UserSession;

/**
 * Base of the JSON endpoints: GET (and HEAD) unless a subclass accepts POST, PUT or DELETE, unknown query
 * parameters refused with 400, bodies read with bounds, every failure answered as a JSON error and never as
 * a stack trace. Every request needs the session the security bundle's preprocessor put into the request
 * (401 without one, so an endpoint stays closed even if that preprocessor is missing), except where
 * {@link #open} says otherwise; {@link #require} checks a role (403 naming it).
 */
abstract class JsonServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient Logger logger = LoggerFactory.getLogger(getClass());

    /** Query parameters this endpoint accepts. */
    abstract Set<String> parameters(HttpServletRequest req);

    /** Answers a GET whose parameters were checked. */
    abstract void get(HttpServletRequest req, HttpServletResponse resp) throws IOException, BadRequest;

    /** The methods the addressed resource accepts; GET and HEAD unless overridden. */
    Set<String> methods(HttpServletRequest req) {
        return READ_ONLY;
    }

    /** Answers a POST whose parameters were checked; only called where {@link #methods} has POST. */
    void post(HttpServletRequest req, HttpServletResponse resp) throws IOException, BadRequest {
        throw new IllegalStateException("POST not implemented");
    }

    /** Answers a PUT; only called where {@link #methods} has PUT. */
    void put(HttpServletRequest req, HttpServletResponse resp) throws IOException, BadRequest {
        throw new IllegalStateException("PUT not implemented");
    }

    /** Answers a DELETE; only called where {@link #methods} has DELETE. */
    void delete(HttpServletRequest req, HttpServletResponse resp) throws IOException, BadRequest {
        throw new IllegalStateException("DELETE not implemented");
    }

    /** Whether this request is answered without a session; only {@code GET /health} and the login are. */
    boolean open(HttpServletRequest req) {
        return false;
    }

    /** The authenticated session of the request, or null. */
    static UserSession session(HttpServletRequest req) {
        return req.getAttribute(UserSession.REQUEST_ATTRIBUTE) instanceof UserSession s ? s : null;
    }

    /** The request's session if its role includes {@code role}; otherwise a 403 naming the role. */
    static UserSession require(HttpServletRequest req, Role role, String what) {
        UserSession s = session(req);
        if (s == null) {
            throw new Unauthorized("authentication required");
        }
        if (!s.role().includes(role)) {
            throw new Forbidden(
                    role,
                    what + " needs role " + role.label() + " (you are " + s.user() + ", "
                            + s.role().label() + ")");
        }
        return s;
    }

    /** A state-changing command; returns its target as the audit trail should name it. */
    @FunctionalInterface
    interface Command {
        String run() throws IOException, BadRequest;
    }

    /**
     * Runs {@code command} and hands the outcome to {@code trail}: {@code SUCCESS}, {@code DENIED} (role) or
     * {@code FAILURE} with the error message, under the logged-in user and the client's address. A failure of
     * the trail is logged and never fails the command. A request without a session is not recorded: the
     * security bundle answers it before it gets here.
     *
     * @param target what the command addresses, recorded if the command fails before it returns its own
     */
    void audited(HttpServletRequest req, AuditTrail trail, String action, String target, Command command)
            throws IOException, BadRequest {
        String done;
        try {
            done = command.run();
        } catch (BadRequest | RuntimeException e) {
            boolean known = e instanceof BadRequest
                    || e instanceof Forbidden
                    || e instanceof NotFound
                    || e instanceof Conflict
                    || e instanceof Unavailable
                    || e instanceof Upstream;
            audit(
                    req,
                    trail,
                    action,
                    target,
                    e instanceof Forbidden ? AuditEntry.Outcome.DENIED : AuditEntry.Outcome.FAILURE,
                    known ? e.getMessage() : "server error: " + e.getClass().getSimpleName());
            throw e;
        }
        audit(req, trail, action, done, AuditEntry.Outcome.SUCCESS, null);
    }

    private void audit(
            HttpServletRequest req,
            AuditTrail trail,
            String action,
            String target,
            AuditEntry.Outcome outcome,
            String detail) {
        UserSession session = session(req);
        if (session == null) {
            return;
        }
        if (trail == null) {
            logger.warn("No audit trail: {} of {} by {} ({}) is not recorded", action, target, session.user(), outcome);
            return;
        }
        try {
            trail.append(new AuditEntry(
                    Instant.now(), session.user(), action, target, outcome, detail, req.getRemoteAddr()));
        } catch (RuntimeException failure) {
            logger.warn(
                    "Audit trail refused {} of {} by {} ({}): {}",
                    action,
                    target,
                    session.user(),
                    outcome,
                    failure.toString());
        }
    }

    static final Set<String> READ_ONLY = Set.of("GET", "HEAD");
    static final Set<String> POST_ONLY = Set.of("POST");
    static final Set<String> PUT_ONLY = Set.of("PUT");
    static final int MAX_BODY_BYTES = 16 * 1024;

    /**
     * The request body as a JSON object: {@code application/json}, at most {@value #MAX_BODY_BYTES}
     * bytes; an empty body is an empty object.
     */
    static com.fasterxml.jackson.databind.node.ObjectNode body(HttpServletRequest req) throws IOException, BadRequest {
        String type = req.getContentType();
        byte[] bytes = req.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
        if (bytes.length > MAX_BODY_BYTES) {
            throw new BadRequest("body", "the request body is larger than " + MAX_BODY_BYTES + " bytes");
        }
        if (bytes.length == 0) {
            return Json.object();
        }
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            throw new BadRequest(
                    "body",
                    "the request body must be JSON (Content-Type: application/json), got "
                            + (type == null ? "no Content-Type" : "'" + type + "'"));
        }
        com.fasterxml.jackson.databind.JsonNode node;
        try {
            node = Json.MAPPER.readTree(bytes);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            var at = e.getLocation();
            throw new BadRequest(
                    "body",
                    "the request body is not valid JSON"
                            + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")")
                            + ": " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new BadRequest("body", "the request body must be a JSON object");
        }
        return (com.fasterxml.jackson.databind.node.ObjectNode) node;
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        try {
            String method = req.getMethod();
            Set<String> allowed = methods(req);
            if (!allowed.contains(method)) {
                String list = String.join(", ", new java.util.TreeSet<>(allowed));
                resp.setHeader("Allow", list);
                Json.error(
                        resp,
                        405,
                        "Method Not Allowed",
                        method + " is not supported on " + req.getRequestURI() + " (use " + list + ")",
                        null);
                return;
            }
            if (!open(req) && session(req) == null) {
                throw new Unauthorized("authentication required: log in with POST /auth/login");
            }
            java.util.Map<String, String[]> parameters;
            try {
                parameters = req.getParameterMap();
            } catch (RuntimeException e) { // the container refuses a malformed query string (bad %-escape, bad UTF-8)
                throw new BadRequest(null, "malformed query string '" + req.getQueryString() + "': " + e.getMessage());
            }
            for (String name : parameters.keySet()) {
                Set<String> accepted = parameters(req);
                if (!accepted.contains(name)) {
                    throw new BadRequest(
                            name,
                            "unknown query parameter '" + name + "'"
                                    + (accepted.isEmpty()
                                            ? " (this endpoint takes none)"
                                            : " (accepted: " + String.join(", ", accepted) + ")"));
                }
            }
            switch (method) {
                case "POST" -> post(req, resp);
                case "PUT" -> put(req, resp);
                case "DELETE" -> delete(req, resp);
                default -> get(req, resp);
            }
        } catch (BadRequest
                | RuntimeException e) { // Unauthorized, Forbidden, NotFound, Conflict, Unavailable or a failure
            discardBody(req);
            fail(req, resp, e);
        }
    }

    private void fail(HttpServletRequest req, HttpServletResponse resp, Exception e) throws IOException {
        if (e instanceof BadRequest b) {
            Json.error(resp, 400, "Bad Request", b.getMessage(), b.parameter);
        } else if (e instanceof Unauthorized) {
            resp.setHeader("WWW-Authenticate", "Bearer realm=\"VMS Seaman\"");
            Json.error(resp, 401, "Unauthorized", e.getMessage(), null);
        } else if (e instanceof Forbidden f) {
            com.fasterxml.jackson.databind.node.ObjectNode body = Json.object();
            body.put("status", 403);
            body.put("error", "Forbidden");
            body.put("message", f.getMessage());
            body.put("role", f.role.label());
            Json.write(resp, 403, body);
        } else if (e instanceof NotFound) {
            Json.error(resp, 404, "Not Found", e.getMessage(), null);
        } else if (e instanceof Conflict) {
            Json.error(resp, 409, "Conflict", e.getMessage(), null);
        } else if (e instanceof Unavailable) {
            Json.error(resp, 503, "Service Unavailable", e.getMessage(), null);
        } else if (e instanceof Upstream u) {
            Json.error(resp, u.status, u.status == 504 ? "Gateway Timeout" : "Bad Gateway", e.getMessage(), null);
        } else {
            logger.error("{} {} failed", req.getMethod(), req.getRequestURI(), e);
            if (!resp.isCommitted()) {
                resp.reset();
                Json.error(
                        resp, 500, "Internal Server Error", "the server failed to answer; see the runtime log", null);
            }
        }
    }

    /**
     * Reads what is left of a small request body before an error is answered. Answering while the client is
     * still sending makes the container close the connection, and the client sees a broken pipe instead of
     * the answer. A body over {@value #MAX_BODY_BYTES} bytes is not read: that connection may close.
     */
    static void discardBody(HttpServletRequest req) {
        long length = req.getContentLengthLong();
        if (length == 0 || length > MAX_BODY_BYTES) {
            return;
        }
        try {
            req.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
        } catch (IOException | IllegalStateException e) {
            // already read as characters, or the client went away: nothing to wait for
        }
    }

    /** A client error in a query parameter. */
    static final class BadRequest extends Exception {
        private static final long serialVersionUID = 1L;
        final String parameter;

        BadRequest(String parameter, String message) {
            super(message);
            this.parameter = parameter;
        }
    }

    /** No valid credentials. */
    static final class Unauthorized extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unauthorized(String message) {
            super(message);
        }
    }

    /** Authenticated, but the role does not allow it. */
    static final class Forbidden extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient Role role;

        Forbidden(Role role, String message) {
            super(message);
            this.role = role;
        }
    }

    /** The addressed resource does not exist. */
    static final class NotFound extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotFound(String message) {
            super(message);
        }
    }

    /** The request conflicts with the resource's state. */
    static final class Conflict extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Conflict(String message) {
            super(message);
        }
    }

    /** A device behind the runtime failed (502) or did not answer in time (504). */
    static final class Upstream extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;

        Upstream(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    /** A service the endpoint needs is not running. */
    static final class Unavailable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unavailable(String message) {
            super(message);
        }
    }
}
