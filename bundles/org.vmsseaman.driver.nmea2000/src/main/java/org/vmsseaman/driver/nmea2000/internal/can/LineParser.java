package org.vmsseaman.driver.nmea2000.internal.can;

/**
 * Parses one text line of a CAN gateway or log into a {@link CanFrame}, recognising the format by its
 * shape, straight from bytes (no String per line):
 *
 * <ul>
 *   <li>Yacht Devices RAW: {@code 00:29:58.617 R 0DFF180D A2 8C 50 C0 FF FF FF FF} (direction R or T);
 *   <li>candump log ({@code candump -l}): {@code (1745600961.335462) can0 11FC1063#003DFFFF02000100};
 *   <li>candump console output, with or without {@code -t a} time: {@code (1745600961.335462)  can0
 *       1CF004FE   [8]  11 22 33 44 55 66 77 88} or {@code can0  1CF004FE   [8]  11 22 ...}.
 * </ul>
 *
 * Blank lines and lines starting with {@code #} are {@link Result#SKIPPED}. Well-formed frames that are
 * not 29-bit data frames (11-bit identifiers, remote frames, CAN FD) are {@link Result#IGNORED}.
 * Anything else is {@link Result#MALFORMED}; the frame's contents are then undefined.
 */
public final class LineParser {

    /** What a line turned out to be. */
    public enum Result {
        FRAME,
        SKIPPED,
        IGNORED,
        MALFORMED
    }

    private int pos;

    /** Parses {@code line[from, to)} (without the line terminator) into {@code frame}. */
    public Result parse(byte[] line, int from, int to, CanFrame frame) {
        while (to > from && (line[to - 1] == '\r' || line[to - 1] == ' ' || line[to - 1] == '\t')) {
            to--;
        }
        pos = skipBlanks(line, from, to);
        if (pos >= to || line[pos] == '#') {
            return Result.SKIPPED;
        }
        byte first = line[pos];
        if (first == '(') {
            return candump(line, to, frame, true);
        }
        if (isDigit(first) && pos + 2 < to && line[pos + 2] == ':') {
            return ydRaw(line, to, frame);
        }
        frame.timestampMicros = -1;
        return candump(line, to, frame, false);
    }

    private Result ydRaw(byte[] b, int to, CanFrame frame) {
        // hh:mm:ss.mmm
        if (pos + 12 > to || b[pos + 5] != ':' || b[pos + 8] != '.') {
            return Result.MALFORMED;
        }
        int h = twoDigits(b, pos);
        int m = twoDigits(b, pos + 3);
        int s = twoDigits(b, pos + 6);
        int ms = twoDigits(b, pos + 9) * 10 + digit(b[pos + 11]);
        if (h < 0 || m < 0 || s < 0 || ms < 0 || h > 23 || m > 59 || s > 60) {
            return Result.MALFORMED;
        }
        frame.timestampMicros = ((h * 3600L + m * 60L + s) * 1000L + ms) * 1000L;
        pos += 12;
        if (!blank(b, to) || pos >= to || (b[pos] != 'R' && b[pos] != 'T')) {
            return Result.MALFORMED;
        }
        pos++;
        if (!blank(b, to)) {
            return Result.MALFORMED;
        }
        int idStart = pos;
        long id = hex(b, to);
        if (id < 0 || pos - idStart != 8 || id > 0x1FFFFFFF) {
            return Result.MALFORMED;
        }
        frame.id = (int) id;
        return spacedBytes(b, to, frame, -1);
    }

    private Result candump(byte[] b, int to, CanFrame frame, boolean timed) {
        if (timed) {
            long t = timestamp(b, to);
            if (t < 0) {
                return Result.MALFORMED;
            }
            frame.timestampMicros = t;
            if (!blank(b, to)) {
                return Result.MALFORMED;
            }
        }
        // interface name
        int ifStart = pos;
        while (pos < to && b[pos] != ' ' && b[pos] != '\t') {
            pos++;
        }
        if (pos == ifStart || !blank(b, to)) {
            return Result.MALFORMED;
        }
        int idStart = pos;
        long id = hex(b, to);
        int idDigits = pos - idStart;
        if (id < 0 || (idDigits != 8 && idDigits != 3)) {
            return Result.MALFORMED;
        }
        boolean extended = idDigits == 8;
        if (extended && id > 0x1FFFFFFF) {
            return Result.MALFORMED;
        }
        frame.id = (int) id;
        Result result;
        if (pos < to && b[pos] == '#') {
            pos++;
            if (pos < to && (b[pos] == '#' || b[pos] == 'R' || b[pos] == 'r')) {
                return Result.IGNORED; // CAN FD or remote frame
            }
            result = packedBytes(b, to, frame);
        } else if (blank(b, to) && pos < to && b[pos] == '[') {
            pos++;
            int n = digit(pos < to ? b[pos] : 0);
            if (n < 0 || n > 8 || pos + 1 >= to || b[pos + 1] != ']') {
                return Result.MALFORMED;
            }
            pos += 2;
            result = spacedBytes(b, to, frame, n);
        } else {
            return Result.MALFORMED;
        }
        return result == Result.FRAME && !extended ? Result.IGNORED : result;
    }

