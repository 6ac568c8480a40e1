package org.vmsseaman.api.security;

import java.time.Instant;

/**
 * A login that was refused. The message is safe to show the client: it never says whether the user exists.
 */
public class AuthenticationException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why a login was refused. */
    public enum Reason {
        /** Unknown user or wrong password (deliberately not told apart). */
        BAD_CREDENTIALS,
        /** Too many failures: logins for this user or from this address are refused until {@link #lockedUntil()}. */
        LOCKED_OUT
    }

    private final Reason reason;
    private final transient Instant lockedUntil;

    public AuthenticationException(Reason reason, String message, Instant lockedUntil) {
        super(message);
        this.reason = reason;
        this.lockedUntil = lockedUntil;
    }

    /** Why it was refused. */
    public Reason reason() {
        return reason;
    }

    /** Until when logins are refused; null unless {@link Reason#LOCKED_OUT}. */
    public Instant lockedUntil() {
        return lockedUntil;
    }
}
