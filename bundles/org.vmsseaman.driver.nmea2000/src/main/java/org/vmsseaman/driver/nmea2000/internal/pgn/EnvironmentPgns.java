package org.vmsseaman.driver.nmea2000.internal.pgn;

import static org.vmsseaman.driver.nmea2000.internal.pgn.LayoutBuilder.single;

import java.util.List;

/** Temperatures, humidity and atmospheric pressure. */
final class EnvironmentPgns {

    private EnvironmentPgns() {}

    static List<PgnLayout> layouts() {
        return List.of(
                single(130310, "environmentalParametersObsolete")
                        .n("sid", 0, 8)
                        .u("waterTemperature", 8, 16, 0.01, "K")
                        .u("outsideAirTemperature", 24, 16, 0.01, "K")
                        .u("atmosphericPressure", 40, 16, 100, "Pa")
                        .build(),
                single(130311, "environmentalParameters")
                        .n("sid", 0, 8)
                        .e("temperatureSource", 8, 6, Lookups.TEMPERATURE_SOURCE)
                        .e("humiditySource", 14, 2, Lookups.HUMIDITY_SOURCE)
                        .u("temperature", 16, 16, 0.01, "K")
                        .s("humidity", 32, 16, 0.004, "%")
                        .u("atmosphericPressure", 48, 16, 100, "Pa")
                        .build(),
                single(130312, "temperature")
                        .n("sid", 0, 8)
                        .n("instance", 8, 8)
                        .e("temperatureSource", 16, 8, Lookups.TEMPERATURE_SOURCE)
                        .u("actualTemperature", 24, 16, 0.01, "K")
                        .u("setTemperature", 40, 16, 0.01, "K")
                        .build(),
                single(130316, "temperatureExtendedRange")
                        .n("sid", 0, 8)
                        .n("instance", 8, 8)
                        .e("temperatureSource", 16, 8, Lookups.TEMPERATURE_SOURCE)
                        .u("temperature", 24, 24, 0.001, "K")
                        .u("setTemperature", 48, 16, 0.1, "K")
                        .build());
    }
}
