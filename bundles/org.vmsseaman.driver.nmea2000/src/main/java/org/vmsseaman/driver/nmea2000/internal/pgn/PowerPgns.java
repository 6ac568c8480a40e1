package org.vmsseaman.driver.nmea2000.internal.pgn;

import static org.vmsseaman.driver.nmea2000.internal.pgn.LayoutBuilder.fast;
import static org.vmsseaman.driver.nmea2000.internal.pgn.LayoutBuilder.j1939;
import static org.vmsseaman.driver.nmea2000.internal.pgn.LayoutBuilder.single;

import java.util.List;

/** Tanks, DC sources and batteries, switch banks, generator AC and J1939 vehicle electrical power. */
final class PowerPgns {

    /** Indicators of a switch bank: 0 off, 1 on; 2 (error) and 3 (not available) are no value. */
    private static final int INDICATORS = 28;

    private PowerPgns() {}

    /**
     * AC input or output status: an instance, the number of lines, then per line 18 bytes. {@code line} (0..2
     * for L1..L3) and the next bits are the first byte of a set; the caller adds the PGN's own bits there.
     */
    private static LayoutBuilder acLines(LayoutBuilder b) {
        return b.n("instance", 0, 8)
                .n("numberOfLines", 8, 8)
                .repeat("numberOfLines", 16, 144)
                .n("line", 0, 2)
                .u("voltage", 8, 16, 0.01, "V")
                .u("current", 24, 16, 0.1, "A")
                .u("frequency", 40, 16, 0.01, "Hz")
                .u("breakerSize", 56, 16, 0.1, "A")
                .u("realPower", 72, 32, 1, "W")
                .u("reactivePower", 104, 32, 1, "VAR")
                .s("powerFactor", 136, 8, 0.01, "");
    }

    static List<PgnLayout> layouts() {
        LayoutBuilder switchBank = single(127501, "binarySwitchBankStatus").n("instance", 0, 8);
        for (int i = 1; i <= INDICATORS; i++) {
            switchBank.e("indicator" + i, 8 + 2 * (i - 1), 2, Lookups.OFF_ON, 1);
        }
        return List.of(
                single(127505, "fluidLevel")
                        .n("instance", 0, 4)
                        .e("type", 4, 4, Lookups.TANK_TYPE)
                        .s("level", 8, 16, 0.004, "%")
                        .u("capacity", 24, 32, 0.1, "L")
                        .build(),
                fast(127506, "dcDetailedStatus")
                        .n("sid", 0, 8)
                        .n("instance", 8, 8)
                        .e("dcType", 16, 8, Lookups.DC_SOURCE)
                        .u("stateOfCharge", 24, 8, 1, "%")
                        .u("stateOfHealth", 32, 8, 1, "%")
                        .u("timeRemaining", 40, 16, 60, "s")
                        .u("rippleVoltage", 56, 16, 0.001, "V")
                        .u("remainingCapacity", 72, 16, 1, "Ah")
                        .build(),
                single(127508, "batteryStatus")
                        .n("instance", 0, 8)
                        .s("voltage", 8, 16, 0.01, "V")
                        .s("current", 24, 16, 0.1, "A")
                        .u("temperature", 40, 16, 0.01, "K")
                        .n("sid", 56, 8)
                        .build(),
                switchBank.build(),
                acLines(fast(127503, "acInputStatus"))
                        .e("acceptability", 2, 2, Lookups.ACCEPTABILITY, 3)
                        .build(),
                acLines(fast(127504, "acOutputStatus")).n("waveform", 2, 3).build(),
                single(65030, "generatorAverageBasicAcQuantities")
                        .u("lineLineVoltage", 0, 16, 1, "V")
                        .u("lineNeutralVoltage", 16, 16, 1, "V")
                        .u("frequency", 32, 16, 1.0 / 128, "Hz")
                        .u("current", 48, 16, 1, "A")
                        .build(),
                j1939(65271, "vehicleElectricalPower1")
                        .u("netBatteryCurrent", 0, 8, 1, -125, "A")
                        .u("alternatorCurrent", 8, 8, 1, "A")
                        .u("chargingSystemPotential", 16, 16, 0.05, "V")
                        .u("batteryPotential", 32, 16, 0.05, "V")
                        .u("keyswitchBatteryPotential", 48, 16, 0.05, "V")
                        .build());
    }
}
