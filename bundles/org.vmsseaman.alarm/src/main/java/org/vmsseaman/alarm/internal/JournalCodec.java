package org.vmsseaman.alarm.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Set;
import org.vmsseaman.api.alarm.AlarmEvent;
import org.vmsseaman.api.alarm.AlarmState;
import org.vmsseaman.api.alarm.Transition;
import org.vmsseaman.api.project.AlarmPriority;

/**
 * One journal entry as one line of JSON (jackson-core streaming). Times are ISO-8601 UTC, cut to
 * microseconds. Values keep their Java type: {@link Long} (also from Integer, Short, Byte), {@link Double}
 * (also from Float; NaN and the infinities as the strings {@code "NaN"}, {@code "Infinity"},
 * {@code "-Infinity"}), {@link Boolean}, {@link String} (a string that reads like one of those three gets
 * {@code "valueType":"string"} next to it). Unknown fields are ignored when reading.
 */
final class JournalCodec {

    /** The longest line written or read; a longer line is not an entry. */
    static final int MAX_LINE_BYTES = 1 << 20;

    private static final JsonFactory FACTORY = JsonFactory.builder().build();
    private static final Set<String> NON_FINITE = Set.of("NaN", "Infinity", "-Infinity");
    private static final String STRING_TYPE = "string";

    private JournalCodec() {}

    /**
     * The entry as UTF-8 JSON followed by {@code '\n'}.
     *
     * @throws IllegalArgumentException if it has no time, a value of another type, or is longer than
     *     {@link #MAX_LINE_BYTES}
     */
    static byte[] encodeLine(AlarmEvent event) {
        if (event.time() == null) {
            throw new IllegalArgumentException("journal entry " + event.seq() + " has no time");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberField("seq", event.seq());
            g.writeStringField("time", iso(event.time()));
            g.writeStringField("alarmId", event.alarmId());
            g.writeNumberField("occurrence", event.occurrence());
            g.writeStringField(
                    "transition",
                    event.transition() == null ? null : event.transition().label());
            g.writeStringField(
                    "state", event.state() == null ? null : event.state().label());
            g.writeStringField(
                    "priority",
                    event.priority() == null ? null : event.priority().label());
            g.writeFieldName("value");
            writeValue(g, event.value());
            g.writeStringField("user", event.user());
            g.writeStringField("detail", event.detail());
            g.writeNumberField("related", event.related());
            g.writeStringField("until", event.until() == null ? null : iso(event.until()));
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // not from a ByteArrayOutputStream
        }
        out.write('\n');
        if (out.size() > MAX_LINE_BYTES) {
            throw new IllegalArgumentException(
                    "journal entry " + event.seq() + " is longer than " + MAX_LINE_BYTES + " bytes");
        }
        return out.toByteArray();
    }

    /**
     * The entry in {@code len} bytes of UTF-8 JSON (whitespace, such as the line end, around it is
     * allowed).
     *
     * @throws IllegalArgumentException if they are not one JSON object with at least a seq and a time,
     *     or a field has a value this codec cannot have written
     */
    static AlarmEvent decodeLine(byte[] buf, int off, int len) {
        try (JsonParser p = FACTORY.createParser(buf, off, len)) {
            AlarmEvent event = readEntry(p);
            if (p.nextToken() != null) {
                throw new IllegalArgumentException("more after the entry at " + p.currentLocation());
            }
            return event;
        } catch (IOException | DateTimeException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static String iso(Instant time) {
        return time.truncatedTo(ChronoUnit.MICROS).toString();
    }

    private static void writeValue(JsonGenerator g, Object value) throws IOException {
        if (value == null) {
            g.writeNull();
        } else if (value instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (value instanceof Long
                || value instanceof Integer
                || value instanceof Short
                || value instanceof Byte) {
            g.writeNumber(((Number) value).longValue());
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            // Double.toString always has a '.' or an exponent, so it reads back as a floating number
            if (Double.isFinite(d)) {
                g.writeNumber(Double.toString(d));
            } else {
                g.writeString(Double.toString(d));
            }
        } else if (value instanceof String s) {
            g.writeString(s);
            if (NON_FINITE.contains(s)) {
                g.writeStringField("valueType", STRING_TYPE);
            }
        } else {
            throw new IllegalArgumentException(
                    "a value of type " + value.getClass().getName() + " cannot be journalled");
        }
    }

    private static AlarmEvent readEntry(JsonParser p) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw new IllegalArgumentException("not a JSON object");
        }
        Long seq = null;
        Instant time = null;
        String alarmId = null;
        long occurrence = 0;
        Transition transition = null;
        AlarmState state = null;
        AlarmPriority priority = null;
        Object value = null;
        String valueType = null;
        String user = null;
        String detail = null;
        long related = 0;
        Instant until = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken token = p.nextToken();
            switch (name) {
                case "seq" -> seq = longValue(p, token);
                case "time" -> time = instant(p, token);
                case "alarmId" -> alarmId = text(p, token);
                case "occurrence" -> occurrence = longValue(p, token);
                case "transition" -> transition = label(Transition.class, text(p, token));
                case "state" -> state = label(AlarmState.class, text(p, token));
                case "priority" -> priority = label(AlarmPriority.class, text(p, token));
                case "value" -> value = rawValue(p, token);
                case "valueType" -> valueType = text(p, token);
                case "user" -> user = text(p, token);
                case "detail" -> detail = text(p, token);
                case "related" -> related = longValue(p, token);
                case "until" -> until = instant(p, token);
                default -> p.skipChildren(); // a field of a later version
            }
        }
        if (p.currentToken() != JsonToken.END_OBJECT) {
            throw new IllegalArgumentException("unexpected " + p.currentToken() + " at " + p.currentLocation());
        }
        if (seq == null || time == null) {
            throw new IllegalArgumentException("no seq or no time");
        }
        if (value instanceof String s && NON_FINITE.contains(s) && !STRING_TYPE.equals(valueType)) {
            value = Double.valueOf(s);
        }
        return new AlarmEvent(
                seq, time, alarmId, occurrence, transition, state, priority, value, user, detail, related, until);
    }

    private static long longValue(JsonParser p, JsonToken token) throws IOException {
        if (token != JsonToken.VALUE_NUMBER_INT) {
            throw new IllegalArgumentException("'" + p.currentName() + "' is not an integer");
        }
        return p.getLongValue();
    }

    private static String text(JsonParser p, JsonToken token) throws IOException {
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token != JsonToken.VALUE_STRING) {
            throw new IllegalArgumentException("'" + p.currentName() + "' is not a string");
        }
        return p.getText();
    }

    private static Instant instant(JsonParser p, JsonToken token) throws IOException {
        String text = text(p, token);
        return text == null ? null : Instant.parse(text);
    }

    private static <E extends Enum<E>> E label(Class<E> type, String label) {
        return label == null ? null : Enum.valueOf(type, label.toUpperCase(Locale.ROOT));
    }

    private static Object rawValue(JsonParser p, JsonToken token) throws IOException {
        return switch (token) {
            case VALUE_NULL -> null;
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NUMBER_INT -> p.getLongValue();
            case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
            case VALUE_STRING -> p.getText();
            default -> throw new IllegalArgumentException("'value' is not null, boolean, number or string");
        };
    }
}
