package org.vmsseaman.security.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.Preprocessor;
import org.vmsseaman.api.security.AuthenticationException;
import org.vmsseaman.api.security.Role;
import org.vmsseaman.api.security.SecurityService;
import org.vmsseaman.api.security.UserSession;

/**
 * Authenticates every HTTP request before any servlet context sees it (a whiteboard {@link Preprocessor}
 * applies to all contexts: REST, WebSocket, HMI files and the Web Console). Only {@code GET /health} and
 * {@code POST /auth/login} pass without credentials; {@code /system/console} needs an administrator. The
 * session goes into the request attribute {@link UserSession#REQUEST_ATTRIBUTE}; finer role checks are the
 * endpoints' business.
 */
@Component(service = Preprocessor.class)
public final class AuthenticationPreprocessor implements Preprocessor {

    static final String CONSOLE = "/system/console";
    private static final int SMALL_BODY_BYTES = 16 * 1024;

    private final SecurityService security;

    @Activate
    public AuthenticationPreprocessor(@Reference SecurityService security) {
        this.security = security;
    }

    static boolean isPublic(String method, String path) {
        return (path.equals("/health") && (method.equals("GET") || method.equals("HEAD")))
                || (path.equals("/auth/login") && method.equals("POST"));
    }

    static boolean isConsole(String path) {
        return path.equals(CONSOLE) || path.startsWith(CONSOLE + "/");
    }

    @Override
    public void init(FilterConfig config) {
        // nothing to set up
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        HttpServletResponse resp = (HttpServletResponse) response;
        String path = req.getRequestURI();
        req.removeAttribute(UserSession.REQUEST_ATTRIBUTE);
        if (isPublic(req.getMethod(), path)) {
            if (path.equals("/health")) { // public, but a logged-in caller sees the details
                try {
                    HttpCredentials.authenticate(security, req, resp)
                            .ifPresent(s -> req.setAttribute(UserSession.REQUEST_ATTRIBUTE, s));
                } catch (AuthenticationException e) {
                    // answered as for anyone else
                }
            }
            chain.doFilter(req, resp);
            return;
        }
        boolean console = isConsole(path);
        Optional<UserSession> session;
        try {
            session = HttpCredentials.authenticate(security, req, resp);
        } catch (AuthenticationException e) {
            discardSmallBody(req);
            HttpCredentials.unauthorized(resp, console, e.getMessage());
            return;
        }
        if (session.isEmpty()) {
            discardSmallBody(req);
            HttpCredentials.unauthorized(
                    resp,
                    console,
                    "authentication required: log in with POST /auth/login, then send"
                            + " 'Authorization: Bearer <token>' or the session cookie");
            return;
        }
        if (console && !session.get().role().includes(Role.ADMIN)) {
            discardSmallBody(req);
            HttpCredentials.error(resp, 403, "Forbidden", "the Web Console needs role admin", Role.ADMIN.label());
            return;
        }
        req.setAttribute(UserSession.REQUEST_ATTRIBUTE, session.get());
        chain.doFilter(req, resp);
    }

    /**
     * Reads a small request body (at most 16 KB, what the REST endpoints accept) before a refusal is
     * answered: answering while the client still sends makes the container close the connection, and the
     * client sees a broken pipe instead of the 401.
     */
    private static void discardSmallBody(HttpServletRequest req) {
        long length = req.getContentLengthLong();
        if (length == 0 || length > SMALL_BODY_BYTES) {
            return;
        }
        try {
            req.getInputStream().readNBytes(SMALL_BODY_BYTES + 1);
        } catch (IOException | IllegalStateException e) {
            // the client went away: nothing to wait for
        }
    }

    @Override
    public void destroy() {
        // nothing to release
    }
}
