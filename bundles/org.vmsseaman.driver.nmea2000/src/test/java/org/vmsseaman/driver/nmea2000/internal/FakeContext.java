package org.vmsseaman.driver.nmea2000.internal;

import java.util.List;
import java.util.Map;
import org.vmsseaman.api.device.BoundTag;
import org.vmsseaman.api.device.DeviceContext;
import org.vmsseaman.api.device.TagSink;
import org.vmsseaman.api.project.DeviceDefinition;

/** A device context for tests. */
record FakeContext(DeviceDefinition device, List<BoundTag> tags, TagSink sink) implements DeviceContext {

    static FakeContext of(String deviceId, Map<String, Object> settings, List<BoundTag> tags, TagSink sink) {
        return new FakeContext(new DeviceDefinition(deviceId, "nmea2000", deviceId, true, settings), tags, sink);
    }
}
