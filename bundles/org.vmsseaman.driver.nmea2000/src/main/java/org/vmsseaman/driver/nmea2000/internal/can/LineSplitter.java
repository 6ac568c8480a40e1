package org.vmsseaman.driver.nmea2000.internal.can;

import java.util.function.Consumer;

/**
 * Splits a byte stream of text lines (as read in chunks from a socket, datagram or file) into lines, parses
 * each with a {@link LineParser} and hands the frames on. A line split across two chunks is carried over; a
 * line longer than {@link #MAX_LINE} bytes is malformed. Counts every line by what it was. Not thread-safe.
 */
public final class LineSplitter implements ChunkDecoder {

    /** The longest line accepted; real ones are under 80 bytes. */
    public static final int MAX_LINE = 512;

    private final LineParser parser = new LineParser();
    private final CanFrame frame = new CanFrame();
    private final Consumer<CanFrame> frames;
    private final byte[] carry = new byte[MAX_LINE];
    private int carried;
    private boolean overlong;
    private long lines;
    private long malformed;
    private long skipped;
    private long ignored;

    /** @param frames receives each well-formed 29-bit frame (the same instance, refilled for every line) */
    public LineSplitter(Consumer<CanFrame> frames) {
        this.frames = frames;
    }

    /** Processes {@code buf[off, off + len)}; complete lines are parsed at once, a trailing partial line kept. */
    @Override
    public void accept(byte[] buf, int off, int len) {
        int end = off + len;
        int start = off;
        for (int i = off; i < end; i++) {
            if (buf[i] != '\n') {
                continue;
            }
            if (carried > 0 || overlong) {
                appendCarry(buf, start, i);
                finishCarried();
            } else {
                line(buf, start, i);
            }
            start = i + 1;
        }
        if (start < end) {
            appendCarry(buf, start, end);
        }
    }

    /** Processes a trailing line without a terminator (end of a file or datagram). */
    @Override
    public void endOfInput() {
        if (carried > 0 || overlong) {
            finishCarried();
        }
    }

    private void appendCarry(byte[] buf, int from, int to) {
        int n = to - from;
        if (overlong || carried + n > MAX_LINE) {
            overlong = true;
            carried = 0;
            return;
        }
        System.arraycopy(buf, from, carry, carried, n);
        carried += n;
    }

    private void finishCarried() {
        if (overlong) {
            lines++;
            malformed++;
        } else {
            line(carry, 0, carried);
        }
        carried = 0;
        overlong = false;
    }

    private void line(byte[] buf, int from, int to) {
        lines++;
        if (to - from > MAX_LINE) {
            malformed++;
            return;
        }
        switch (parser.parse(buf, from, to, frame)) {
            case FRAME -> frames.accept(frame);
            case SKIPPED -> skipped++;
            case IGNORED -> ignored++;
            case MALFORMED -> malformed++;
        }
    }

    /** Lines seen (each ended by a newline, or by the end of input). */
    public long lines() {
        return lines;
    }

    /** Lines that are not a frame in any supported format. */
    @Override
    public long malformed() {
        return malformed;
    }

    /** Blank and comment lines. */
    public long skipped() {
        return skipped;
    }

    /** Well-formed frames that are not 29-bit data frames (11-bit, remote, CAN FD). */
    public long ignored() {
        return ignored;
    }
}
