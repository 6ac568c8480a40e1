package org.vmsseaman.driver.modbus.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class FramingTest {

    @Test
    void rtuCrcMatchesTheSpecificationExample() {
        // read 10 holding registers from 0 of unit 1: 01 03 00 00 00 0A C5 CD
        byte[] frame = HexFormat.of().parseHex("01030000000A0000");
        RtuFraming.appendCrc(frame);
        assertThat(HexFormat.of().formatHex(frame)).isEqualTo("01030000000ac5cd");
    }

    @Test
    void transactionIdsRunFromOneAndSkipZeroWhenWrapping() {
        assertThat(new MbapFraming().nextTransactionId()).isEqualTo(1);
        assertThat(new MbapFraming(0xFFFE).nextTransactionId()).isEqualTo(0xFFFF);
        assertThat(new MbapFraming(0xFFFF).nextTransactionId()).isEqualTo(1);
    }

    @Test
    void requestPdus() {
        assertThat(HexFormat.of().formatHex(Pdu.read(Table.INPUT_REGISTER, 0x1234, 125)))
                .isEqualTo("041234007d");
        assertThat(HexFormat.of().formatHex(Pdu.writeCoil(5, true))).isEqualTo("050005ff00");
        assertThat(HexFormat.of().formatHex(Pdu.writeRegisters(1, new int[] {0xABCD, 2})))
                .isEqualTo("1000010002" + "04abcd0002");
    }
}
