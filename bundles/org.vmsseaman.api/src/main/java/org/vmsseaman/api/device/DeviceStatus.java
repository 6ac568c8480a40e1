package org.vmsseaman.api.device;

import java.time.Instant;

/**
 * Status of one project device.
 *
 * @param deviceId the device
 * @param protocol its driver protocol
 * @param state its connection state
 * @param detail last status detail from the driver or platform
 * @param since when the state last changed
 * @param tagCount number of tags bound to it
 * @param updates values accepted from it since the driver started it
 * @param rejected values refused (unbound tag, wrong type)
 * @param driverBundle symbolic name and version of the driver serving it, empty if none
 */
public record DeviceStatus(
        String deviceId,
        String protocol,
        ConnectionState state,
        String detail,
        Instant since,
        int tagCount,
        long updates,
        long rejected,
        String driverBundle) {}
