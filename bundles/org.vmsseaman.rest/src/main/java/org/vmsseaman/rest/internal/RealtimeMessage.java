package org.vmsseaman.rest.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One text message of the realtime stream as UTF-8 parts, in order. An update message is its own short
 * head and tail around slices of {@link RealtimeValues.Chunk chunks} that every connection shares, so
 * values are rendered once however many clients receive them and are never copied per connection.
 * Immutable: the parts are handed out as fresh views.
 */
final class RealtimeMessage {

    private final Slice[] parts;
    private final int length;

    private RealtimeMessage(Slice[] parts) {
        this.parts = parts;
        this.length = length(List.of(parts));
    }

    /** A message of one text. */
    static RealtimeMessage of(String text) {
        return new RealtimeMessage(new Slice[] {Slice.of(text.getBytes(StandardCharsets.UTF_8))});
    }

    /** A message of {@code head}, the slices and {@code tail}; empty slices are left out. */
    static RealtimeMessage of(byte[] head, List<Slice> body, byte[] tail) {
        List<Slice> parts = new ArrayList<>(body.size() + 2);
        parts.add(Slice.of(head));
        for (Slice s : body) {
            if (s.length() > 0) {
                parts.add(s);
            }
        }
        parts.add(Slice.of(tail));
        return new RealtimeMessage(parts.toArray(Slice[]::new));
    }

    /** A range of a shared byte array. */
    record Slice(byte[] bytes, int offset, int length) {

        static Slice of(byte[] bytes) {
            return new Slice(bytes, 0, bytes.length);
        }
    }

    /** The slices copied one after the other into one new array. */
    static Slice join(List<Slice> slices) {
        byte[] b = new byte[length(slices)];
        int at = 0;
        for (Slice s : slices) {
            System.arraycopy(s.bytes(), s.offset(), b, at, s.length());
            at += s.length();
        }
        return Slice.of(b);
    }

    private static int length(List<Slice> slices) {
        int n = 0;
        for (Slice s : slices) {
            n += s.length();
        }
        return n;
    }

    /** UTF-8 bytes in all. */
    int length() {
        return length;
    }

    int parts() {
        return parts.length;
    }

    /** Part {@code i} as a new buffer over the shared bytes: position 0, its length remaining. */
    ByteBuffer part(int i) {
        return ByteBuffer.wrap(parts[i].bytes(), parts[i].offset(), parts[i].length())
                .slice();
    }

    /** The whole message as one array (for transports that take one text). */
    byte[] bytes() {
        Slice only = parts.length == 1 ? parts[0] : null;
        if (only != null && only.offset() == 0 && only.length() == only.bytes().length) {
            return only.bytes();
        }
        return join(List.of(parts)).bytes();
    }

    /** The message as text. */
    String text() {
        return new String(bytes(), StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return text();
    }
}
