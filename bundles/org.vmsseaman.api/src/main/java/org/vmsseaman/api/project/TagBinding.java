package org.vmsseaman.api.project;

import java.util.Map;

/**
 * Binds a tag to an address on a device.
 *
 * @param tagId the tag
 * @param deviceId the device that supplies its value
 * @param address driver-specific address: JSON scalars (String, Number, Boolean), e.g. a Modbus
 *     register and data type, or an NMEA 2000 PGN and field
 */
public record TagBinding(String tagId, String deviceId, Map<String, Object> address) {
    public TagBinding {
        address = address == null ? Map.of() : Map.copyOf(address);
    }
}
