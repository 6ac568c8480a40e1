package org.vmsseaman.driver.nmea2000.internal.can;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class FastPacketAssemblerTest {

    private static final int PGN = 129029;
    private final FastPacketAssembler assembler = new FastPacketAssembler();

    /** Adds a frame of {@code hex} bytes from {@code source}; the completed message as hex, or null. */
    private String add(int source, String hex) {
        CanFrame f = new CanFrame();
        byte[] b = HexFormat.of().parseHex(hex);
        System.arraycopy(b, 0, f.data, 0, b.length);
        f.length = b.length;
        byte[] done = assembler.add(PGN, source, f);
        return done == null ? null : HexFormat.of().formatHex(done, 0, assembler.lastLength());
    }

    @Test
    void reassemblesInterleavedSendersSeparately() {
        // sender 1: sequence 2 (0x40), 10 bytes; sender 2: sequence 5 (0xA0), 9 bytes
        assertThat(add(1, "400A0102030405 06".replace(" ", ""))).isNull();
        assertThat(add(2, "A009AAAAAAAAAAAA")).isNull();
        assertThat(add(2, "A1BBBBBBFFFFFFFF")).isEqualTo("aaaaaaaaaaaabbbbbb");
        assertThat(add(1, "41070809101112FF")).isEqualTo("01020304050607080910");
        assertThat(assembler.dropped()).isZero();
    }

    @Test
    void aLostFrameDropsTheMessageAndNothingIsHalfDecoded() {
        assertThat(add(1, "2014010203040506")).isNull(); // 20 bytes: frames 0, 1, 2
        assertThat(add(1, "22FFFFFFFFFFFFFF")).isNull(); // frame 1 lost
        assertThat(assembler.dropped()).isEqualTo(1);
        assertThat(add(1, "21FFFFFFFFFFFFFF"))
                .as("late frames of a dropped message are ignored")
                .isNull();
        // the next message starts cleanly
        assertThat(add(1, "4008010203040506")).isNull();
        assertThat(add(1, "410708FFFFFFFFFF")).isEqualTo("0102030405060708");
        assertThat(assembler.dropped()).isEqualTo(1);
    }

    @Test
    void aNewStartReplacesAnUnfinishedMessageAndAnotherSequenceIsALoss() {
        assertThat(add(1, "2014010203040506")).isNull();
        assertThat(add(1, "4008010203040506")).isNull(); // new start: the first message is dropped
        assertThat(assembler.dropped()).isEqualTo(1);
        assertThat(add(1, "2108FFFFFFFFFFFF")).isNull(); // frame 1 of sequence 1 (0x21), expected sequence 2
        assertThat(assembler.dropped()).isEqualTo(2);
    }

    @Test
    void malformedStartsAreCountedNotAssembled() {
        assertThat(add(1, "20")).isNull(); // no length byte
        assertThat(add(1, "20E0010203040506")).isNull(); // 224 bytes announced, at most 223 fit
        assertThat(assembler.malformed()).isEqualTo(2);
        assertThat(add(1, "2008010203")).isNull(); // frame 0 short: it cannot carry its 6 bytes
        assertThat(add(1, "210708FFFFFFFFFF")).isNull();
        assertThat(assembler.dropped()).isEqualTo(1);
    }
}
