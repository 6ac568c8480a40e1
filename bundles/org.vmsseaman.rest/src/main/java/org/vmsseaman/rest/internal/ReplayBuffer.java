package org.vmsseaman.rest.internal;

/**
 * The last messages sent on a realtime connection, by sequence number, kept so that a client that
 * reconnects can be sent what it missed. A ring bounded by message count and by UTF-8 bytes; the
 * oldest go first. Not thread-safe: the connection guards it.
 */
final class ReplayBuffer {

    private final RealtimeMessage[] ring;
    private final long maxBytes;
    private long first = 1; // seq of the oldest kept message
    private int size;
    private long bytes;

    ReplayBuffer(int maxMessages, long maxBytes) {
        this.ring = new RealtimeMessage[Math.max(1, maxMessages)];
        this.maxBytes = maxBytes;
    }

    /** Keeps a sent message; {@code seq} must be one more than the newest one added. */
    void add(long seq, RealtimeMessage message) {
        if (size > 0 && newest() + 1 != seq) {
            throw new IllegalArgumentException("seq " + seq + " does not follow " + newest());
        }
        if (size == 0) {
            first = seq;
        }
        if (size == ring.length) {
            dropOldest();
        }
        ring[index(seq)] = message;
        size++;
        bytes += message.length();
        while (bytes > maxBytes && size > 1) {
            dropOldest();
        }
    }

    private void dropOldest() {
        int i = index(first);
        bytes -= ring[i].length();
        ring[i] = null;
        first++;
        size--;
    }

    private int index(long seq) {
        return (int) Math.floorMod(seq, (long) ring.length);
    }

    private long newest() {
        return first + size - 1;
    }

    /**
     * Whether every message after {@code lastSeq} up to {@code newest} (the connection's last sequence
     * number) is still here; true also when nothing was missed.
     */
    boolean covers(long lastSeq, long newestSeq) {
        if (lastSeq == newestSeq) {
            return true;
        }
        return size > 0 && lastSeq >= first - 1 && lastSeq < newestSeq && newestSeq <= newest();
    }

    /** The message with this sequence number; null if it is no longer (or not yet) kept. */
    RealtimeMessage get(long seq) {
        return size == 0 || seq < first || seq > newest() ? null : ring[index(seq)];
    }

    int size() {
        return size;
    }

    long bytes() {
        return bytes;
    }
}
