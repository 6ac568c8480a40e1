package org.vmsseaman.rest.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import org.vmsseaman.api.tag.TagValue;

/**
 * Tag values as the JSON objects of update messages: {@code id} and the value fields of
 * {@code GET /tags/{id}} ({@link Json#value}), rendered to UTF-8 once per batch for every connection.
 */
final class RealtimeValues {

    private RealtimeValues() {}

    /**
     * Rendered values: value {@code i} (tag {@code ids[i]}) is {@code bytes[starts[i] .. starts[i + 1])}, a comma
     * followed by its JSON object, so any run of values is a slice and runs join without copying. Immutable
     * once made; shared by every connection it is offered to.
     */
    record Chunk(byte[] bytes, int[] starts, String[] ids) {

        int size() {
            return ids.length;
        }

        /** Values {@code from} (inclusive) to {@code to} (exclusive), without the first one's comma. */
        RealtimeMessage.Slice slice(int from, int to, boolean first) {
            int start = starts[from] + (first ? 1 : 0);
            return new RealtimeMessage.Slice(bytes, start, starts[to] - start);
        }

        /** The values where {@code keep} is true, copied into a chunk of their own (or this one if all are kept). */
        Chunk select(boolean[] keep) {
            int n = 0;
            int length = 0;
            for (int i = 0; i < ids.length; i++) {
                if (keep[i]) {
                    n++;
                    length += starts[i + 1] - starts[i];
                }
            }
            if (n == ids.length) {
                return this;
            }
            byte[] b = new byte[length];
            int[] s = new int[n + 1];
            String[] d = new String[n];
            int j = 0;
            for (int i = 0; i < ids.length; i++) {
                if (keep[i]) {
                    int l = starts[i + 1] - starts[i];
                    System.arraycopy(bytes, starts[i], b, s[j], l);
                    s[j + 1] = s[j] + l;
                    d[j++] = ids[i];
                }
            }
            return new Chunk(b, s, d);
        }
    }

    /** Renders the values of {@code batch} where {@code keep} is true (all if {@code keep} is null). */
    static Chunk render(List<TagValue> batch, boolean[] keep) {
        int n = 0;
        for (int i = 0; i < batch.size(); i++) {
            n += keep == null || keep[i] ? 1 : 0;
        }
        Bytes out = new Bytes(n * 160 + 1);
        int[] starts = new int[n + 1];
        String[] ids = new String[n];
        out.write(','); // the generator separates the root values that follow with commas
        try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out)) {
            g.setRootValueSeparator(new SerializedString(","));
            int j = 0;
            for (int i = 0; i < batch.size(); i++) {
                if (keep == null || keep[i]) {
                    TagValue v = batch.get(i);
                    write(g, v);
                    g.flush();
                    ids[j++] = v.tagId();
                    starts[j] = out.size;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Chunk(out.bytes, starts, ids);
    }

    private static void write(JsonGenerator g, TagValue v) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", v.tagId());
        g.writeFieldName("value");
        value(g, v.value());
        g.writeStringField("quality", v.quality().level().name());
        g.writeStringField("qualityReason", v.quality().reason());
        g.writeStringField("sourceTime", Json.time(v.sourceTime()));
        g.writeStringField("receiveTime", Json.time(v.receiveTime()));
        if (v.raw() != null) {
            g.writeFieldName("raw");
            value(g, v.raw());
        }
        g.writeEndObject();
    }

    /** The tag value types directly, anything else through the mapper (the same text either way). */
    private static void value(JsonGenerator g, Object value) throws IOException {
        if (value instanceof Double d) {
            g.writeNumber(d);
        } else if (value instanceof Long l) {
            g.writeNumber(l);
        } else if (value instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (value instanceof String s) {
            g.writeString(s);
        } else {
            g.writeObject(value);
        }
    }

    /** An unsynchronised byte sink whose array becomes the chunk's (no copy when it is exactly full). */
    private static final class Bytes extends OutputStream {
        byte[] bytes;
        int size;

        Bytes(int capacity) {
            bytes = new byte[capacity];
        }

        @Override
        public void write(int b) {
            ensure(1);
            bytes[size++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            ensure(len);
            System.arraycopy(b, off, bytes, size, len);
            size += len;
        }

        private void ensure(int more) {
            if (size + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
            }
        }
    }
}
