package org.vmsseaman.api.driver;

import org.osgi.annotation.versioning.ConsumerType;

/** A device a driver is serving. See {@link Driver} for the lifecycle. */
@ConsumerType
public interface DeviceSession extends AutoCloseable {

    /**
     * Stops serving the device: stops the driver's threads for it, closes its connection and
     * returns within a few seconds at most. Called once; must not throw.
     */
    @Override
    void close();
}
