package org.vmsseaman.driver.simulator.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vmsseaman.api.device.BoundTag;
import org.vmsseaman.api.tag.DataType;
import org.vmsseaman.api.tag.Range;
import org.vmsseaman.api.tag.TagDefinition;

/** Builds tag bindings for tests. */
public final class Tags {

    private Tags() {}

    public static TagDefinition numeric(String id, DataType type, double min, double max) {
        return new TagDefinition(
                id,
                id,
                "",
                "test",
                type,
                "",
                new Range(min, max),
                new Range(min - (max - min), max + (max - min)),
                false,
                null,
                null,
                List.of());
    }

    public static TagDefinition of(String id, DataType type, List<String> states) {
        return new TagDefinition(id, id, "", "test", type, "", null, null, false, null, null, states);
    }

    /** A double tag with normal range {@code [min, max]} bound with the given address key/value pairs. */
    public static BoundTag bound(String id, double min, double max, Object... address) {
        return new BoundTag(numeric(id, DataType.DOUBLE, min, max), address(address));
    }

    public static BoundTag bound(TagDefinition tag, Object... address) {
        return new BoundTag(tag, address(address));
    }

    public static Map<String, Object> address(Object... keyValues) {
        Map<String, Object> a = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            a.put((String) keyValues[i], keyValues[i + 1]);
        }
        return a;
    }
}
