package org.vmsseaman.driver.nmea2000.internal;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.vmsseaman.api.driver.DriverException;
import org.vmsseaman.api.project.DeviceDefinition;
import org.vmsseaman.driver.nmea2000.internal.binding.Scalars;

/** Reads typed values from a device's settings map; every error names the device and the setting. */
final class SettingsReader {

    private final DeviceDefinition device;
    private final Map<String, Object> settings;

    SettingsReader(DeviceDefinition device) {
        this.device = device;
        this.settings = device.settings();
    }

    boolean has(String key) {
        return settings.containsKey(key);
    }

    /** Refuses keys not in {@code known} (a typo would otherwise silently be a default). */
    void onlyKnown(Set<String> known) throws DriverException {
        for (String key : settings.keySet()) {
            if (!known.contains(key)) {
                throw error(
                        key,
                        "is not a setting of this driver; known settings: "
                                + known.stream().sorted().toList());
            }
        }
    }

    String string(String key, String fallback) throws DriverException {
        Object v = settings.get(key);
        if (v == null) {
            if (fallback == null) {
                throw error(key, "is required");
            }
            return fallback;
        }
        String s = v.toString().trim();
        if (s.isEmpty()) {
            throw error(key, "must not be empty");
        }
        return s;
    }

    /** One of {@code choices} (case-insensitive), returned lower-case. */
    String choice(String key, String fallback, Set<String> choices) throws DriverException {
        String s = string(key, fallback).toLowerCase(Locale.ROOT);
        if (!choices.contains(s)) {
            throw error(
                    key, "must be one of " + choices.stream().sorted().toList() + ", was '" + settings.get(key) + "'");
        }
        return s;
    }

    long integer(String key, long fallback, long min, long max) throws DriverException {
        Object v = settings.get(key);
        if (v == null) {
            return fallback;
        }
        Long n = Scalars.integer(v);
        if (n == null || n < min || n > max) {
            throw error(key, "must be an integer " + min + ".." + max + ", was '" + v + "'");
        }
        return n;
    }

    double number(String key, double fallback, double min, double max) throws DriverException {
        Object v = settings.get(key);
        if (v == null) {
            return fallback;
        }
        double d = Double.NaN;
        if (v instanceof Number num) {
            d = num.doubleValue();
        } else if (v instanceof String s) {
            try {
                d = Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        if (!(d >= min && d <= max)) {
            throw error(key, "must be a number " + min + ".." + max + ", was '" + v + "'");
        }
        return d;
    }

    boolean bool(String key, boolean fallback) throws DriverException {
        Object v = settings.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        String s = v.toString().trim().toLowerCase(Locale.ROOT);
        if (s.equals("true") || s.equals("false")) {
            return Boolean.parseBoolean(s);
        }
        throw error(key, "must be true or false, was '" + v + "'");
    }

    DriverException error(String key, String what) {
        return new DriverException("device '" + device.id() + "': setting '" + key + "' " + what);
    }
}
