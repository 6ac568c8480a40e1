package org.vmsseaman.api.project;

import java.util.List;
import java.util.Optional;
import org.vmsseaman.api.tag.TagDefinition;

/**
 * A validated vessel project: everything the runtime needs to know about one ship.
 *
 * @param schemaVersion the project file format version
 * @param source where it was loaded from (a file path, or {@code demo:...} for a built-in project)
 * @param vessel the vessel
 * @param systems ship systems / tag groups
 * @param tags tag definitions
 * @param alarms alarm definitions
 * @param devices devices and their driver protocols
 * @param bindings tag-to-device bindings
 */
public record VesselProject(
        int schemaVersion,
        String source,
        VesselInfo vessel,
        List<SystemGroup> systems,
        List<TagDefinition> tags,
        List<AlarmDefinition> alarms,
        List<DeviceDefinition> devices,
        List<TagBinding> bindings) {

    public VesselProject {
        systems = List.copyOf(systems);
        tags = List.copyOf(tags);
        alarms = List.copyOf(alarms);
        devices = List.copyOf(devices);
        bindings = List.copyOf(bindings);
    }

    /** The tag with this id. */
    public Optional<TagDefinition> tag(String id) {
        return tags.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    /** The bindings to one device. */
    public List<TagBinding> bindingsOf(String deviceId) {
        return bindings.stream().filter(b -> b.deviceId().equals(deviceId)).toList();
    }
}
