package org.vmsseaman.rest.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.vmsseaman.api.security.AuthenticationException;
import org.vmsseaman.api.security.Role;
import org.vmsseaman.api.security.SecurityService;
import org.vmsseaman.api.security.UserManagementException;
import org.vmsseaman.api.security.UserSession;

/**
 * {@code POST /auth/login} ({@code {"user","password"}} → {@code {"token","expiresAt","user","role"}} and the
 * session cookie), {@code POST /auth/logout}, {@code GET /auth/me}, {@code POST /auth/password} (change your
 * own: {@code {"oldPassword","newPassword"}}).
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/auth/*")
@HttpWhiteboardServletName("vmsseaman-auth")
public final class AuthServlet extends JsonServlet {
    private static final long serialVersionUID = 1L;

    private final transient SecurityService security;

    @Activate
    public AuthServlet(@Reference SecurityService security) {
        this.security = security;
    }

    private static String path(HttpServletRequest req) {
        return req.getPathInfo() == null ? "" : req.getPathInfo();
    }

    @Override
    boolean open(HttpServletRequest req) {
        return path(req).equals("/login");
    }

    @Override
    Set<String> methods(HttpServletRequest req) {
        return switch (path(req)) {
            case "/login", "/logout", "/password" -> POST_ONLY;
            default -> READ_ONLY;
        };
    }

    @Override
    Set<String> parameters(HttpServletRequest req) {
        return Set.of();
    }

    @Override
    void get(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!path(req).equals("/me")) {
            throw new NotFound("no resource " + req.getRequestURI() + " (auth endpoints: login, logout, me, password)");
        }
        UserSession s = require(req, Role.VIEWER, "GET /auth/me");
        ObjectNode n = Json.object();
        n.put("user", s.user());
        n.put("role", s.role().label());
        n.put("expiresAt", s.expiresAt().toString());
        n.put("remoteAddress", s.remoteAddress());
        Json.write(resp, 200, n);
    }

    @Override
    void post(HttpServletRequest req, HttpServletResponse resp) throws IOException, BadRequest {
        ObjectNode body = body(req);
        switch (path(req)) {
            case "/login" -> login(req, resp, body);
            case "/logout" -> {
                security.logout(require(req, Role.VIEWER, "logout").token());
                resp.addHeader("Set-Cookie", UserSession.COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict");
                Json.write(resp, 200, Json.object().put("loggedOut", true));
            }
            default -> {
                UserSession s = require(req, Role.VIEWER, "changing your password");
                try {
                    security.changePassword(s, string(body, "oldPassword"), string(body, "newPassword"));
                } catch (UserManagementException e) {
                    throw new BadRequest("newPassword", e.getMessage());
                }
                Json.write(resp, 200, Json.object().put("changed", true));
            }
        }
    }

    private void login(HttpServletRequest req, HttpServletResponse resp, ObjectNode body)
            throws IOException, BadRequest {
        UserSession s;
        try {
            s = security.login(string(body, "user"), string(body, "password"), req.getRemoteAddr());
        } catch (AuthenticationException e) {
            resp.setHeader("WWW-Authenticate", "Bearer realm=\"VMS Seaman\"");
            ObjectNode n = Json.object();
            n.put("status", 401);
            n.put("error", "Unauthorized");
            n.put("message", e.getMessage());
            if (e.lockedUntil() != null) {
                n.put("lockedUntil", e.lockedUntil().toString());
            }
            Json.write(resp, 401, n);
            return;
        }
        resp.addHeader(
                "Set-Cookie",
                UserSession.COOKIE + "=" + s.token() + "; Path=/; HttpOnly; SameSite=Strict"
                        + (req.isSecure() ? "; Secure" : ""));
        ObjectNode n = Json.object();
        n.put("token", s.token());
        n.put("expiresAt", s.expiresAt().toString());
        n.put("user", s.user());
        n.put("role", s.role().label());
        Json.write(resp, 200, n);
    }

    static String string(ObjectNode body, String field) throws BadRequest {
        JsonNode n = body.get(field);
        if (n == null || !n.isTextual() || n.asText().isEmpty() || n.asText().length() > 200) {
            throw new BadRequest(field, "the request body needs \"" + field + "\" (a string of 1 to 200 characters)");
        }
        return n.asText();
    }
}
