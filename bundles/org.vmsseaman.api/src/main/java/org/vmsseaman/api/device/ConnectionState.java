package org.vmsseaman.api.device;

/** Connection state of a device as its driver reports it. */
public enum ConnectionState {
    /** Started, not yet connected. */
    CONNECTING,
    /** Connected and exchanging data. */
    CONNECTED,
    /** The connection was lost or refused; the driver is retrying. Tags turn {@code BAD_NOT_CONNECTED}. */
    DISCONNECTED,
    /** The device cannot run (configuration error). Tags turn {@code BAD_CONFIGURATION_ERROR}. */
    FAILED,
    /** No driver for the device's protocol is running. Tags turn {@code BAD_DRIVER_MISSING}. */
    DRIVER_MISSING,
    /** Disabled in the project. Tags are {@code BAD_OUT_OF_SERVICE}. */
    DISABLED
}
