package org.vmsseaman.driver.nmea2000.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.vmsseaman.driver.nmea2000.internal.Tags.number;

import org.junit.jupiter.api.Test;
import org.vmsseaman.api.tag.Quality;

/**
 * Decoded values against frames decoded by hand: the expected numbers are the bytes' arithmetic written out,
 * not the decoder's output.
 */
class HandDecodedFramesTest {

    private static final double K0 = 273.15;

    @Test
    void vesselHeadingWithDeviationAndVariationNotAvailable() {
        TestBus bus = new TestBus(
                        number("nav.heading", "deg", "pgn", 127250, "field", "heading"),
                        number("nav.heading_rad", "rad", "pgn", 127250, "field", "heading"),
                        number("nav.variation", "deg", "pgn", 127250, "field", "variation"))
                .lines("00:30:01.127 R 09F11213 00 BC 39 FF 7F FF 7F FD"); // merrimac, source 0x13
        // heading: bytes 1-2 little-endian 0x39BC = 14780, * 0.0001 rad
        double rad = 0x39BC * 0.0001;
        assertThat(bus.last("nav.heading_rad").value()).isEqualTo(rad);
        assertThat((double) bus.last("nav.heading").value()).isCloseTo(rad * 180 / Math.PI, within(1e-9));
        assertThat((double) bus.last("nav.heading").value()).isCloseTo(84.683, within(0.001));
        // variation: bytes 5-6 = 0x7FFF, the largest signed 16-bit value: "not available"
        assertThat(bus.last("nav.variation").value()).isNull();
        assertThat(bus.last("nav.variation").quality()).isEqualTo(Quality.BAD_SENSOR_FAILURE);
    }

    @Test
    void waterDepthAndApparentWindFromMerrimac() {
        TestBus bus = new TestBus(
                        number("nav.depth", "m", "pgn", 128267, "field", "depth"),
                        number("nav.depth_offset", "m", "pgn", 128267, "field", "offset"),
                        number("nav.aws", "kn", "pgn", 130306, "field", "windSpeed", "reference", "apparent"),
                        number("nav.awa", "deg", "pgn", 130306, "field", "windAngle", "reference", 2))
                .lines(
                        "00:30:00.942 R 15F50B24 69 BA 01 00 00 F4 01 FF",
                        "00:30:01.132 R 09FD0220 49 7D 01 9C EB FA FF FF",
                        "00:30:01.088 R 09FD020D FF A0 01 41 2B F8 FF FF"); // reference 0xF8 & 7 = 0: true
        // depth: bytes 1-4 = 0x000001BA = 442 * 0.01 m; offset: bytes 5-6 = 0x01F4 = 500 * 0.001 m
        assertThat((double) bus.last("nav.depth").value()).isCloseTo(4.42, within(1e-9));
        assertThat((double) bus.last("nav.depth_offset").value()).isCloseTo(0.5, within(1e-9));
        // wind speed: bytes 1-2 = 0x017D = 381 * 0.01 m/s = 3.81 m/s = 3.81 * 3600 / 1852 kn
        assertThat((double) bus.last("nav.aws").value()).isCloseTo(3.81 * 3600 / 1852, within(1e-9));
        // wind angle: bytes 3-4 = 0xEB9C = 60316 * 0.0001 rad; reference byte 5 = 0xFA & 7 = 2 (apparent)
        assertThat((double) bus.last("nav.awa").value()).isCloseTo(6.0316 * 180 / Math.PI, within(1e-9));
        // the true-wind message from source 13 did not pass the "apparent" filter
        assertThat(bus.of("nav.aws")).hasSize(1);
    }

    @Test
    void positionRapidUpdate() {
        TestBus bus = new TestBus(
                        number("nav.lat", "deg", "pgn", 129025, "field", "latitude", "source", 45),
                        number("nav.lon", "deg", "pgn", 129025, "field", "longitude", "source", 45))
                .lines(
                        "00:30:01.100 R 09F8012D 68 4F B3 08 68 BC A0 DB",
                        "00:30:01.116 R 09F80110 FF FF FF 7F FF FF FF 7F"); // source 16: filtered out
        // latitude: bytes 0-3 = 0x08B34F68 = 145969000 * 1e-7 deg
        assertThat((double) bus.last("nav.lat").value()).isCloseTo(145_969_000 * 1e-7, within(1e-9));
        // longitude: bytes 4-7 = 0xDBA0BC68, negative: 0xDBA0BC68 - 2^32 = -610223000 * 1e-7 deg
        assertThat((double) bus.last("nav.lon").value()).isCloseTo((0xDBA0BC68L - (1L << 32)) * 1e-7, within(1e-9));
        assertThat((double) bus.last("nav.lon").value()).isCloseTo(-61.0223, within(1e-9));
        assertThat(bus.values()).hasSize(2);
    }

