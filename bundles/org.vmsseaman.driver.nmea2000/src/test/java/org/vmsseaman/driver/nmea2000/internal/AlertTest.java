package org.vmsseaman.driver.nmea2000.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.vmsseaman.api.tag.DataType;

/** NMEA 2000 alerts (126983) as tags the alarm engine can alarm on: one alert picked by system and id. */
class AlertTest {

    // 126983 from source 0x23: priority 2, PGN 0x1F007 -> identifier 0x09F00723. The 28-byte message:
    //   0: 0x12 type 2 (alarm, low nibble), category 1 (technical, high nibble)
    //   1: system 5    2: subsystem 0    3-4: alert id 12 (0C 00)    5-12: NAME 01..08
    //  13: data source instance 0    14: index 0    15: occurrence 3
    //  16: 0xC2 = acknowledged (bit 1), not silenced (bit 0), not escalated (bit 2), reserved bits set
    //  17-24: acknowledging NAME FF..FF    25: 0x21 trigger 1, threshold 2    26: priority 1    27: state
    // Fast packet: frame 0 = 00 (sequence 0, frame 0), 1C (28 bytes), bytes 0-5; frames 1-3 = 7 bytes each; frame 4
    // byte 27 and padding.
    private static String[] alert(int alertId, int state) {
        String id = "(1.000000) can0 09F00723#";
        return new String[] {
            id + "001C120500" + String.format("%02X", alertId) + "0001",
            id + "0102030405060708",
            id + "02000003C2FFFFFF",
            id + "03FFFFFFFFFF2101",
            id + "04" + String.format("%02X", state) + "FFFFFFFFFFFF"
        };
    }

    @Test
    void alertStateOfOneAlertIsAnEnumTagOtherAlertsDoNotTouchIt() {
        TestBus bus = new TestBus(
                Tags.tag(
                        "bridge.alert12",
                        DataType.ENUM,
                        "",
                        "pgn",
                        126983,
                        "field",
                        "alertState",
                        "alertSystem",
                        5,
                        "alertId",
                        12),
                Tags.tag(
                        "bridge.alert12_type", DataType.STRING, "", "pgn", 126983, "field", "alertType", "alertId", 12),
                Tags.tag(
                        "bridge.alert12_ack",
                        DataType.BOOLEAN,
                        "",
                        "pgn",
                        126983,
                        "field",
                        "acknowledgeStatus",
                        "alertId",
                        12));
        bus.lines(alert(12, 4)); // acknowledged
        bus.lines(alert(13, 2)); // another alert, active
        assertThat(bus.of("bridge.alert12")).hasSize(1);
        assertThat(bus.last("bridge.alert12").value()).isEqualTo(4L);
        assertThat(bus.last("bridge.alert12_type").value()).isEqualTo("alarm");
        assertThat(bus.last("bridge.alert12_ack").value()).isEqualTo(1L);
        bus.lines(alert(12, 2)); // active again
        assertThat(bus.last("bridge.alert12").value()).isEqualTo(2L);
        assertThat(bus.decoder.fastPacketDropped()).isZero();
    }
}
