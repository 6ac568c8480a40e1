package org.vmsseaman.api.alarm;

/** A user's alarm command that cannot be carried out; the message says why. */
public class AlarmCommandException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why a command was refused. */
    public enum Reason {
        /** No alarm or occurrence has that id. */
        NOT_FOUND,
        /** The alarm is not in a state the command applies to (e.g. already acknowledged). */
        CONFLICT,
        /** An argument is wrong (blank user, shelving time out of bounds). */
        INVALID
    }

    private final Reason reason;

    public AlarmCommandException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    /** Why it was refused. */
    public Reason reason() {
        return reason;
    }
}