    @Test
    void gnssPositionFastPacketFromMerrimac() {
        TestBus bus = new TestBus(
                        number("gps.lat", "deg", "pgn", 129029, "field", "latitude"),
                        number("gps.lon", "deg", "pgn", 129029, "field", "longitude"),
                        number("gps.alt", "m", "pgn", 129029, "field", "altitude"),
                        number("gps.sats", "", "pgn", 129029, "field", "numberOfSvs"),
                        number("gps.hdop", "", "pgn", 129029, "field", "hdop"),
                        number("gps.geoid", "m", "pgn", 129029, "field", "geoidalSeparation"),
                        number("gps.time", "s", "pgn", 129029, "field", "time"))
                .lines(
                        "00:30:00.316 R 0DF8052D 20 2B 89 95 47 90 CF 12",
                        "00:30:00.316 R 0DF8052D 21 01 00 10 38 39 08 96",
                        "00:30:00.317 R 0DF8052D 22 06 02 00 10 3A 23 6A");
        assertThat(bus.values()).as("nothing before the last frame").isEmpty();
        bus.lines(
                "00:30:00.317 R 0DF8052D 23 0D 88 F7 5F 8B 78 00",
                "00:30:00.318 R 0DF8052D 24 00 00 00 00 12 FC 16",
                "00:30:00.318 R 0DF8052D 25 34 00 75 00 5D EF FF",
                "00:30:00.319 R 0DF8052D 26 FF FF FF FF FF FF FF");
        // frame 0: 0x20 = sequence 1, frame 0; 0x2B = 43 bytes; then 6 data bytes, each later frame 7:
        // message = 89 | 95 47 | 90 CF 12 01 | 00 10 38 39 08 96 06 02 | 00 10 3A 23 6A 0D 88 F7 |
        //           5F 8B 78 00 00 00 00 00 | 12 | FC | 16 | 34 00 | 75 00 | 5D EF FF FF | FF
        assertThat((double) bus.last("gps.lat").value()).isCloseTo(0x0206960839381000L * 1e-16, within(1e-12));
        assertThat((double) bus.last("gps.lat").value()).isCloseTo(14.5969, within(1e-9));
        assertThat((double) bus.last("gps.lon").value()).isCloseTo(0xF7880D6A233A1000L * 1e-16, within(1e-12));
        assertThat((double) bus.last("gps.alt").value()).isCloseTo(0x788B5F * 1e-6, within(1e-9));
        assertThat(((Number) bus.last("gps.sats").value()).longValue()).isEqualTo(0x16); // 22 satellites
        assertThat((double) bus.last("gps.hdop").value()).isCloseTo(0x34 * 0.01, within(1e-12));
        // 0xFFFFEF5D as signed 32 bits = -(0x100000000 - 0xFFFFEF5D) = -4259 * 0.01 m
        assertThat((double) bus.last("gps.geoid").value()).isCloseTo(-42.59, within(1e-9));
        assertThat((double) bus.last("gps.time").value()).isCloseTo(0x0112CF90 * 1e-4, within(1e-9));
        assertThat(bus.values()).allMatch(v -> v.quality() == Quality.GOOD);
    }

