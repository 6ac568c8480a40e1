package org.vmsseaman.rest.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import org.vmsseaman.api.tag.TagValue;

/**
 * A tag value as the JSON object of an update message: {@code id} and the value fields of
 * {@code GET /tags/{id}} ({@link Json#value}), written straight to text because the fan-out renders
 * every update once for all connections.
 */
final class RealtimeValues {

    private RealtimeValues() {}

    static String json(TagValue v) {
        StringWriter w = new StringWriter(160);
        try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(w)) {
            g.writeStartObject();
            g.writeStringField("id", v.tagId());
            g.writeFieldName("value");
            g.writeObject(v.value());
            g.writeStringField("quality", v.quality().level().name());
            g.writeStringField("qualityReason", v.quality().reason());
            g.writeStringField("sourceTime", Json.time(v.sourceTime()));
            g.writeStringField("receiveTime", Json.time(v.receiveTime()));
            if (v.raw() != null) {
                g.writeFieldName("raw");
                g.writeObject(v.raw());
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }
}
