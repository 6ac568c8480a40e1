package org.vmsseaman.driver.nmea2000.internal.can;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CanIdTest {

    @Test
    void pdu2IdentifiersCarryTheGroupExtensionInThePgnAndBroadcast() {
        // 0x09F80110 = 000 010 0 1 11111000 00000001 00010000: priority 2, DP 1, PF 0xF8 (>= 240), PS 0x01, SA 0x10
        int id = 0x09F80110;
        assertThat(CanId.priority(id)).isEqualTo(2);
        assertThat(CanId.pgn(id)).isEqualTo(0x1F801).isEqualTo(129025);
        assertThat(CanId.source(id)).isEqualTo(16);
        assertThat(CanId.destination(id)).isEqualTo(CanId.GLOBAL);
    }

    @Test
    void pdu1IdentifiersCarryTheDestinationOutsideThePgn() {
        // ISO request 0x18EA2300: priority 6, DP 0, PF 0xEA (< 240) so PS 0x23 is the destination, SA 0x00
        int id = 0x18EA2300;
        assertThat(CanId.priority(id)).isEqualTo(6);
        assertThat(CanId.pgn(id)).isEqualTo(0xEA00).isEqualTo(59904);
        assertThat(CanId.destination(id)).isEqualTo(0x23);
        assertThat(CanId.source(id)).isZero();
        // fast-packet alert 126983 = 0x1F007: PF 0xF0 is PDU2
        assertThat(CanId.pgn(0x0DF00711)).isEqualTo(126983);
    }

    @Test
    void j1939EngineIdentifiers() {
        // EEC1 from engine #1: 0x0CF00400 = priority 3, PGN 0xF004 = 61444, SA 0
        assertThat(CanId.priority(0x0CF00400)).isEqualTo(3);
        assertThat(CanId.pgn(0x0CF00400)).isEqualTo(61444);
        assertThat(CanId.pgn(0x18FEEE00)).isEqualTo(65262);
    }

    @Test
    void ofBuildsWhatTheAccessorsTakeApart() {
        int id = CanId.of(3, 59904, 0x42, 0x17);
        assertThat(CanId.pgn(id)).isEqualTo(59904);
        assertThat(CanId.destination(id)).isEqualTo(0x17);
        assertThat(CanId.source(id)).isEqualTo(0x42);
        assertThat(CanId.of(2, 129025, 16, 99)).isEqualTo(0x09F80110);
    }
}
