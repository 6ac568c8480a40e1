package org.vmsseaman.api.driver;

/** A device's configuration cannot be used by the driver. The message says which setting and why. */
public class DriverException extends Exception {
    private static final long serialVersionUID = 1L;

    public DriverException(String message) {
        super(message);
    }

    public DriverException(String message, Throwable cause) {
        super(message, cause);
    }
}
