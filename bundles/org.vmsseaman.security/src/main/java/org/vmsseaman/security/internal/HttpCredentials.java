package org.vmsseaman.security.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import org.vmsseaman.api.security.AuthenticationException;
import org.vmsseaman.api.security.SecurityService;
import org.vmsseaman.api.security.UserSession;

/**
 * The credentials of an HTTP request: {@code Authorization: Bearer <token>}, {@code Authorization: Basic}
 * (a login per request; the session cookie is set so a browser uses that afterwards), or the session cookie.
 */
final class HttpCredentials {

    static final String REALM = "VMS Seaman";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private HttpCredentials() {}

    /**
     * The session the request authenticates with; empty if it brings no credentials or a token that is not
     * (or no longer) valid.
     *
     * @throws AuthenticationException if Basic credentials are wrong or locked out
     */
    static Optional<UserSession> authenticate(
            SecurityService security, HttpServletRequest req, HttpServletResponse resp) throws AuthenticationException {
        String header = req.getHeader("Authorization");
        if (header != null) {
            String h = header.strip();
            String scheme = h.contains(" ") ? h.substring(0, h.indexOf(' ')).toLowerCase(Locale.ROOT) : "";
            String value = h.substring(scheme.length()).strip();
            if (scheme.equals("bearer")) {
                return security.session(value);
            }
            if (scheme.equals("basic")) {
                String decoded;
                try {
                    decoded = new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    return Optional.empty();
                }
                int colon = decoded.indexOf(':');
                if (colon < 0) {
                    return Optional.empty();
                }
                UserSession s =
                        security.login(decoded.substring(0, colon), decoded.substring(colon + 1), req.getRemoteAddr());
                setCookie(req, resp, s.token());
                return Optional.of(s);
            }
            return Optional.empty();
        }
        Cookie[] cookies = req.getCookies();
        if (cookies != null) {
            for (Cookie c : cookies) {
                if (c.getName().equals(UserSession.COOKIE)) {
                    return security.session(c.getValue());
                }
            }
        }
        return Optional.empty();
    }

    /** Sets the session cookie: HttpOnly, SameSite=Strict, Secure over TLS, for the whole server. */
    static void setCookie(HttpServletRequest req, HttpServletResponse resp, String token) {
        resp.addHeader(
                "Set-Cookie",
                UserSession.COOKIE + "=" + token + "; Path=/; HttpOnly; SameSite=Strict"
                        + (req.isSecure() ? "; Secure" : ""));
    }

    /** A JSON error: {@code {"status", "error", "message"}} plus {@code role} when one is needed. */
    static void error(HttpServletResponse resp, int status, String error, String message, String role)
            throws IOException {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("status", status);
        body.put("error", error);
        body.put("message", message);
        if (role != null) {
            body.put("role", role);
        }
        resp.setStatus(status);
        resp.setContentType("application/json");
        resp.setCharacterEncoding("UTF-8");
        resp.setHeader("Cache-Control", "no-store");
        MAPPER.writeValue(resp.getOutputStream(), body);
    }

    /** 401 with a challenge: Basic where a browser should ask for a password (the Web Console), else Bearer. */
    static void unauthorized(HttpServletResponse resp, boolean basic, String message) throws IOException {
        resp.setHeader(
                "WWW-Authenticate", (basic ? "Basic" : "Bearer") + " realm=\"" + REALM + "\", charset=\"UTF-8\"");
        error(resp, 401, "Unauthorized", message, null);
    }
}
