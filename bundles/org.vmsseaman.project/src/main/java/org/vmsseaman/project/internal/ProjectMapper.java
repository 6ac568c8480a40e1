package org.vmsseaman.project.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vmsseaman.api.project.AlarmDefinition;
import org.vmsseaman.api.project.AlarmKind;
import org.vmsseaman.api.project.AlarmPriority;
import org.vmsseaman.api.project.DeviceDefinition;
import org.vmsseaman.api.project.SystemGroup;
import org.vmsseaman.api.project.TagBinding;
import org.vmsseaman.api.project.VesselInfo;
import org.vmsseaman.api.project.VesselProject;
import org.vmsseaman.api.tag.DataType;
import org.vmsseaman.api.tag.HistorianPolicy;
import org.vmsseaman.api.tag.Range;
import org.vmsseaman.api.tag.TagDefinition;

/** Maps a validated project document to the API records, filling in the documented defaults. */
final class ProjectMapper {
    private ProjectMapper() {}

    static VesselProject map(JsonNode doc, String source) {
        List<SystemGroup> systems = new ArrayList<>();
        for (JsonNode s : doc.path("systems")) {
            String id = s.path("id").asText();
            systems.add(new SystemGroup(id, text(s, "name", id), text(s, "description", "")));
        }
        List<DeviceDefinition> devices = new ArrayList<>();
        for (JsonNode d : doc.path("devices")) {
            String id = d.path("id").asText();
            devices.add(new DeviceDefinition(
                    id,
                    d.path("protocol").asText(),
                    text(d, "name", id),
                    d.path("enabled").asBoolean(true),
                    scalars(d.path("settings"))));
        }
        List<TagDefinition> tags = new ArrayList<>();
        List<AlarmDefinition> alarms = new ArrayList<>();
        List<TagBinding> bindings = new ArrayList<>();
        for (JsonNode t : doc.path("tags")) {
            TagDefinition tag = tag(t);
            tags.add(tag);
            JsonNode binding = t.get("source");
            if (binding != null) {
                bindings.add(
                        new TagBinding(tag.id(), binding.path("device").asText(), scalars(binding.path("address"))));
            }
            for (JsonNode a : t.path("alarms")) {
                alarms.add(alarm(a, tag));
            }
        }
        JsonNode v = doc.path("vessel");
        VesselInfo vessel = new VesselInfo(
                v.path("name").asText(),
                text(v, "imo", ""),
                text(v, "callSign", ""),
                text(v, "flag", ""),
                text(v, "shipType", ""),
                text(v, "description", ""));
        return new VesselProject(
                doc.path("schemaVersion").asInt(), source, vessel, systems, tags, alarms, devices, bindings);
    }

    private static TagDefinition tag(JsonNode t) {
        JsonNode h = t.path("historian");
        HistorianPolicy historian = new HistorianPolicy(
                h.path("enabled").asBoolean(true),
                h.path("deadband").asDouble(0.0),
                seconds(h.get("maxIntervalSeconds"), Duration.ofSeconds(60)));
        List<String> states = new ArrayList<>();
        t.path("states").forEach(s -> states.add(s.asText()));
        return new TagDefinition(
                t.path("id").asText(),
                t.path("name").asText(),
                text(t, "description", ""),
                t.path("system").asText(),
                DataType.fromLabel(t.path("type").asText()),
                t.path("unit").asText(),
                range(t.get("normalRange")),
                range(t.get("displayRange")),
                t.path("writable").asBoolean(false),
                historian,
                seconds(t.get("expectedIntervalSeconds"), null),
                states);
    }

    private static AlarmDefinition alarm(JsonNode a, TagDefinition tag) {
        return new AlarmDefinition(
                a.path("id").asText(),
                tag.id(),
                AlarmKind.valueOf(a.path("kind").asText().toUpperCase(Locale.ROOT)),
                text(a, "operator", ""),
                a.path("setpoint").asDouble(),
                text(a, "referenceTag", ""),
                AlarmPriority.valueOf(a.path("priority").asText().toUpperCase(Locale.ROOT)),
                text(a, "group", tag.system()),
                seconds(a.get("onDelaySeconds"), Duration.ZERO),
                seconds(a.get("offDelaySeconds"), Duration.ZERO),
                a.path("deadband").asDouble(0.0),
                a.path("ackRequired").asBoolean(true),
                text(a, "message", tag.name()),
                text(a, "suppressedBy", ""));
    }

    private static Range range(JsonNode r) {
        return r == null
                ? null
                : new Range(r.path("min").asDouble(), r.path("max").asDouble());
    }

    private static Duration seconds(JsonNode n, Duration absent) {
        return n == null || !n.isNumber() ? absent : Duration.ofNanos(Math.round(n.doubleValue() * 1e9));
    }

    private static String text(JsonNode node, String field, String absent) {
        JsonNode v = node.get(field);
        return v == null || !v.isTextual() ? absent : v.textValue();
    }

    /** An object of JSON scalars as String, Long (integral numbers), Double or Boolean values. */
    private static Map<String, Object> scalars(JsonNode object) {
        Map<String, Object> map = new LinkedHashMap<>();
        object.properties().forEach(e -> {
            JsonNode v = e.getValue();
            Object value;
            if (v.isBoolean()) {
                value = v.booleanValue();
            } else if (v.isIntegralNumber() && v.canConvertToLong()) {
                value = v.longValue();
            } else if (v.isNumber()) {
                value = v.doubleValue();
            } else {
                value = v.asText();
            }
            map.put(e.getKey(), value);
        });
        return map;
    }
}
