package org.vmsseaman.driver.nmea2000.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.vmsseaman.driver.nmea2000.internal.Tags.number;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vmsseaman.api.tag.Quality;

/** AC output status (127504): a generator's three lines, each a repeated set of 18 bytes, picked by {@code line}. */
class AcStatusTest {

    // instance 0, 3 lines; per line (18 bytes):
    //   line | waveform << 2 | reserved bits, voltage * 0.01 V, current * 0.1 A, frequency * 0.01 Hz,
    //   breaker * 0.1 A, real power W (32 bits), reactive power VAR (32 bits), power factor * 0.01 (signed)
    private static final String MESSAGE = "00" + "03"
            + "E0" + "D859" + "7D00" + "8813" + "4001" + "3B0B0000" + "FFFFFFFF" + "5F" // L1 230.00 V 12.5 A
            + "E1" + "3C5A" + "8200" + "8813" + "4001" + "3B0B0000" + "FFFFFFFF" + "5F" // L2 231.00 V 13.0 A
            + "E2" + "A659" + "FFFF" + "8813" + "4001" + "FFFFFFFF" + "FFFFFFFF" + "7F"; // L3 229.50 V, no current

    /** The message as candump lines of a fast packet (sequence 2) from source 0x30. */
    private static String[] frames() {
        byte[] m = HexFormat.of().parseHex(MESSAGE);
        List<String> lines = new ArrayList<>();
        String id = "(1.000000) can0 09F21030#"; // priority 2, PGN 127504 = 0x1F210, source 0x30
        StringBuilder f = new StringBuilder(String.format("40%02X", m.length));
        int i = 0;
        for (int frame = 0; i < m.length; frame++) {
            if (frame > 0) {
                f = new StringBuilder(String.format("%02X", 0x40 | frame));
            }
            while (f.length() < 16 && i < m.length) {
                f.append(String.format("%02X", m[i++]));
            }
            while (f.length() < 16) {
                f.append("FF");
            }
            lines.add(id + f);
        }
        return lines.toArray(String[]::new);
    }

    @Test
    void eachLineIsSelectedByItsLineFieldAndItsValuesDecoded() {
        TestBus bus = new TestBus(
                        number("dg.l1_v", "V", "pgn", 127504, "field", "voltage", "instance", 0, "line", 0),
                        number("dg.l2_v", "V", "pgn", 127504, "field", "voltage", "instance", 0, "line", 1),
                        number("dg.l3_v", "V", "pgn", 127504, "field", "voltage", "line", 2),
                        number("dg.l2_a", "A", "pgn", 127504, "field", "current", "line", 1),
                        number("dg.l3_a", "A", "pgn", 127504, "field", "current", "line", 2),
                        number("dg.l1_kw", "kW", "pgn", 127504, "field", "realPower", "line", 0),
                        number("dg.l1_pf", "", "pgn", 127504, "field", "powerFactor", "line", 0),
                        number("dg.hz", "Hz", "pgn", 127504, "field", "frequency"), // no line: the first set
                        number("dg.l4_v", "V", "pgn", 127504, "field", "voltage", "line", 3),
                        number("dg.bad", "V", "pgn", 127504, "field", "numberOfLines", "line", 1))
                .lines(frames());
        assertThat(bus.problems).containsOnlyKeys("dg.bad");
        assertThat(bus.problems.get("dg.bad")).contains("'line' selects one of the repeated sets");
        assertThat((double) bus.last("dg.l1_v").value()).isCloseTo(0x59D8 * 0.01, within(1e-9)); // 230.00 V
        assertThat((double) bus.last("dg.l2_v").value()).isCloseTo(231.00, within(1e-9)); // 0x5A3C = 23100
        assertThat((double) bus.last("dg.l3_v").value()).isCloseTo(229.50, within(1e-9)); // 0x59A6 = 22950
        assertThat((double) bus.last("dg.l2_a").value()).isCloseTo(13.0, within(1e-9)); // 0x0082 = 130
        assertThat(bus.last("dg.l3_a").quality()).isEqualTo(Quality.BAD_SENSOR_FAILURE); // 0xFFFF
        assertThat((double) bus.last("dg.l1_kw").value()).isCloseTo(2.875, within(1e-9)); // 0x0B3B = 2875 W
        assertThat((double) bus.last("dg.l1_pf").value()).isCloseTo(0.95, within(1e-9)); // 0x5F = 95
        assertThat((double) bus.last("dg.hz").value()).isCloseTo(50.0, within(1e-9)); // 0x1388 = 5000
        assertThat(bus.of("dg.l4_v")).as("only 3 lines").isEmpty();
        assertThat(bus.decoder.fastPacketDropped()).isZero();
    }
}
