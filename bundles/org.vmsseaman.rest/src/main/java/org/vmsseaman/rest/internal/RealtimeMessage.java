package org.vmsseaman.rest.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One text message of the realtime stream as UTF-8 parts, in order. An update message is its own short
 * head and tail around slices of {@link RealtimeValues.Chunk chunks} that every connection shares, so
 * values are rendered once however many clients receive them and are never copied per connection.
 * Immutable: the parts are handed out as fresh views.
 */
final class RealtimeMessage {

    private final byte[][] arrays;
    private final int[] offsets;
    private final int[] lengths;
    private final int length;

    private RealtimeMessage(byte[][] arrays, int[] offsets, int[] lengths) {
        this.arrays = arrays;
        this.offsets = offsets;
        this.lengths = lengths;
        int n = 0;
        for (int l : lengths) {
            n += l;
        }
        this.length = n;
    }

    /** A message of one text. */
    static RealtimeMessage of(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return new RealtimeMessage(new byte[][] {b}, new int[] {0}, new int[] {b.length});
    }

    /** A message of {@code head}, the slices and {@code tail}; empty slices are left out. */
    static RealtimeMessage of(byte[] head, List<Slice> body, byte[] tail) {
        int n = 2;
        for (Slice s : body) {
            n += s.length() > 0 ? 1 : 0;
        }
        byte[][] a = new byte[n][];
        int[] o = new int[n];
        int[] l = new int[n];
        a[0] = head;
        l[0] = head.length;
        int i = 1;
        for (Slice s : body) {
            if (s.length() > 0) {
                a[i] = s.bytes();
                o[i] = s.offset();
                l[i++] = s.length();
            }
        }
        a[i] = tail;
        l[i] = tail.length;
        return new RealtimeMessage(a, o, l);
    }

    /** A range of a shared byte array. */
    record Slice(byte[] bytes, int offset, int length) {}

    /** UTF-8 bytes in all. */
    int length() {
        return length;
    }

    int parts() {
        return arrays.length;
    }

    /** Part {@code i} as a new buffer over the shared bytes: position 0, its length remaining. */
    ByteBuffer part(int i) {
        return ByteBuffer.wrap(arrays[i], offsets[i], lengths[i]).slice();
    }

    /** The whole message as one array (for transports that take one text). */
    byte[] bytes() {
        if (arrays.length == 1 && offsets[0] == 0 && lengths[0] == arrays[0].length) {
            return arrays[0];
        }
        byte[] b = new byte[length];
        int at = 0;
        for (int i = 0; i < arrays.length; i++) {
            System.arraycopy(arrays[i], offsets[i], b, at, lengths[i]);
            at += lengths[i];
        }
        return b;
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
