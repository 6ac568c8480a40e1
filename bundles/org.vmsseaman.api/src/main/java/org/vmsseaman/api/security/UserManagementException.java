package org.vmsseaman.api.security;

/** A user-management request that cannot be carried out; the message says why. */
public class UserManagementException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why a request was refused. */
    public enum Reason {
        /** The acting user's role does not allow it. */
        FORBIDDEN,
        /** No user has that name. */
        NOT_FOUND,
        /** It conflicts with the current users: the name exists, or it would leave no administrator. */
        CONFLICT,
        /** A bad argument: a malformed user name, or a password the policy refuses. */
        INVALID
    }

    private final Reason reason;

    public UserManagementException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    /** Why it was refused. */
    public Reason reason() {
        return reason;
    }
}
