package org.vmsseaman.driver.nmea2000.internal.binding;

import java.util.HashMap;
import java.util.Map;

/**
 * Unit conversions between the units NMEA 2000 and J1939 send (K, Pa, rad, m/s, ...) and the units tags
 * are written in (degC, bar, deg, kn, ...). Each unit is {@code si = factor * value + shift} in its
 * dimension; two units of one dimension convert linearly.
 */
public final class Units {

    /** {@code to = scale * from + shift}. */
    public record Conversion(double scale, double shift) {
        /** The identity. */
        public static final Conversion NONE = new Conversion(1, 0);

        public double apply(double v) {
            return v * scale + shift;
        }
    }

    private record Unit(String dimension, double factor, double shift) {}

    private static final Map<String, Unit> UNITS = new HashMap<>();

    static {
        unit("temperature", 1, 0, "K");
        unit("temperature", 1, 273.15, "degC", "°C", "C");
        unit("temperature", 5.0 / 9, 273.15 - 32 * 5.0 / 9, "degF", "°F", "F");
        unit("pressure", 1, 0, "Pa");
        unit("pressure", 100, 0, "hPa", "mbar");
        unit("pressure", 1000, 0, "kPa");
        unit("pressure", 1e5, 0, "bar");
        unit("pressure", 1e6, 0, "MPa");
        unit("pressure", 6894.757293168, 0, "psi");
        unit("angle", 1, 0, "rad");
        unit("angle", Math.PI / 180, 0, "deg", "°");
        unit("angularRate", 1, 0, "rad/s");
        unit("angularRate", Math.PI / 180, 0, "deg/s");
        unit("angularRate", Math.PI / 180 / 60, 0, "deg/min");
        unit("speed", 1, 0, "m/s");
        unit("speed", 1852.0 / 3600, 0, "kn");
        unit("speed", 1 / 3.6, 0, "km/h");
        unit("length", 1, 0, "m");
        unit("length", 0.001, 0, "mm");
        unit("length", 0.01, 0, "cm");
        unit("length", 1000, 0, "km");
        unit("length", 1852, 0, "NM", "nmi");
        unit("length", 0.3048, 0, "ft");
        unit("volume", 0.001, 0, "L", "l");
        unit("volume", 1, 0, "m3");
        unit("flow", 0.001 / 3600, 0, "L/h", "l/h");
        unit("flow", 1.0 / 3600, 0, "m3/h");
        unit("ratio", 1, 0, "%");
        unit("voltage", 1, 0, "V");
        unit("voltage", 1000, 0, "kV");
        unit("current", 1, 0, "A");
        unit("power", 1, 0, "W");
        unit("power", 1000, 0, "kW");
        unit("charge", 3600, 0, "Ah");
        unit("frequency", 1, 0, "Hz");
        unit("rotation", 1, 0, "rpm");
        unit("time", 1, 0, "s");
        unit("time", 60, 0, "min");
        unit("time", 3600, 0, "h");
        unit("time", 86400, 0, "d");
    }

    private Units() {}

    private static void unit(String dimension, double factor, double shift, String... symbols) {
        for (String s : symbols) {
            UNITS.put(s, new Unit(dimension, factor, shift));
        }
    }

    /**
     * The conversion from {@code from} (a field's unit) to {@code to} (the tag's); an empty {@code to} or the
     * same symbol needs none.
     *
     * @throws IllegalArgumentException naming both units when they do not convert
     */
    public static Conversion conversion(String from, String to) {
        if (to.isEmpty() || to.equals(from)) {
            return Conversion.NONE;
        }
        Unit f = UNITS.get(from);
        Unit t = UNITS.get(to);
        if (f == null || t == null || !f.dimension().equals(t.dimension())) {
            throw new IllegalArgumentException("the field is in " + (from.isEmpty() ? "no unit" : "'" + from + "'")
                    + " and cannot be converted to '" + to + "'");
        }
        return new Conversion(f.factor() / t.factor(), (f.shift() - t.shift()) / t.factor());
    }
}
