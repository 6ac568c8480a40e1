package org.vmsseaman.rest.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
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
import org.vmsseaman.api.security.Role;
import org.vmsseaman.api.security.SecurityService;
import org.vmsseaman.api.security.UserInfo;
import org.vmsseaman.api.security.UserManagementException;
import org.vmsseaman.api.security.UserSession;

/**
 * User management, role admin only: {@code GET /users}, {@code GET /users/{name}}, {@code POST /users}
 * ({@code {"name","role","password"}}), {@code PUT /users/{name}} ({@code {"role"}} and/or
 * {@code {"password"}}), {@code POST /users/{name}/unlock}, {@code DELETE /users/{name}}.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern({"/users", "/users/*"})
@HttpWhiteboardServletName("vmsseaman-users")
public final class UsersServlet extends JsonServlet {
    private static final long serialVersionUID = 1L;

    private static final Set<String> LIST = Set.of("GET", "HEAD", "POST");
    private static final Set<String> ONE = Set.of("GET", "HEAD", "PUT", "DELETE");

    private final transient SecurityService security;

    @Activate
    public UsersServlet(@Reference SecurityService security) {
        this.security = security;
    }

    private static String[] parts(HttpServletRequest req) {
        String path = req.getPathInfo();
        return path == null || path.equals("/")
                ? new String[0]
                : path.substring(1).split("/", -1);
    }

    @Override
    Set<String> methods(HttpServletRequest req) {
        String[] p = parts(req);
        if (p.length == 0) {
            return LIST;
        }
        return p.length == 2 && p[1].equals("unlock") ? POST_ONLY : ONE;
    }

    @Override
    Set<String> parameters(HttpServletRequest req) {
        return Set.of();
    }

    private UserSession admin(HttpServletRequest req) {
        return require(req, Role.ADMIN, "managing users");
    }

    @Override
    void get(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        UserSession a = admin(req);
        String[] p = parts(req);
        if (p.length == 0) {
            ArrayNode out = Json.array();
            security.users(a).forEach(u -> out.add(user(u)));
            Json.write(resp, 200, out);
            return;
        }
        if (p.length > 1) {
            throw new NotFound("no resource " + req.getRequestURI());
        }
        UserInfo u = security.users(a).stream()
                .filter(x -> x.name().equals(p[0]))
                .findFirst()
                .orElseThrow(() -> new NotFound("no user '" + p[0] + "'"));
        Json.write(resp, 200, user(u));
    }

    @Override
    void post(HttpServletRequest req, HttpServletResponse resp) throws IOException, BadRequest {
        UserSession a = admin(req);
        String[] p = parts(req);
        ObjectNode body = body(req);
        try {
            if (p.length == 0) {
                Json.write(
                        resp,
                        201,
                        user(security.createUser(
                                a,
                                AuthServlet.string(body, "name"),
                                role(body),
                                AuthServlet.string(body, "password"))));
            } else {
                Json.write(resp, 200, user(security.unlock(a, p[0])));
            }
        } catch (UserManagementException e) {
            throw translate(e);
        }
    }

    @Override
    void put(HttpServletRequest req, HttpServletResponse resp) throws IOException, BadRequest {
        UserSession a = admin(req);
        String name = parts(req)[0];
        ObjectNode body = body(req);
        if (!body.has("role") && !body.has("password")) {
            throw new BadRequest("body", "the request body needs \"role\" and/or \"password\"");
        }
        try {
            if (body.has("password")) {
                security.setPassword(a, name, AuthServlet.string(body, "password"));
            }
            if (body.has("role")) {
                security.changeRole(a, name, role(body));
            }
        } catch (UserManagementException e) {
            throw translate(e);
        }
        get(req, resp);
    }

    @Override
    void delete(HttpServletRequest req, HttpServletResponse resp) throws IOException, BadRequest {
        UserSession a = admin(req);
        String name = parts(req)[0];
        try {
            security.deleteUser(a, name);
        } catch (UserManagementException e) {
            throw translate(e);
        }
        Json.write(resp, 200, Json.object().put("deleted", name));
    }

    private static Role role(ObjectNode body) throws BadRequest {
        JsonNode n = body.get("role");
        try {
            return Role.of(n == null || !n.isTextual() ? null : n.asText());
        } catch (IllegalArgumentException e) {
            throw new BadRequest("role", e.getMessage());
        }
    }

    private static RuntimeException translate(UserManagementException e) throws BadRequest {
        return switch (e.reason()) {
            case FORBIDDEN -> new Forbidden(Role.ADMIN, e.getMessage());
            case NOT_FOUND -> new NotFound(e.getMessage());
            case CONFLICT -> new Conflict(e.getMessage());
            case INVALID -> throw new BadRequest("body", e.getMessage());
        };
    }

    private static ObjectNode user(UserInfo u) {
        ObjectNode n = Json.object();
        n.put("name", u.name());
        n.put("role", u.role().label());
        n.put("created", u.created().toString());
        n.put("passwordChanged", u.passwordChanged().toString());
        n.put("lockedUntil", u.lockedUntil() == null ? null : u.lockedUntil().toString());
        return n;
    }
}
