package org.vmsseaman.project.internal;

import static org.vmsseaman.project.internal.JsonLocations.element;
import static org.vmsseaman.project.internal.JsonLocations.member;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * The rules a JSON Schema cannot express: unique ids, references between elements, ranges,
 * states and operators that fit the tag's type. Tolerates documents the schema refused, checking
 * only what is well-typed, so one pass reports as much as possible.
 */
final class SemanticChecks {
    private static final Set<String> NUMERIC = Set.of("double", "long");
    private static final Set<String> EQUALITY_OPERATORS = Set.of("==", "!=");
    private static final int MAX_LISTED = 12;

    private final Problems problems;
    private final Map<String, String> systems = new LinkedHashMap<>();
    private final Map<String, String> devices = new LinkedHashMap<>();
    /** Tag id to its type label (or "" if the type is invalid). */
    private final Map<String, String> tagTypes = new LinkedHashMap<>();

    private final Map<String, String> tagPaths = new HashMap<>();
    private final Map<String, String> alarmPaths = new HashMap<>();

    private SemanticChecks(Problems problems) {
        this.problems = problems;
    }

    static void check(JsonNode document, Problems problems) {
        new SemanticChecks(problems).run(document);
    }

    private void run(JsonNode doc) {
        collectIds(doc.path("systems"), "$.systems", "system", systems);
        collectIds(doc.path("devices"), "$.devices", "device", devices);
        collectIds(doc.path("tags"), "$.tags", "tag", tagPaths);
        JsonNode tags = doc.path("tags");
        for (int i = 0; i < tags.size(); i++) {
            String id = text(tags.get(i), "id");
            if (id != null) {
                tagTypes.putIfAbsent(id, typeOf(tags.get(i)));
            }
        }
        for (int i = 0; i < tags.size(); i++) {
            if (tags.get(i).isObject()) {
                checkTag(tags.get(i), element("$.tags", i));
            }
        }
    }

    /** Records the ids of an array of objects, reporting duplicates. */
    private void collectIds(JsonNode array, String arrayPath, String what, Map<String, String> into) {
        for (int i = 0; i < array.size(); i++) {
            String id = text(array.get(i), "id");
            String path = element(arrayPath, i);
            if (id == null) {
                continue;
            }
            String first = into.putIfAbsent(id, path);
            if (first != null) {
                problems.add(
                        member(path, "id"), "duplicate " + what + " id '" + id + "' (first defined at " + first + ")");
            }
        }
    }

    private void checkTag(JsonNode tag, String path) {
        String type = typeOf(tag);
        String system = text(tag, "system");
        if (system != null && !systems.containsKey(system)) {
            problems.add(
                    member(path, "system"),
                    "unknown system '" + system + "' (defined: " + list(systems.keySet()) + ")");
        }
        String device = text(tag.path("source"), "device");
        if (device != null && !devices.containsKey(device)) {
            problems.add(
                    member(member(path, "source"), "device"),
                    "unknown device '" + device + "' (defined: " + list(devices.keySet()) + ")");
        }
        checkRanges(tag, path, type);
        checkStates(tag, path, type);
        JsonNode alarms = tag.path("alarms");
        for (int i = 0; i < alarms.size(); i++) {
            if (alarms.get(i).isObject()) {
                checkAlarm(alarms.get(i), element(member(path, "alarms"), i), type, tag);
            }
        }
    }

    private void checkRanges(JsonNode tag, String path, String type) {
        Double[] normal = range(tag, path, "normalRange");
        Double[] display = range(tag, path, "displayRange");
        boolean any = tag.has("normalRange") || tag.has("displayRange");
        if (any && !type.isEmpty() && !NUMERIC.contains(type)) {
            String which = tag.has("normalRange") ? "normalRange" : "displayRange";
            problems.add(member(path, which), "ranges are only allowed on numeric tags (double, long), not on " + type);
            return;
        }
        if (normal != null && display != null) {
            if (normal[0] < display[0]) {
                problems.add(
                        member(member(path, "normalRange"), "min"),
                        "normalRange min " + num(normal[0]) + " is below displayRange min " + num(display[0]));
            }
            if (normal[1] > display[1]) {
                problems.add(
                        member(member(path, "normalRange"), "max"),
                        "normalRange max " + num(normal[1]) + " is above displayRange max " + num(display[1]));
            }
        }
    }

    /** The range {min, max} if well-formed and ordered; reports min > max. */
    private Double[] range(JsonNode tag, String path, String name) {
        JsonNode r = tag.get(name);
        if (r == null || !r.path("min").isNumber() || !r.path("max").isNumber()) {
            return null;
        }
        double min = r.get("min").doubleValue();
        double max = r.get("max").doubleValue();
        if (min > max) {
            problems.add(member(member(path, name), "max"), name + " max " + num(max) + " is below min " + num(min));
            return null;
        }
        return new Double[] {min, max};
    }

    private void checkStates(JsonNode tag, String path, String type) {
        JsonNode states = tag.get("states");
        int count = states != null && states.isArray() ? states.size() : 0;
        switch (type) {
            case "enum" -> {
                if (count == 0) {
                    problems.add(
                            states == null ? path : member(path, "states"),
                            "an enum tag needs 'states': the labels of its values by index, e.g. [\"stopped\", \"running\"]");
                }
            }
            case "boolean" -> {
                if (count > 2) {
                    problems.add(
                            member(path, "states"),
                            "a boolean tag has at most 2 states ([falseLabel, trueLabel]), found " + count);
                }
            }
            case "" -> {}
            default -> {
                if (states != null) {
                    problems.add(
                            member(path, "states"), "states are only allowed on enum and boolean tags, not on " + type);
                }
            }
        }
    }

