package org.vmsseaman.driver.nmea2000.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.vmsseaman.api.device.BoundTag;
import org.vmsseaman.api.tag.DataType;
import org.vmsseaman.api.tag.TagDefinition;

/** Bound tags for tests. */
final class Tags {

    private Tags() {}

    /** A tag of {@code type} in {@code unit} bound to {@code address} (key, value, key, value ...). */
    static BoundTag tag(String id, DataType type, String unit, Object... address) {
        Map<String, Object> a = new LinkedHashMap<>();
        for (int i = 0; i < address.length; i += 2) {
            a.put((String) address[i], address[i + 1]);
        }
        return new BoundTag(new TagDefinition(id, null, null, "t", type, unit, null, null, false, null, null, null), a);
    }

    /** A double tag. */
    static BoundTag number(String id, String unit, Object... address) {
        return tag(id, DataType.DOUBLE, unit, address);
    }
}
