package org.vmsseaman.driver.nmea2000.internal.pgn;

import static org.vmsseaman.driver.nmea2000.internal.pgn.LayoutBuilder.fast;
import static org.vmsseaman.driver.nmea2000.internal.pgn.LayoutBuilder.single;

import java.util.List;

/** Heading, attitude, speed, depth, position, course and wind. Units are the wire units. */
final class NavigationPgns {

    private NavigationPgns() {}

    static List<PgnLayout> layouts() {
        return List.of(
                single(127250, "vesselHeading")
                        .n("sid", 0, 8)
                        .u("heading", 8, 16, 1e-4, "rad")
                        .s("deviation", 24, 16, 1e-4, "rad")
                        .s("variation", 40, 16, 1e-4, "rad")
                        .e("reference", 56, 2, Lookups.DIRECTION_REFERENCE)
                        .build(),
                single(127251, "rateOfTurn")
                        .n("sid", 0, 8)
                        .s("rate", 8, 32, 3.125e-8, "rad/s")
                        .build(),
                single(127257, "attitude")
                        .n("sid", 0, 8)
                        .s("yaw", 8, 16, 1e-4, "rad")
                        .s("pitch", 24, 16, 1e-4, "rad")
                        .s("roll", 40, 16, 1e-4, "rad")
                        .build(),
                single(128259, "speed")
                        .n("sid", 0, 8)
                        .u("speedWaterReferenced", 8, 16, 0.01, "m/s")
                        .u("speedGroundReferenced", 24, 16, 0.01, "m/s")
                        .n("speedWaterReferencedType", 40, 8)
                        .build(),
                single(128267, "waterDepth")
                        .n("sid", 0, 8)
                        .u("depth", 8, 32, 0.01, "m")
                        .s("offset", 40, 16, 0.001, "m")
                        .u("range", 56, 8, 10, "m")
                        .build(),
                single(129025, "positionRapidUpdate")
                        .s("latitude", 0, 32, 1e-7, "deg")
                        .s("longitude", 32, 32, 1e-7, "deg")
                        .build(),
                single(129026, "cogSogRapidUpdate")
                        .n("sid", 0, 8)
                        .e("cogReference", 8, 2, Lookups.DIRECTION_REFERENCE)
                        .u("cog", 16, 16, 1e-4, "rad")
                        .u("sog", 32, 16, 0.01, "m/s")
                        .build(),
                fast(129029, "gnssPositionData")
                        .n("sid", 0, 8)
                        .u("date", 8, 16, 1, "d")
                        .u("time", 24, 32, 1e-4, "s")
                        .s("latitude", 56, 64, 1e-16, "deg")
                        .s("longitude", 120, 64, 1e-16, "deg")
                        .s("altitude", 184, 64, 1e-6, "m")
                        .n("gnssType", 248, 4)
                        .e("method", 252, 4, Lookups.GNSS_METHOD)
                        .n("integrity", 256, 2)
                        .n("numberOfSvs", 264, 8)
                        .s("hdop", 272, 16, 0.01, "")
                        .s("pdop", 288, 16, 0.01, "")
                        .s("geoidalSeparation", 304, 32, 0.01, "m")
                        .n("referenceStations", 336, 8)
                        .build(),
                single(130306, "windData")
                        .n("sid", 0, 8)
                        .u("windSpeed", 8, 16, 0.01, "m/s")
                        .u("windAngle", 24, 16, 1e-4, "rad")
                        .e("reference", 40, 3, Lookups.WIND_REFERENCE)
                        .build());
    }
}
