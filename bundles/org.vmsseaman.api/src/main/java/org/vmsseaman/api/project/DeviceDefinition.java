package org.vmsseaman.api.project;

import java.util.Map;

/**
 * A device (PLC, gateway, bus connection, simulator) and the driver protocol that talks to it.
 *
 * @param id device id, unique in the project
 * @param protocol the driver protocol, matched against {@link org.vmsseaman.api.driver.Driver#PROTOCOL}
 * @param name display name
 * @param enabled a disabled device is not started; its tags are {@code BAD_OUT_OF_SERVICE}
 * @param settings driver-specific connection settings: JSON scalars (String, Number, Boolean)
 */
public record DeviceDefinition(String id, String protocol, String name, boolean enabled, Map<String, Object> settings) {
    public DeviceDefinition {
        settings = settings == null ? Map.of() : Map.copyOf(settings);
    }
}
