package org.vmsseaman.driver.modbus.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CodecTest {

    private static TagAddress address(ValueType type, boolean wordSwap, boolean byteSwap) {
        return new TagAddress(Table.HOLDING_REGISTER, 0, type, 0, 0, wordSwap, byteSwap, 1.0, 0.0, "");
    }

    private static Object decode(ValueType type, boolean wordSwap, boolean byteSwap, int... regs) {
        return Codec.decode(address(type, wordSwap, byteSwap), regs, 0).value();
    }

    @Test
    void sixteenBitTypes() {
        assertThat(decode(ValueType.INT16, false, false, 0xFFFE)).isEqualTo(-2L);
        assertThat(decode(ValueType.UINT16, false, false, 0xFFFE)).isEqualTo(65534L);
        assertThat(decode(ValueType.INT16, false, true, 0x0180)).isEqualTo((long) (short) 0x8001);
        assertThat(decode(ValueType.UINT16, false, true, 0x3412)).isEqualTo(0x1234L);
    }

    @Test
    void thirtyTwoBitIntegersInAllFourOrders() {
        // -123456789 = 0xF8A432EB: bytes A=F8 B=A4 C=32 D=EB
        assertThat(decode(ValueType.INT32, false, false, 0xF8A4, 0x32EB)).isEqualTo(-123456789L); // ABCD
        assertThat(decode(ValueType.INT32, true, false, 0x32EB, 0xF8A4)).isEqualTo(-123456789L); // CDAB
        assertThat(decode(ValueType.INT32, false, true, 0xA4F8, 0xEB32)).isEqualTo(-123456789L); // BADC
        assertThat(decode(ValueType.INT32, true, true, 0xEB32, 0xA4F8)).isEqualTo(-123456789L); // DCBA
        assertThat(decode(ValueType.UINT32, false, false, 0xF8A4, 0x32EB)).isEqualTo(0xF8A432EBL);
    }

    @Test
    void floatsInAllOrders() {
        // 123.456f = 0x42F6E979
        assertThat(decode(ValueType.FLOAT32, false, false, 0x42F6, 0xE979)).isEqualTo((double) 123.456f);
        assertThat(decode(ValueType.FLOAT32, true, false, 0xE979, 0x42F6)).isEqualTo((double) 123.456f);
        assertThat(decode(ValueType.FLOAT32, false, true, 0xF642, 0x79E9)).isEqualTo((double) 123.456f);
        assertThat(decode(ValueType.FLOAT32, true, true, 0x79E9, 0xF642)).isEqualTo((double) 123.456f);
        // PI = 0x400921FB54442D18
        assertThat(decode(ValueType.FLOAT64, false, false, 0x4009, 0x21FB, 0x5444, 0x2D18))
                .isEqualTo(Math.PI);
        assertThat(decode(ValueType.FLOAT64, true, false, 0x2D18, 0x5444, 0x21FB, 0x4009))
                .isEqualTo(Math.PI);
        assertThat(decode(ValueType.FLOAT64, false, true, 0x0940, 0xFB21, 0x4454, 0x182D))
                .isEqualTo(Math.PI);
        assertThat(decode(ValueType.FLOAT64, true, true, 0x182D, 0x4454, 0xFB21, 0x0940))
                .isEqualTo(Math.PI);
    }

    @Test
    void int64() {
        long v = -1234567890123456789L; // 0xEEDD_EF0B_8216_7EEB
        assertThat(decode(ValueType.INT64, false, false, 0xEEDD, 0xEF0B, 0x8216, 0x7EEB))
                .isEqualTo(v);
        assertThat(decode(ValueType.INT64, true, false, 0x7EEB, 0x8216, 0xEF0B, 0xEEDD))
                .isEqualTo(v);
    }

    @Test
    void bitInRegisterKeepsTheRegisterAsRaw() {
        TagAddress bit10 = new TagAddress(Table.HOLDING_REGISTER, 0, ValueType.BIT, 10, 0, false, false, 1, 0, "");
        TagAddress bit9 = new TagAddress(Table.HOLDING_REGISTER, 0, ValueType.BIT, 9, 0, false, false, 1, 0, "");
        assertThat(Codec.decode(bit10, new int[] {0x0400}, 0)).isEqualTo(new Codec.Decoded(true, 0x0400));
        assertThat(Codec.decode(bit9, new int[] {0x0400}, 0).value()).isEqualTo(false);
    }

    @Test
    void stringsTrimNulsAndHonourByteOrder() {
        TagAddress s = new TagAddress(Table.HOLDING_REGISTER, 0, ValueType.STRING, 0, 8, false, false, 1, 0, "");
        assertThat(Codec.decode(s, new int[] {0x5441, 0x4E4B, 0x2031, 0}, 0).value())
                .isEqualTo("TANK 1");
        TagAddress swapped = new TagAddress(Table.HOLDING_REGISTER, 0, ValueType.STRING, 0, 3, false, true, 1, 0, "");
        assertThat(Codec.decode(swapped, new int[] {0x4154, 0x004E}, 0).value()).isEqualTo("TAN");
    }

    @Test
    void scaleAndOffsetGiveADoubleAndKeepTheRawValue() {
        TagAddress a = new TagAddress(Table.INPUT_REGISTER, 0, ValueType.UINT16, 0, 0, false, false, 0.1, -10, "");
        Codec.Decoded d = Codec.decode(a, new int[] {1234}, 0);
        assertThat((Double) d.value()).isCloseTo(113.4, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(d.raw()).isEqualTo(1234L);
    }

    @ParameterizedTest
    @CsvSource({
        "INT16,false,false,-1234",
        "UINT16,false,true,60000",
        "INT32,true,false,-70000",
        "UINT32,false,true,4000000000",
        "FLOAT32,true,true,3.5",
        "INT64,true,true,-9000000000000",
        "FLOAT64,false,false,-2.25",
        "FLOAT64,true,true,1e300"
    })
    void encodeIsTheInverseOfDecode(ValueType type, boolean wordSwap, boolean byteSwap, double value) throws Exception {
        TagAddress a = address(type, wordSwap, byteSwap);
        int[] regs = Codec.encode(a, value);
        assertThat(regs).hasSize(type.registers());
        assertThat(((Number) Codec.decode(a, regs, 0).value()).doubleValue()).isEqualTo(value);
    }

    @Test
    void encodeWritesTheDocumentedRegisterOrder() throws Exception {
        assertThat(Codec.encode(address(ValueType.INT32, true, false), -123456789L))
                .containsExactly(0x32EB, 0xF8A4);
        byte[] be = ByteBuffer.allocate(4).putFloat(123.456f).array();
        assertThat(Codec.encode(address(ValueType.FLOAT32, false, false), 123.456f))
                .containsExactly(((be[0] & 0xFF) << 8) | (be[1] & 0xFF), ((be[2] & 0xFF) << 8) | (be[3] & 0xFF));
    }

    @Test
    void encodeReversesScaleAndOffsetAndChecksTheRange() throws Exception {
        TagAddress a = new TagAddress(Table.HOLDING_REGISTER, 0, ValueType.INT16, 0, 0, false, false, 0.1, -10, "");
        assertThat(Codec.encode(a, 113.4)).containsExactly(1234);
        assertThatThrownBy(() -> Codec.encode(a, 4000.0))
                .isInstanceOf(Codec.EncodeException.class)
                .hasMessageContaining("outside the range of int16");
        TagAddress bit = new TagAddress(Table.HOLDING_REGISTER, 0, ValueType.BIT, 3, 0, false, false, 1, 0, "");
        assertThatThrownBy(() -> Codec.encode(bit, true)).hasMessageContaining("one bit of a register");
    }

    @Test
    void encodeStrings() throws Exception {
        TagAddress s = new TagAddress(Table.HOLDING_REGISTER, 0, ValueType.STRING, 0, 5, false, false, 1, 0, "");
        assertThat(Codec.encode(s, "ABC")).containsExactly(0x4142, 0x4300, 0);
        assertThatThrownBy(() -> Codec.encode(s, "TOO LONG")).hasMessageContaining("longer than");
    }
}
