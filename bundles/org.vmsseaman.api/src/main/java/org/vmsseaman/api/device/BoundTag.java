package org.vmsseaman.api.device;

import java.util.Map;
import org.vmsseaman.api.tag.TagDefinition;

/**
 * A tag bound to the device, with its driver-specific address.
 *
 * @param definition the tag's definition (id, type, unit, ranges)
 * @param address the binding's address: JSON scalars (String, Number, Boolean)
 */
public record BoundTag(TagDefinition definition, Map<String, Object> address) {
    /** The tag id. */
    public String id() {
        return definition.id();
    }
}
