package org.vmsseaman.api.device;

/** Why a {@link TagWriter#write} did not happen. The message names the tag and what was wrong. */
public class WriteException extends Exception {
    private static final long serialVersionUID = 1L;

    /** What kind of failure it was; clients map it to their own error codes. */
    public enum Reason {
        /** No tag has that id. */
        UNKNOWN_TAG,
        /** The tag is not writable in the project. */
        NOT_WRITABLE,
        /** The value is of the wrong kind or outside the tag's display range. */
        INVALID_VALUE,
        /** The tag's device is not running (no driver, disabled, failed or disconnected). */
        NOT_CONNECTED,
        /** The driver serving the device does not write. */
        NOT_SUPPORTED,
        /** The driver or the device refused or failed the write. */
        DEVICE_ERROR,
        /** The driver did not confirm the write in time; the device may or may not have it. */
        TIMEOUT
    }

    private final Reason reason;

    public WriteException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public WriteException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /** What kind of failure it was. */
    public Reason reason() {
        return reason;
    }
}