    @Test
    void engineParametersDynamicFastPacketFromCandump() {
        TestBus bus = new TestBus(
                        number("me.oil_p", "bar", "pgn", 127489, "field", "oilPressure", "instance", 0),
                        number("me.oil_t", "degC", "pgn", 127489, "field", "oilTemperature", "instance", 0),
                        number("me.cool_t", "degC", "pgn", 127489, "field", "temperature", "instance", 0),
                        number("me.alt_v", "V", "pgn", 127489, "field", "alternatorPotential", "instance", 0),
                        number("me.fuel_rate", "l/h", "pgn", 127489, "field", "fuelRate", "instance", 0),
                        number("me.hours", "h", "pgn", 127489, "field", "totalEngineHours", "instance", 0),
                        number("me.fuel_p", "kPa", "pgn", 127489, "field", "fuelPressure", "instance", 0),
                        number("me.load", "%", "pgn", 127489, "field", "engineLoad", "instance", 0),
                        number("stbd.oil_p", "bar", "pgn", 127489, "field", "oilPressure", "instance", 1))
                .lines(
                        "(0000000000.352000) vcan0 09F20101#601A00B706670D0B",
                        "(0000000000.353000) vcan0 09F20101#6186BA042600105F",
                        "(0000000000.354000) vcan0 09F20101#62090000008F027F",
                        "(0000000000.355000) vcan0 09F20101#63000000007F7FFF");
        // 26 bytes: 00 | B7 06 | 67 0D | 0B 86 | BA 04 | 26 00 | 10 5F 09 00 | 00 00 | 8F 02 | 7F | 00 00 |
        //           00 00 | 7F | 7F
        // oil pressure 0x06B7 = 1719 * 100 Pa = 1.719 bar
        assertThat((double) bus.last("me.oil_p").value()).isCloseTo(1.719, within(1e-9));
        // oil temperature 0x0D67 = 3431 * 0.1 K = 343.1 K
        assertThat((double) bus.last("me.oil_t").value()).isCloseTo(343.1 - K0, within(1e-9));
        // coolant temperature 0x860B = 34315 * 0.01 K
        assertThat((double) bus.last("me.cool_t").value()).isCloseTo(343.15 - K0, within(1e-9));
        // alternator 0x04BA = 1210 * 0.01 V
        assertThat((double) bus.last("me.alt_v").value()).isCloseTo(12.10, within(1e-9));
        // fuel rate 0x0026 = 38 * 0.1 L/h
        assertThat((double) bus.last("me.fuel_rate").value()).isCloseTo(3.8, within(1e-9));
        // hours 0x00095F10 = 614160 s / 3600
        assertThat((double) bus.last("me.hours").value()).isCloseTo(614_160 / 3600.0, within(1e-9));
        // fuel pressure 0x028F = 655 * 1000 Pa = 655 kPa
        assertThat((double) bus.last("me.fuel_p").value()).isCloseTo(655, within(1e-9));
        // engine load 0x7F: the largest signed 8-bit value, not available
        assertThat(bus.last("me.load").quality()).isEqualTo(Quality.BAD_SENSOR_FAILURE);
        assertThat(bus.of("stbd.oil_p")).as("instance 1 filter").isEmpty();
    }

    @Test
    void batteryStatusAndDcDetailedStatusFromMerrimac() {
        TestBus bus = new TestBus(
                        number("dc.house_v", "V", "pgn", 127508, "field", "voltage", "instance", 0),
                        number("dc.house_a", "A", "pgn", 127508, "field", "current", "instance", 0),
                        number("dc.house_t", "degC", "pgn", 127508, "field", "temperature", "instance", 0),
                        number("dc.start_t", "degC", "pgn", 127508, "field", "temperature", "instance", 3),
                        number("dc.soc", "%", "pgn", 127506, "field", "stateOfCharge", "instance", 0),
                        number("dc.remaining", "h", "pgn", 127506, "field", "timeRemaining", "instance", 0),
                        number("dc.ripple", "V", "pgn", 127506, "field", "rippleVoltage", "instance", 0))
                .lines(
                        "00:29:59.696 R 19F21400 00 61 0A 8E FF D2 75 F9",
                        "00:29:59.699 R 19F21400 03 14 05 36 00 FF FF FB",
                        "00:29:59.703 R 19F21200 00 09 00 00 00 5F FF 98",
                        "00:29:59.704 R 19F21200 01 0D FF FF FF FF FF FF");
        // 127508 instance 0: voltage 0x0A61 = 2657 * 0.01 V; current 0xFF8E = -114 * 0.1 A; temp 0x75D2 * 0.01 K
        assertThat((double) bus.last("dc.house_v").value()).isCloseTo(26.57, within(1e-9));
        assertThat((double) bus.last("dc.house_a").value()).isCloseTo((0xFF8E - 0x10000) * 0.1, within(1e-9));
        assertThat((double) bus.last("dc.house_t").value()).isCloseTo(0x75D2 * 0.01 - K0, within(1e-9));
        // instance 3: temperature 0xFFFF: not available
        assertThat(bus.last("dc.start_t").quality()).isEqualTo(Quality.BAD_SENSOR_FAILURE);
        // 127506 fast packet, 9 bytes: 00 00 00 5F FF 98 0D FF FF: SoC 0x5F = 95 %,
        // time remaining 0x0D98 = 3480 * 60 s = 58 h, ripple 0xFFFF not available
        assertThat(((Number) bus.last("dc.soc").value()).doubleValue()).isEqualTo(95.0);
        assertThat((double) bus.last("dc.remaining").value()).isCloseTo(58.0, within(1e-9));
        assertThat(bus.last("dc.ripple").quality()).isEqualTo(Quality.BAD_SENSOR_FAILURE);
    }

