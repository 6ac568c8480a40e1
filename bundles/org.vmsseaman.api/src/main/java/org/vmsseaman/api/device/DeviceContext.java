package org.vmsseaman.api.device;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;
import org.vmsseaman.api.project.DeviceDefinition;

/** What the platform hands a driver for one device. Immutable except for the sink. */
@ProviderType
public interface DeviceContext {

    /** The device: id, protocol, settings. */
    DeviceDefinition device();

    /** The tags bound to this device, with their addresses. */
    List<BoundTag> tags();

    /** Where the driver reports values and connection status. Thread-safe. */
    TagSink sink();
}
