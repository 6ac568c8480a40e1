package org.vmsseaman.driver.modbus.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.vmsseaman.api.device.BoundTag;
import org.vmsseaman.api.device.TagSink;

/**
 * What one device's session polls: the read requests of each poll group, and every usable tag's address (for writes).
 * Tags whose binding cannot be used are reported to the sink and left out.
 *
 * @param groups poll group name ("" = default) to its read requests
 * @param addresses usable tags by id
 */
record DevicePlan(Map<String, List<ReadBlock>> groups, Map<String, TagAddress> addresses) {

    static DevicePlan build(List<BoundTag> tags, ModbusSettings settings, TagSink sink) {
        Map<String, List<ReadBlock.Item>> byGroup = new TreeMap<>();
        Map<String, TagAddress> addresses = new HashMap<>();
        for (BoundTag tag : tags) {
            TagAddress a;
            try {
                a = TagAddress.parse(tag);
            } catch (TagAddress.BindingException e) {
                sink.configurationError(tag.id(), e.getMessage());
                continue;
            }
            int limit = a.table().bits() ? settings.maxBits() : settings.maxRegisters();
            if (a.count() > limit) {
                sink.configurationError(
                        tag.id(),
                        "the value needs " + a.count() + " registers, more than one request may read ("
                                + ModbusSettings.MAX_REGISTERS + " " + limit + ")");
                continue;
            }
            if (settings.intervalOf(a.group()) == null) {
                sink.configurationError(
                        tag.id(),
                        "poll group '" + a.group() + "' has no interval: set pollGroup." + a.group()
                                + ".intervalMs in the device's settings");
                continue;
            }
            addresses.put(tag.id(), a);
            byGroup.computeIfAbsent(a.group(), g -> new ArrayList<>()).add(new ReadBlock.Item(tag.id(), a));
        }
        Map<String, List<ReadBlock>> groups = new TreeMap<>();
        byGroup.forEach((group, items) -> groups.put(
                group, RequestPlanner.plan(items, settings.maxRegisters(), settings.maxBits(), settings.maxGap())));
        return new DevicePlan(Map.copyOf(groups), Map.copyOf(addresses));
    }

    /** Number of read requests in all groups. */
    int requestCount() {
        return groups.values().stream().mapToInt(List::size).sum();
    }
}