    /** {@code (seconds.micros)}: seconds any number of digits, exactly 6 fraction digits. */
    private long timestamp(byte[] b, int to) {
        pos++;
        long seconds = 0;
        int digits = 0;
        while (pos < to && isDigit(b[pos]) && digits < 12) {
            seconds = seconds * 10 + (b[pos++] - '0');
            digits++;
        }
        if (digits == 0 || pos >= to || b[pos] != '.') {
            return -1;
        }
        pos++;
        long micros = 0;
        for (int i = 0; i < 6; i++) {
            if (pos >= to || !isDigit(b[pos])) {
                return -1;
            }
            micros = micros * 10 + (b[pos++] - '0');
        }
        if (pos >= to || b[pos] != ')') {
            return -1;
        }
        pos++;
        return seconds * 1_000_000L + micros;
    }

    /** Up to 8 bytes as two hex digits each, separated by blanks; {@code expected} bytes if not -1. */
    private Result spacedBytes(byte[] b, int to, CanFrame frame, int expected) {
        int n = 0;
        while (pos < to) {
            if (!blank(b, to)) {
                return Result.MALFORMED;
            }
            if (pos >= to) {
                break;
            }
            int v = hexByte(b, to);
            if (v < 0 || n == CanFrame.MAX_DATA) {
                return Result.MALFORMED;
            }
            frame.data[n++] = (byte) v;
        }
        if (expected >= 0 && n != expected) {
            return Result.MALFORMED;
        }
        frame.length = n;
        return Result.FRAME;
    }

    /** 0..8 bytes as consecutive hex digit pairs, up to the end of the line. */
    private Result packedBytes(byte[] b, int to, CanFrame frame) {
        int n = 0;
        while (pos < to) {
            int v = hexByte(b, to);
            if (v < 0 || n == CanFrame.MAX_DATA) {
                return Result.MALFORMED;
            }
            frame.data[n++] = (byte) v;
        }
        frame.length = n;
        return Result.FRAME;
    }

    private int hexByte(byte[] b, int to) {
        if (pos + 1 >= to) {
            return -1;
        }
        int hi = hexDigit(b[pos]);
        int lo = hexDigit(b[pos + 1]);
        if (hi < 0 || lo < 0) {
            return -1;
        }
        pos += 2;
        if (pos < to && b[pos] != ' ' && b[pos] != '\t' && hexDigit(b[pos]) < 0) {
            return -1;
        }
        return (hi << 4) | lo;
    }

    /** Hex digits up to 8; -1 if none or too many. */
    private long hex(byte[] b, int to) {
        long v = 0;
        int start = pos;
        while (pos < to) {
            int d = hexDigit(b[pos]);
            if (d < 0) {
                break;
            }
            v = (v << 4) | d;
            pos++;
            if (pos - start > 8) {
                return -1;
            }
        }
        return pos == start ? -1 : v;
    }

    /** Skips at least one blank; false if there was none. */
    private boolean blank(byte[] b, int to) {
        int start = pos;
        pos = skipBlanks(b, pos, to);
        return pos > start;
    }

    private static int skipBlanks(byte[] b, int p, int to) {
        while (p < to && (b[p] == ' ' || b[p] == '\t')) {
            p++;
        }
        return p;
    }

    private static int twoDigits(byte[] b, int p) {
        int a = digit(b[p]);
        int c = digit(b[p + 1]);
        return a < 0 || c < 0 ? -1 : a * 10 + c;
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    private static int digit(byte c) {
        return isDigit(c) ? c - '0' : -1;
    }

    private static int digit(int c) {
        return c >= '0' && c <= '9' ? c - '0' : -1;
    }

    private static int hexDigit(byte c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return -1;
    }
}
