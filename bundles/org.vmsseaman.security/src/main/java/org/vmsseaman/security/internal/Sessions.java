package org.vmsseaman.security.internal;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Open sessions by token: 256-bit random tokens, an idle timeout and an absolute lifetime. Held in memory
 * only: a restart logs everyone out.
 */
final class Sessions {

    /** One open session. */
    record Open(String token, String user, String remoteAddress, Instant created, Instant lastUsed) {}

    static final int MAX_PER_USER = 32;

    private final SecureRandom random;
    private final Duration idle;
    private final Duration lifetime;
    private final Map<String, Open> open = new ConcurrentHashMap<>();

    Sessions(SecureRandom random, Duration idle, Duration lifetime) {
        this.random = random;
        this.idle = idle;
        this.lifetime = lifetime;
    }

    /** Opens a session; the user's oldest sessions are closed beyond {@value #MAX_PER_USER}. */
    Open open(String user, String remoteAddress, Instant now) {
        open.values().removeIf(s -> !alive(s, now));
        var mine = open.values().stream()
                .filter(s -> s.user().equals(user))
                .sorted(Comparator.comparing(Open::lastUsed))
                .toList();
        for (int i = 0; i <= mine.size() - MAX_PER_USER; i++) {
            open.remove(mine.get(i).token());
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Open s = new Open(token, user, remoteAddress, now, now);
        open.put(token, s);
        return s;
    }

    /** The live session with this token, marked as used now. */
    Optional<Open> use(String token, Instant now) {
        if (token == null) {
            return Optional.empty();
        }
        Open s = open.computeIfPresent(
                token,
                (t, old) -> alive(old, now) ? new Open(t, old.user(), old.remoteAddress(), old.created(), now) : null);
        return Optional.ofNullable(s);
    }

    /** When the session ends if not used again. */
    Instant expiresAt(Open s) {
        Instant idleEnd = s.lastUsed().plus(idle);
        Instant end = s.created().plus(lifetime);
        return idleEnd.isBefore(end) ? idleEnd : end;
    }

    Optional<Open> close(String token) {
        return token == null ? Optional.empty() : Optional.ofNullable(open.remove(token));
    }

    /** Closes the user's sessions except {@code keep} (null: all). */
    void closeAll(String user, String keep) {
        open.values().removeIf(s -> s.user().equals(user) && !s.token().equals(keep));
    }

    private boolean alive(Open s, Instant now) {
        return now.isBefore(expiresAt(s));
    }
}