    private void checkAlarm(JsonNode alarm, String path, String type, JsonNode tag) {
        String id = text(alarm, "id");
        if (id != null) {
            String first = alarmPaths.putIfAbsent(id, path);
            if (first != null) {
                problems.add(member(path, "id"), "duplicate alarm id '" + id + "' (first defined at " + first + ")");
            }
        }
        String kind = text(alarm, "kind");
        String operator = text(alarm, "operator");
        if (operator != null
                && ("boolean".equals(type) || "string".equals(type))
                && !EQUALITY_OPERATORS.contains(operator)) {
            problems.add(
                    member(path, "operator"),
                    "operator '" + operator + "' is not valid for a " + type + " tag (valid: ==, !=)");
        }
        if (("deviation".equals(kind) || "rate_of_change".equals(kind)) && !type.isEmpty() && !NUMERIC.contains(type)) {
            problems.add(member(path, "kind"), kind + " alarms need a numeric tag (double, long), not " + type);
        }
        checkSetpoint(alarm, path, kind, type, tag);
        String reference = text(alarm, "referenceTag");
        if ("deviation".equals(kind) && (reference == null || reference.isEmpty())) {
            problems.add(
                    reference == null ? path : member(path, "referenceTag"),
                    "a deviation alarm needs a 'referenceTag' to compare with");
        } else if (reference != null && !reference.isEmpty()) {
            if (!"deviation".equals(kind) && kind != null) {
                problems.add(
                        member(path, "referenceTag"), "referenceTag is only used by deviation alarms, not " + kind);
            } else if (!tagTypes.containsKey(reference)) {
                problems.add(member(path, "referenceTag"), "unknown tag '" + reference + "'" + suggest(reference));
            } else if (!NUMERIC.contains(tagTypes.get(reference))
                    && !tagTypes.get(reference).isEmpty()) {
                problems.add(
                        member(path, "referenceTag"),
                        "reference tag '" + reference + "' is " + tagTypes.get(reference)
                                + ", a deviation needs a numeric tag");
            }
        }
        String suppressedBy = text(alarm, "suppressedBy");
        if (suppressedBy != null && !suppressedBy.isEmpty()) {
            if (!tagTypes.containsKey(suppressedBy)) {
                problems.add(
                        member(path, "suppressedBy"), "unknown tag '" + suppressedBy + "'" + suggest(suppressedBy));
            } else if (!"boolean".equals(tagTypes.get(suppressedBy))
                    && !tagTypes.get(suppressedBy).isEmpty()) {
                problems.add(
                        member(path, "suppressedBy"),
                        "suppressedBy tag '" + suppressedBy + "' is " + tagTypes.get(suppressedBy)
                                + ", it must be a boolean tag");
            }
        }
    }

    private void checkSetpoint(JsonNode alarm, String path, String kind, String type, JsonNode tag) {
        JsonNode setpoint = alarm.get("setpoint");
        if (setpoint == null || !setpoint.isNumber()) {
            return;
        }
        double value = setpoint.doubleValue();
        if ("boolean".equals(type) && value != 0.0 && value != 1.0) {
            problems.add(
                    member(path, "setpoint"),
                    "the setpoint of a boolean tag is 1 (true) or 0 (false), not " + num(value));
        } else if ("enum".equals(type) && "discrete".equals(kind)) {
            int states = tag.path("states").size();
            if (value != Math.rint(value) || value < 0 || (states > 0 && value >= states)) {
                problems.add(
                        member(path, "setpoint"),
                        "the setpoint of an enum tag is a state index 0.." + Math.max(states - 1, 0) + ", not "
                                + num(value));
            }
        } else if (("deviation".equals(kind) || "rate_of_change".equals(kind)) && value < 0) {
            problems.add(
                    member(path, "setpoint"), "the setpoint of a " + kind + " alarm must be >= 0, not " + num(value));
        }
    }

    /** A hint naming defined tags sharing the unknown id's first segment. */
    private String suggest(String unknown) {
        String prefix = unknown.contains(".") ? unknown.substring(0, unknown.indexOf('.') + 1) : unknown;
        List<String> similar =
                tagTypes.keySet().stream().filter(t -> t.startsWith(prefix)).toList();
        return similar.isEmpty()
                ? " (no tag of that name is defined)"
                : " (defined tags like it: " + list(similar) + ")";
    }

    private static String typeOf(JsonNode tag) {
        String type = text(tag, "type");
        return type != null
                        && Set.of("double", "long", "boolean", "string", "enum").contains(type)
                ? type
                : "";
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v != null && v.isTextual() ? v.textValue() : null;
    }

    private static String list(Iterable<String> ids) {
        List<String> all = StreamSupport.stream(ids.spliterator(), false).toList();
        if (all.isEmpty()) {
            return "none";
        }
        String shown = all.stream().limit(MAX_LISTED).collect(Collectors.joining(", "));
        return all.size() > MAX_LISTED ? shown + ", ... (" + all.size() + " in all)" : shown;
    }

    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
