package org.vmsseaman.api.driver;

import org.osgi.annotation.versioning.ConsumerType;
import org.vmsseaman.api.device.DeviceContext;

/**
 * A protocol driver: the one interface an equipment vendor implements to bring a protocol into
 * VMS Seaman.
 *
 * <h2>Registration</h2>
 * A driver is an OSGi service (normally a Declarative Services component) registered with the
 * service property {@value #PROTOCOL} naming the protocol it speaks, e.g. {@code modbus-tcp}. Use
 * {@link DriverProtocol} on the component to set it. The platform binds every enabled device of
 * the vessel project whose {@code protocol} matches to that driver. Only one driver per protocol
 * is used at a time (the highest service ranking wins).
 *
 * <h2>Lifecycle</h2>
 * <ol>
 *   <li>When the driver service appears, the platform calls {@link #start(DeviceContext)} once per
 *       matching device, from a platform thread.</li>
 *   <li>{@code start} must return quickly (well under a second): it validates the configuration,
 *       starts the driver's own threads (or schedules work on an executor the driver owns) and
 *       returns a {@link DeviceSession}. It must not wait for the device to answer: connecting,
 *       polling and reconnecting happen on the driver's threads.</li>
 *   <li>When the driver service goes away (bundle stopped, updated or uninstalled), or the device
 *       is removed from the project, the platform calls {@link DeviceSession#close()}. After it
 *       returns, the driver must have stopped every thread it started for the device and must not
 *       call the sink again (calls after close are ignored). The platform then turns the device's
 *       tags {@code BAD_DRIVER_MISSING}, keeping their last values.</li>
 * </ol>
 *
 * <h2>Threading</h2>
 * The driver owns all threads it reads on; it may call the {@link org.vmsseaman.api.device.TagSink}
 * from any of them, concurrently. Sink calls never block on subscribers (historian, alarms,
 * screens) and return in microseconds. Prefer one {@code publish} call per poll or frame batch
 * over one call per value.
 *
 * <h2>Values, quality and errors</h2>
 * <ul>
 *   <li>A value read correctly is published GOOD. A value the device itself marks invalid
 *       ("not available", sensor fault, wire break) is published with a BAD or UNCERTAIN
 *       {@link org.vmsseaman.api.tag.Quality}, never as a number.</li>
 *   <li>A failed read (timeout, exception reply, corrupt frame) marks the affected tags
 *       {@code BAD_COMMUNICATION_FAILURE}, keeping their last value.</li>
 *   <li>Losing the connection is reported with
 *       {@link org.vmsseaman.api.device.TagSink#status(org.vmsseaman.api.device.ConnectionState, String)};
 *       the platform then marks all the device's tags BAD itself. The driver reconnects on its
 *       own, with backoff, and publishes GOOD values again when data flows.</li>
 *   <li>A binding the driver cannot understand is reported with
 *       {@link org.vmsseaman.api.device.TagSink#configurationError(String, String)} for that tag; the other
 *       tags run normally.</li>
 *   <li>{@code start} throws only for a device configuration so wrong that nothing can run; the
 *       platform then marks the device FAILED and its tags {@code BAD_CONFIGURATION_ERROR} and
 *       logs the message. Exceptions thrown on the driver's own threads are the driver's to handle:
 *       a driver must never let one thread's failure stop a device silently.</li>
 * </ul>
 */
@ConsumerType
public interface Driver {

    /** Service property naming the protocol the driver speaks, e.g. {@code simulator}, {@code modbus-tcp}. */
    String PROTOCOL = "vmsseaman.driver.protocol";

    /**
     * Starts serving one device.
     *
     * @param context the device's configuration, its bound tags and the sink for values and status
     * @return a session the platform closes to stop serving the device
     * @throws DriverException if the device configuration is unusable as a whole
     */
    DeviceSession start(DeviceContext context) throws DriverException;
}
