package org.vmsseaman.driver.nmea2000.internal.pgn;

import static org.vmsseaman.driver.nmea2000.internal.pgn.LayoutBuilder.fast;
import static org.vmsseaman.driver.nmea2000.internal.pgn.LayoutBuilder.j1939;
import static org.vmsseaman.driver.nmea2000.internal.pgn.LayoutBuilder.single;

import java.util.List;

/**
 * Engines and transmissions: NMEA 2000 127488/127489/127493 and the SAE J1939-71 engine PGNs gensets send
 * (EEC1 61444, ET1 65262, EFL/P1 65263). J1939 byte n is bits 8(n-1)..8n-1 here.
 */
final class MachineryPgns {

    private MachineryPgns() {}

    static List<PgnLayout> layouts() {
        return List.of(
                single(127488, "engineParametersRapidUpdate")
                        .n("instance", 0, 8)
                        .u("speed", 8, 16, 0.25, "rpm")
                        .u("boostPressure", 24, 16, 100, "Pa")
                        .s("tiltTrim", 40, 8, 1, "%")
                        .build(),
                fast(127489, "engineParametersDynamic")
                        .n("instance", 0, 8)
                        .u("oilPressure", 8, 16, 100, "Pa")
                        .u("oilTemperature", 24, 16, 0.1, "K")
                        .u("temperature", 40, 16, 0.01, "K")
                        .s("alternatorPotential", 56, 16, 0.01, "V")
                        .s("fuelRate", 72, 16, 0.1, "L/h")
                        .u("totalEngineHours", 88, 32, 1, "s")
                        .u("coolantPressure", 120, 16, 100, "Pa")
                        .u("fuelPressure", 136, 16, 1000, "Pa")
                        .n("discreteStatus1", 160, 16)
                        .n("discreteStatus2", 176, 16)
                        .s("engineLoad", 192, 8, 1, "%")
                        .s("engineTorque", 200, 8, 1, "%")
                        .build(),
                single(127493, "transmissionParametersDynamic")
                        .n("instance", 0, 8)
                        .e("transmissionGear", 8, 2, Lookups.GEAR)
                        .u("oilPressure", 16, 16, 100, "Pa")
                        .u("oilTemperature", 32, 16, 0.1, "K")
                        .n("discreteStatus1", 48, 8)
                        .build(),
                j1939(61444, "electronicEngineController1")
                        .n("engineTorqueMode", 0, 4)
                        .u("driverDemandTorque", 8, 8, 1, -125, "%")
                        .u("actualTorque", 16, 8, 1, -125, "%")
                        .u("engineSpeed", 24, 16, 0.125, "rpm")
                        .n("controllingSourceAddress", 40, 8)
                        .n("starterMode", 48, 4)
                        .u("engineDemandTorque", 56, 8, 1, -125, "%")
                        .build(),
                j1939(65262, "engineTemperature1")
                        .u("coolantTemperature", 0, 8, 1, -40, "degC")
                        .u("fuelTemperature", 8, 8, 1, -40, "degC")
                        .u("oilTemperature", 16, 16, 0.03125, -273, "degC")
                        .u("turboOilTemperature", 32, 16, 0.03125, -273, "degC")
                        .u("intercoolerTemperature", 48, 8, 1, -40, "degC")
                        .u("intercoolerThermostatOpening", 56, 8, 0.4, "%")
                        .build(),
                j1939(65263, "engineFluidLevelPressure1")
                        .u("fuelDeliveryPressure", 0, 8, 4000, "Pa")
                        .u("crankcaseBlowbyPressure", 8, 8, 50, "Pa")
                        .u("oilLevel", 16, 8, 0.4, "%")
                        .u("oilPressure", 24, 8, 4000, "Pa")
                        .u("crankcasePressure", 32, 16, 1000.0 / 128, -250_000, "Pa")
                        .u("coolantPressure", 48, 8, 2000, "Pa")
                        .u("coolantLevel", 56, 8, 0.4, "%")
                        .build());
    }
}
