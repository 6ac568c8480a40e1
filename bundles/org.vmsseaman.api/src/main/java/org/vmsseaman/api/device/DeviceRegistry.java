package org.vmsseaman.api.device;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/** The status of every project device and of the drivers serving them. */
@ProviderType
public interface DeviceRegistry {

    /** Status of every device in the project, in project order. */
    List<DeviceStatus> devices();

    /** Status of one device. */
    Optional<DeviceStatus> device(String deviceId);
}
