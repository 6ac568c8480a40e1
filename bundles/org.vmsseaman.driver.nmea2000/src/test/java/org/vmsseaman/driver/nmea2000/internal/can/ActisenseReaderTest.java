package org.vmsseaman.driver.nmea2000.internal.can;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Actisense NGT-1 binary stream, built byte by byte in the test. */
class ActisenseReaderTest {

    private record Message(int pgn, int source, String data) {}

    private final List<Message> messages = new ArrayList<>();
    private final ActisenseReader reader = new ActisenseReader((pgn, source, data, length) ->
            messages.add(new Message(pgn, source, HexFormat.of().formatHex(data, 0, length))));

    /**
     * A 0x93 packet: priority 2, PGN, destination 255, source, timestamp 0, the data; checksum so that every
     * byte from the command on sums to 0 modulo 256; DLE doubled inside.
     */
    private static byte[] packet(int pgn, int source, String hex, boolean breakChecksum) {
        byte[] data = HexFormat.of().parseHex(hex);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(0x93);
        body.write(11 + data.length);
        body.writeBytes(new byte[] {
            2,
            (byte) pgn,
            (byte) (pgn >> 8),
            (byte) (pgn >> 16),
            (byte) 255,
            (byte) source,
            0,
            0,
            0,
            0,
            (byte) data.length
        });
        body.writeBytes(data);
        int sum = 0;
        for (byte b : body.toByteArray()) {
            sum += b & 0xFF;
        }
        body.write((256 - (sum & 0xFF) + (breakChecksum ? 1 : 0)) & 0xFF);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x10);
        out.write(0x02);
        for (byte b : body.toByteArray()) {
            out.write(b);
            if (b == 0x10) {
                out.write(0x10);
            }
        }
        out.write(0x10);
        out.write(0x03);
        return out.toByteArray();
    }

    @Test
    void completeMessagesWithEscapedBytesAcrossChunksAndGarbageBetween() {
        // 128267 depth 4.42 m from source 0x24; 127489 (26 bytes, no fast-packet framing) from source 0x10,
        // whose data contain 0x10 bytes that travel doubled
        byte[] depth = packet(128267, 0x24, "69BA01000000F401FF".substring(0, 16), false);
        byte[] engine = packet(127489, 0x10, "00B706670D0B86BA042600105F09000000108F027F00000000107F7F", false);
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        stream.writeBytes(new byte[] {0x55, 0x10, 0x03, 0x02}); // noise before the first start
        stream.writeBytes(depth);
        stream.writeBytes(engine);
        byte[] all = stream.toByteArray();
        int cut = all.length - 7; // the second packet split across two reads
        reader.accept(all, 0, cut);
        reader.accept(all, cut, all.length - cut);
        assertThat(messages)
                .containsExactly(
                        new Message(128267, 0x24, "69ba01000000f401"),
                        new Message(127489, 0x10, "00b706670d0b86ba042600105f09000000108f027f00000000107f7f"));
        assertThat(reader.malformed()).isZero();
    }

    @Test
    void aWrongChecksumOrACutPacketIsMalformedAndTheNextOneDecodes() {
        byte[] bad = packet(128267, 0x24, "69BA01000000F401", true);
        byte[] good = packet(128267, 0x24, "69BB01000000F401", false);
        byte[] cut = java.util.Arrays.copyOf(good, good.length - 4); // no DLE ETX: the next DLE STX restarts
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        stream.writeBytes(bad);
        stream.writeBytes(cut);
        stream.writeBytes(good);
        byte[] all = stream.toByteArray();
        reader.accept(all, 0, all.length);
        assertThat(messages).containsExactly(new Message(128267, 0x24, "69bb01000000f401"));
        assertThat(reader.malformed()).isEqualTo(2);
    }

    @Test
    void pdu1PgnsLoseTheirDestinationByte() {
        // ISO request 59904 = 0xEA00 sent to 0x23: the NGT-1 reports PDU specific 0x23 in the PGN's low byte
        reader.accept(packet(0xEA23, 0x05, "00EE00", false), 0, packet(0xEA23, 0x05, "00EE00", false).length);
        assertThat(messages).containsExactly(new Message(59904, 0x05, "00ee00"));
    }

    @Test
    void theStartupCommandIsAFramedNgtMessageWithAValidChecksum() {
        byte[] c = ActisenseReader.startupCommand();
        assertThat(HexFormat.of().formatHex(c)).isEqualTo("1002a1031102004" + "91003");
        // a1 + 03 + 11 + 02 + 00 + 49 = 0x100
    }
}
