package org.vmsseaman.security.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
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
            chain.doFilter(req, resp);
            return;
        }
        boolean console = isConsole(path);
        Optional<UserSession> session;
        try {
            session = HttpCredentials.authenticate(security, req, resp);
        } catch (AuthenticationException e) {
            HttpCredentials.unauthorized(resp, console, e.getMessage());
            return;
        }
        if (session.isEmpty()) {
            HttpCredentials.unauthorized(
                    resp,
                    console,
                    "authentication required: log in with POST /auth/login, then send"
                            + " 'Authorization: Bearer <token>' or the session cookie");
            return;
        }
        if (console && !session.get().role().includes(Role.ADMIN)) {
            HttpCredentials.error(resp, 403, "Forbidden", "the Web Console needs role admin", Role.ADMIN.label());
            return;
        }
        req.setAttribute(UserSession.REQUEST_ATTRIBUTE, session.get());
        chain.doFilter(new Authenticated(req, session.get()), resp);
    }

    @Override
    public void destroy() {
        // nothing to release
    }

    /**
     * The request as the servlet API reports an authenticated one: the user as its principal and remote
     * user, the role (and those it includes) for {@code isUserInRole}. The WebSocket handshake hands the
     * principal to the endpoint's session this way.
     */
    private static final class Authenticated extends HttpServletRequestWrapper {
        private final UserSession session;

        Authenticated(HttpServletRequest request, UserSession session) {
            super(request);
            this.session = session;
        }

        @Override
        public Principal getUserPrincipal() {
            return session::user;
        }

        @Override
        public String getRemoteUser() {
            return session.user();
        }

        @Override
        public boolean isUserInRole(String role) {
            try {
                return session.role().includes(Role.of(role));
            } catch (IllegalArgumentException unknown) {
                return false;
            }
        }

        @Override
        public String getAuthType() {
            return "VMSSEAMAN";
        }
    }
}
