package org.vmsseaman.api.driver;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.osgi.annotation.versioning.ConsumerType;
import org.vmsseaman.api.device.BoundTag;

/** A device a driver is serving. See {@link Driver} for the lifecycle. */
@ConsumerType
public interface DeviceSession extends AutoCloseable {

    /**
     * Stops serving the device: stops the driver's threads for it, closes its connection and
     * returns within a few seconds at most. Called once; must not throw.
     */
    @Override
    void close();

    /**
     * Writes a setpoint to the device. Called only for a tag of this device that the project marks
     * writable, with a value the platform already checked and converted to the tag's Java type (see
     * {@link org.vmsseaman.api.device.TagWriter#write}). May be called from any thread, concurrently with
     * polling; must return at once and do the write on the driver's own threads.
     *
     * <p>Complete the stage when the device confirmed the write (for a protocol without confirmation:
     * when it was sent). Fail it with a {@link DriverException} whose message says what the device
     * answered or why nothing was sent. The platform times the write out after a few seconds and
     * reports that to the client; a late completion is ignored. The live value is not set from the
     * write: it changes when the driver next reads the tag back.
     *
     * <p>The default refuses: a driver that does not write need not implement it.
     *
     * @param tag the tag, with its binding's address
     * @param value the value, of the tag's data type's Java type
     * @return a stage completed when the write is done, or failed with the reason
     * @since 1.1
     */
    default CompletionStage<Void> write(BoundTag tag, Object value) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("this driver does not write"));
    }
}
