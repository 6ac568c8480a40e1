package org.vmsseaman.rest.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.vmsseaman.api.tag.Range;
import org.vmsseaman.api.tag.TagDefinition;
import org.vmsseaman.api.tag.TagValue;

/** JSON rendering of the API model: ISO-8601 UTC timestamps, SI units, durations in seconds. */
final class Json {

    /** Bounded parsing for anything a client sends; no polymorphic typing is ever enabled. */
    static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(32)
                            .maxStringLength(100_000)
                            .maxNumberLength(100)
                            .build())
                    .build())
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private Json() {}

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    static void write(HttpServletResponse resp, int status, Object body) throws IOException {
        resp.setStatus(status);
        resp.setContentType("application/json");
        resp.setCharacterEncoding("UTF-8");
        resp.setHeader("Cache-Control", "no-store");
        MAPPER.writeValue(resp.getOutputStream(), body);
    }

    /** A JSON error body: {@code {"status": 404, "error": "Not Found", "message": "..."}} plus the offending parameter if any. */
    static void error(HttpServletResponse resp, int status, String error, String message, String parameter)
            throws IOException {
        ObjectNode body = object();
        body.put("status", status);
        body.put("error", error);
        body.put("message", message);
        if (parameter != null) {
            body.put("parameter", parameter);
        }
        write(resp, status, body);
    }

    static String time(long micros) {
        return micros == 0L ? null : IsoTime.text(micros);
    }

    /** A device's status as {@code /devices} and {@code /health} show it. */
    static ObjectNode device(org.vmsseaman.api.device.DeviceStatus d) {
        ObjectNode n = object();
        n.put("id", d.deviceId());
        n.put("protocol", d.protocol());
        n.put("state", d.state().name());
        n.put("detail", d.detail());
        n.put("since", d.since().toString());
        n.put("tags", d.tagCount());
        n.put("updates", d.updates());
        n.put("rejected", d.rejected());
        n.put("driver", d.driverBundle());
        return n;
    }

    static ObjectNode range(Range r) {
        if (r == null) {
            return null;
        }
        ObjectNode n = object();
        n.put("min", r.min());
        n.put("max", r.max());
        return n;
    }

    static Double seconds(Duration d) {
        return d == null ? null : d.toMillis() / 1000.0;
    }

    /** A tag: its definition and, if given, its current value. */
    static ObjectNode tag(TagDefinition d, TagValue v) {
        ObjectNode n = object();
        n.put("id", d.id());
        n.put("name", d.name());
        n.put("description", d.description());
        n.put("system", d.system());
        n.put("type", d.dataType().label());
        n.put("unit", d.unit());
        n.set("normalRange", range(d.normalRange()));
        n.set("displayRange", range(d.displayRange()));
        n.put("writable", d.writable());
        if (!d.states().isEmpty()) {
            ArrayNode states = n.putArray("states");
            d.states().forEach(states::add);
        }
        if (v != null) {
            value(n, v);
        }
        return n;
    }

    /** Adds value, quality and timestamps of {@code v} to {@code n}. */
    static void value(ObjectNode n, TagValue v) {
        n.set("value", MAPPER.valueToTree(v.value()));
        n.put("quality", v.quality().level().name());
        n.put("qualityReason", v.quality().reason());
        n.put("sourceTime", time(v.sourceTime()));
        n.put("receiveTime", time(v.receiveTime()));
        if (v.raw() != null) {
            n.set("raw", MAPPER.valueToTree(v.raw()));
        }
    }
}
