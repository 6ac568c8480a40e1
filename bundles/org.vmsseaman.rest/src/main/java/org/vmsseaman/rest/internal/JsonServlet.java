package org.vmsseaman.rest.internal;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Base of the read-only JSON endpoints: only GET (and HEAD), unknown query parameters refused with 400,
 * every failure answered as a JSON error and never as a stack trace.
 */
abstract class JsonServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient Logger logger = LoggerFactory.getLogger(getClass());

    /** Query parameters this endpoint accepts. */
    abstract Set<String> parameters(HttpServletRequest req);

    /** Answers a GET whose parameters were checked. */
    abstract void get(HttpServletRequest req, HttpServletResponse resp) throws IOException, BadRequest;

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        try {
            String method = req.getMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                resp.setHeader("Allow", "GET, HEAD");
                Json.error(
                        resp,
                        405,
                        "Method Not Allowed",
                        method + " is not supported on " + req.getRequestURI() + " (use GET)",
                        null);
                return;
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
            get(req, resp);
        } catch (BadRequest e) {
            Json.error(resp, 400, "Bad Request", e.getMessage(), e.parameter);
        } catch (NotFound e) {
            Json.error(resp, 404, "Not Found", e.getMessage(), null);
        } catch (RuntimeException e) {
            logger.error("{} {} failed", req.getMethod(), req.getRequestURI(), e);
            if (!resp.isCommitted()) {
                resp.reset();
                Json.error(
                        resp, 500, "Internal Server Error", "the server failed to answer; see the runtime log", null);
            }
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

    /** The addressed resource does not exist. */
    static final class NotFound extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotFound(String message) {
            super(message);
        }
    }
}
