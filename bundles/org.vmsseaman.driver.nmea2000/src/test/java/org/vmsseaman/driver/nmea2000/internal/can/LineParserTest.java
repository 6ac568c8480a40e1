package org.vmsseaman.driver.nmea2000.internal.can;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LineParserTest {

    private final LineParser parser = new LineParser();
    private final CanFrame frame = new CanFrame();

    private LineParser.Result parse(String line) {
        byte[] b = line.getBytes(StandardCharsets.ISO_8859_1);
        return parser.parse(b, 0, b.length, frame);
    }

    @Test
    void yachtDevicesRaw() {
        assertThat(parse("00:29:58.617 R 0DFF180D A2 8C 50 C0 FF FF FF FF\r")).isEqualTo(LineParser.Result.FRAME);
        assertThat(frame.id).isEqualTo(0x0DFF180D);
        assertThat(frame.length).isEqualTo(8);
        assertThat(frame.data[0]).isEqualTo((byte) 0xA2);
        assertThat(frame.data[7]).isEqualTo((byte) 0xFF);
        // ((0 h * 60 + 29 min) * 60 + 58 s) * 1000 + 617 ms
        assertThat(frame.timestampMicros).isEqualTo(((29 * 60 + 58) * 1000L + 617) * 1000L);
        assertThat(parse("23:59:59.999 T 09F80110 01 02")).isEqualTo(LineParser.Result.FRAME);
        assertThat(frame.length).isEqualTo(2);
    }

    @Test
    void candumpLogFormat() {
        assertThat(parse("(1745600961.335462) can0 11FC1063#003DFFFF02000100")).isEqualTo(LineParser.Result.FRAME);
        assertThat(frame.id).isEqualTo(0x11FC1063);
        assertThat(frame.length).isEqualTo(8);
        assertThat(frame.data[1]).isEqualTo((byte) 0x3D);
        assertThat(frame.timestampMicros).isEqualTo(1745600961_335462L);
        assertThat(parse("(0000000000.352000) vcan0 09F20101#601A")).isEqualTo(LineParser.Result.FRAME);
        assertThat(frame.length).isEqualTo(2);
        assertThat(frame.timestampMicros).isEqualTo(352_000L);
    }

    @Test
    void candumpConsoleFormatWithAndWithoutTime() {
        assertThat(parse("  can0  1CF004FE   [8]  11 22 33 44 55 66 77 88")).isEqualTo(LineParser.Result.FRAME);
        assertThat(frame.id).isEqualTo(0x1CF004FE);
        assertThat(frame.data[7]).isEqualTo((byte) 0x88);
        assertThat(frame.timestampMicros).isEqualTo(-1);
        assertThat(parse(" (1745600961.335462)  can0  18FEEE00   [3]  5A FF 40"))
                .isEqualTo(LineParser.Result.FRAME);
        assertThat(frame.length).isEqualTo(3);
        assertThat(frame.timestampMicros).isEqualTo(1745600961_335462L);
    }

    @Test
    void commentsBlankLinesAndNonNmeaFramesAreNotMalformed() {
        assertThat(parse("# candump sample with -l option.")).isEqualTo(LineParser.Result.SKIPPED);
        assertThat(parse("   \r")).isEqualTo(LineParser.Result.SKIPPED);
        assertThat(parse("(1.000000) can0 123#0102")).isEqualTo(LineParser.Result.IGNORED);
        assertThat(parse("(1.000000) can0 1CF004FE#R")).isEqualTo(LineParser.Result.IGNORED);
        assertThat(parse("(1.000000) can0 1CF004FE##10011")).isEqualTo(LineParser.Result.IGNORED);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "00:29:58.617 R 0DFF180D A2 8C 50 C0 FF FF FF FF 00", // 9 bytes
                "00:29:58.617 X 0DFF180D A2",
                "00:29:58.617 R 0DFF18 A2",
                "00:29:58.617 R 3DFF180D A2", // more than 29 bits
                "00:29:58.617 R 0DFF180D A2 8",
                "00:29:58.617 R 0DFF180D A28C",
                "00:29:5",
                "0:29:58.617 R 0DFF180D A2",
                "(1745600961.335462) can0 11FC1063#003DFFFF0200010",
                "(1745600961.335462) can0 11FC1063#003DFFFF0200010011",
                "(1745600961.335462) can0 11FC1063",
                "(1745600961.33546) can0 11FC1063#00",
                "(1745600961.335462 can0 11FC1063#00",
                "(1745600961.335462) can0 11FC10G3#00",
                "  can0  1CF004FE   [8]  11 22 33",
                "  can0  1CF004FE   [9]  11 22 33 44 55 66 77 88 99",
                "can0",
                "garbage",
            })
    void malformedLines(String line) {
        assertThat(parse(line)).isEqualTo(LineParser.Result.MALFORMED);
    }
}
