package org.vmsseaman.api.security;

import java.time.Instant;
import java.util.Objects;

/**
 * An authenticated session: who, with which role, from where, until when.
 *
 * @param token the secret that identifies the session (a bearer token or the session cookie's value); never log it
 * @param user the user name
 * @param role the user's role when the session was looked up
 * @param remoteAddress the client address the session logged in from
 * @param expiresAt when the session ends unless used again (idle timeout), never after its absolute lifetime
 */
public record UserSession(String token, String user, Role role, String remoteAddress, Instant expiresAt) {

    /** Request attribute under which the HTTP layer puts the authenticated {@link UserSession}. */
    public static final String REQUEST_ATTRIBUTE = "org.vmsseaman.security.session";

    /** Name of the browser session cookie (HttpOnly, SameSite=Strict) that carries the token. */
    public static final String COOKIE = "vmsseaman_session";

    public UserSession {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    @Override
    public String toString() { // never the token
        return "UserSession[user=" + user + ", role=" + role + ", from=" + remoteAddress + ", expiresAt=" + expiresAt
                + "]";
    }
}
