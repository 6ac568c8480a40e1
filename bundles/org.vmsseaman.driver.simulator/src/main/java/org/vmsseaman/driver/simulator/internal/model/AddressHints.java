package org.vmsseaman.driver.simulator.internal.model;

import java.util.Map;

/**
 * The simulator keys of a binding address: {@code profile}, {@code follows}, {@code reference},
 * {@code periodSeconds}, {@code onSeconds}, {@code value}, {@code axis}. Other keys are ignored.
 *
 * @param profile the profile, or null if the address names none
 * @param follows the followed tag id, or null
 * @param reference the tag subtracted by the {@code difference} profile, or null
 * @param periodSeconds the period, or NaN if not given
 * @param onSeconds the pulse length of a switch, or NaN if not given
 * @param value the {@code value} key as given, or null
 * @param axis the {@code axis} key in lower case, or null
 */
record AddressHints(
        Profile profile,
        String follows,
        String reference,
        double periodSeconds,
        double onSeconds,
        Object value,
        String axis) {

    static final String PROFILE = "profile";
    static final String FOLLOWS = "follows";
    static final String REFERENCE = "reference";
    static final String PERIOD_SECONDS = "periodSeconds";
    static final String ON_SECONDS = "onSeconds";
    static final String VALUE = "value";
    static final String AXIS = "axis";

    /**
     * Reads the simulator keys of an address.
     *
     * @throws IllegalArgumentException saying which key is wrong and why
     */
    static AddressHints parse(Map<String, Object> address) {
        Map<String, Object> a = address == null ? Map.of() : address;
        Profile profile = null;
        Object p = a.get(PROFILE);
        if (p != null) {
            profile = Profile.fromLabel(p.toString());
            if (profile == null) {
                throw new IllegalArgumentException(
                        "unknown profile '" + p + "' (expected one of " + Profile.labels() + ")");
            }
        }
        Object f = a.get(FOLLOWS);
        String follows =
                f == null || f.toString().isBlank() ? null : f.toString().trim();
        Object r = a.get(REFERENCE);
        String reference =
                r == null || r.toString().isBlank() ? null : r.toString().trim();
        double period = positive(a, PERIOD_SECONDS);
        double on = positive(a, ON_SECONDS);
        Object axis = a.get(AXIS);
        return new AddressHints(
                profile,
                follows,
                reference,
                period,
                on,
                a.get(VALUE),
                axis == null ? null : axis.toString().trim().toLowerCase(java.util.Locale.ROOT));
    }

    /** The key's value as a number > 0, or NaN if the key is absent. */
    private static double positive(Map<String, Object> address, String key) {
        Object value = address.get(key);
        if (value == null) {
            return Double.NaN;
        }
        double period;
        try {
            period = value instanceof Number n
                    ? n.doubleValue()
                    : Double.parseDouble(value.toString().trim());
        } catch (NumberFormatException e) {
            period = Double.NaN;
        }
        if (!(period > 0) || Double.isInfinite(period)) {
            throw new IllegalArgumentException(key + " must be a number > 0, was '" + value + "'");
        }
        return period;
    }

    /** The period to use for {@code p}: the address's, else the profile's default. */
    double periodOr(Profile p) {
        return Double.isNaN(periodSeconds) ? p.defaultPeriodSeconds() : periodSeconds;
    }
}
