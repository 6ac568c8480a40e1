package org.vmsseaman.driver.modbus.internal;

import java.util.Locale;
import java.util.Map;
import org.vmsseaman.api.driver.DriverException;

/** Typed reads of a device's scalar {@code settings} map; every error names the device, the setting and the value. */
final class SettingReader {

    private final String deviceId;
    private final Map<String, Object> settings;

    SettingReader(String deviceId, Map<String, Object> settings) {
        this.deviceId = deviceId;
        this.settings = settings;
    }

    boolean has(String key) {
        return settings.containsKey(key);
    }

    /** An integer setting within {@code [min, max]}, or {@code dflt} when absent. */
    int integer(String key, int dflt, int min, int max) throws DriverException {
        Object v = settings.get(key);
        if (v == null) {
            return dflt;
        }
        Long n = Numbers.wholeNumber(v);
        if (n == null || n < min || n > max) {
            throw error(key, v, "an integer from " + min + " to " + max);
        }
        return n.intValue();
    }

    /** A non-empty string setting, or {@code dflt} when absent (null: required). */
    String string(String key, String dflt) throws DriverException {
        Object v = settings.get(key);
        if (v == null) {
            if (dflt == null) {
                throw new DriverException("device '" + deviceId + "': setting " + key + " is required");
            }
            return dflt;
        }
        String s = v.toString().trim();
        if (s.isEmpty()) {
            throw error(key, v, "a non-empty string");
        }
        return s;
    }

    boolean bool(String key, boolean dflt) throws DriverException {
        Object v = settings.get(key);
        if (v == null) {
            return dflt;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        String s = v.toString().trim().toLowerCase(Locale.ROOT);
        if (s.equals("true") || s.equals("false")) {
            return Boolean.parseBoolean(s);
        }
        throw error(key, v, "true or false");
    }

    /** One of {@code choices} (case-insensitive), or {@code dflt} when absent. */
    String choice(String key, String dflt, String... choices) throws DriverException {
        Object v = settings.get(key);
        if (v == null) {
            return dflt;
        }
        String s = v.toString().trim().toLowerCase(Locale.ROOT);
        for (String c : choices) {
            if (c.equals(s)) {
                return c;
            }
        }
        throw error(key, v, "one of " + String.join(", ", choices));
    }

    DriverException error(String key, Object value, String expected) {
        return new DriverException(
                "device '" + deviceId + "': setting " + key + " must be " + expected + ", was '" + value + "'");
    }
}
