package org.vmsseaman.driver.nmea2000.internal.pgn;

import java.util.Map;

/** The enumerations the decoded PGNs use, with short lower-case labels for binding filters. */
final class Lookups {

    static final Lookup TANK_TYPE = new Lookup(
            "tankType",
            Map.of(0L, "fuel", 1L, "water", 2L, "gray_water", 3L, "live_well", 4L, "oil", 5L, "black_water"));
    static final Lookup TEMPERATURE_SOURCE = new Lookup(
            "temperatureSource",
            Map.ofEntries(
                    Map.entry(0L, "sea"),
                    Map.entry(1L, "outside"),
                    Map.entry(2L, "inside"),
                    Map.entry(3L, "engine_room"),
                    Map.entry(4L, "main_cabin"),
                    Map.entry(5L, "live_well"),
                    Map.entry(6L, "bait_well"),
                    Map.entry(7L, "refrigeration"),
                    Map.entry(8L, "heating_system"),
                    Map.entry(9L, "dew_point"),
                    Map.entry(10L, "apparent_wind_chill"),
                    Map.entry(11L, "theoretical_wind_chill"),
                    Map.entry(12L, "heat_index"),
                    Map.entry(13L, "freezer"),
                    Map.entry(14L, "exhaust_gas"),
                    Map.entry(15L, "shaft_seal")));
    static final Lookup HUMIDITY_SOURCE = new Lookup("humiditySource", Map.of(0L, "inside", 1L, "outside"));
    static final Lookup WIND_REFERENCE = new Lookup(
            "windReference",
            Map.of(0L, "true_north", 1L, "magnetic_north", 2L, "apparent", 3L, "true_boat", 4L, "true_water"));
    static final Lookup DIRECTION_REFERENCE = new Lookup("directionReference", Map.of(0L, "true", 1L, "magnetic"));
    static final Lookup DC_SOURCE = new Lookup(
            "dcSource",
            Map.of(0L, "battery", 1L, "alternator", 2L, "convertor", 3L, "solar_cell", 4L, "wind_generator"));
    static final Lookup GEAR = new Lookup("gear", Map.of(0L, "forward", 1L, "neutral", 2L, "reverse"));
    static final Lookup OFF_ON = new Lookup("offOn", Map.of(0L, "off", 1L, "on"));
    static final Lookup ACCEPTABILITY = new Lookup(
            "acceptability", Map.of(0L, "bad_level", 1L, "bad_frequency", 2L, "being_qualified", 3L, "good"));
    static final Lookup YES_NO = new Lookup("yesNo", Map.of(0L, "no", 1L, "yes"));
    static final Lookup ALERT_TYPE =
            new Lookup("alertType", Map.of(1L, "emergency_alarm", 2L, "alarm", 5L, "warning", 8L, "caution"));
    static final Lookup ALERT_CATEGORY = new Lookup("alertCategory", Map.of(0L, "navigational", 1L, "technical"));
    static final Lookup ALERT_STATE = new Lookup(
            "alertState",
            Map.of(
                    0L,
                    "disabled",
                    1L,
                    "normal",
                    2L,
                    "active",
                    3L,
                    "silenced",
                    4L,
                    "acknowledged",
                    5L,
                    "awaiting_acknowledge"));
    static final Lookup ALERT_RESPONSE = new Lookup(
            "alertResponseCommand", Map.of(0L, "acknowledge", 1L, "temporary_silence", 2L, "test_off", 3L, "test_on"));
    static final Lookup GNSS_METHOD = new Lookup(
            "gnssMethod",
            Map.of(
                    0L,
                    "no_gnss",
                    1L,
                    "gnss_fix",
                    2L,
                    "dgnss_fix",
                    3L,
                    "precise_gnss",
                    4L,
                    "rtk_fixed",
                    5L,
                    "rtk_float",
                    6L,
                    "estimated",
                    7L,
                    "manual",
                    8L,
                    "simulated"));

    private Lookups() {}
}