    @Test
    void fluidLevelByInstanceAndTypeName() {
        TestBus bus = new TestBus(
                        number("tank.fuel2", "%", "pgn", 127505, "field", "level", "instance", 2, "type", "fuel"),
                        number("tank.fuel2_cap", "m3", "pgn", 127505, "field", "capacity", "instance", 2, "type", 0),
                        number("tank.water2", "%", "pgn", 127505, "field", "level", "instance", 2, "type", "water"))
                // byte 0 = 0x02: instance 2 (low nibble), type 0 fuel (high nibble); level 0x4E20 = 20000 * 0.004 %;
                // capacity 0x00000FA0 = 4000 * 0.1 L = 400 L
                .lines(
                        "(1.000000) can0 19F21180#02204EA00F0000FF",
                        "(1.000000) can0 19F21180#12204EA00F0000FF"); // type 1 water
        assertThat((double) bus.last("tank.fuel2").value()).isCloseTo(80.0, within(1e-9));
        assertThat((double) bus.last("tank.fuel2_cap").value()).isCloseTo(0.4, within(1e-9));
        assertThat(bus.of("tank.fuel2")).hasSize(1);
        assertThat(bus.of("tank.water2")).hasSize(1);
    }

    @Test
    void j1939EngineControllerTemperaturesPressuresAndPower() {
        TestBus bus = new TestBus(
                        number("gen.rpm", "rpm", "pgn", 61444, "field", "engineSpeed"),
                        number("gen.torque", "%", "pgn", 61444, "field", "actualTorque"),
                        number("gen.coolant_t", "degC", "pgn", 65262, "field", "coolantTemperature"),
                        number("gen.fuel_t", "degC", "pgn", 65262, "field", "fuelTemperature"),
                        number("gen.oil_t", "degC", "pgn", 65262, "field", "oilTemperature"),
                        number("gen.oil_p", "bar", "pgn", 65263, "field", "oilPressure"),
                        number("gen.coolant_p", "bar", "pgn", 65263, "field", "coolantPressure"),
                        number("gen.battery_v", "V", "pgn", 65271, "field", "batteryPotential"))
                .lines(
                        "  can0  0CF00400   [8]  F0 7D 82 60 1A 00 F0 7D",
                        "  can0  18FEEE00   [8]  5A FF 40 2C FF FF FF FF",
                        "  can0  18FEEF00   [8]  FF FF FF 64 FF FF FE FF",
                        "  can0  18FEF700   [8]  FF FF FF FF 18 02 FF FF");
        // EEC1 bytes 4-5: 0x1A60 = 6752 * 0.125 rpm = 844 rpm; byte 3: 0x82 = 130 - 125 = 5 %
        assertThat((double) bus.last("gen.rpm").value()).isCloseTo(844.0, within(1e-9));
        assertThat((double) bus.last("gen.torque").value()).isCloseTo(5.0, within(1e-9));
        // ET1 byte 1: 0x5A = 90 - 40 = 50 degC; byte 2 0xFF not available; bytes 3-4 0x2C40 = 11328 * 0.03125 - 273
        assertThat((double) bus.last("gen.coolant_t").value()).isCloseTo(50.0, within(1e-9));
        assertThat(bus.last("gen.fuel_t").quality()).isEqualTo(Quality.BAD_SENSOR_FAILURE);
        assertThat((double) bus.last("gen.oil_t").value()).isCloseTo(11328 * 0.03125 - 273, within(1e-9));
        // EFL/P1 byte 4: 0x64 = 100 * 4 kPa = 400 kPa = 4 bar; byte 7: 0xFE is J1939's error indicator
        assertThat((double) bus.last("gen.oil_p").value()).isCloseTo(4.0, within(1e-9));
        assertThat(bus.last("gen.coolant_p").quality()).isEqualTo(Quality.BAD_SENSOR_FAILURE);
        // VEP1 bytes 5-6: 0x0218 = 536 * 0.05 V
        assertThat((double) bus.last("gen.battery_v").value()).isCloseTo(26.8, within(1e-9));
    }

    @Test
    void outOfRangeIsUncertainNotANumber() {
        TestBus bus = new TestBus(number("env.sea_t", "degC", "pgn", 130310, "field", "waterTemperature"))
                .lines("(1.000000) can0 15FD060C#01FEFFFFFFFFFFFF"); // 0xFFFE: out of range
        assertThat(bus.last("env.sea_t").quality()).isEqualTo(Quality.UNCERTAIN_OUT_OF_RANGE);
        assertThat(bus.last("env.sea_t").value()).isNull();
    }
}
