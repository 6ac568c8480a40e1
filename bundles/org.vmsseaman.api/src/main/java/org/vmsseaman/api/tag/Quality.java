package org.vmsseaman.api.tag;

/**
 * Quality of a tag value: one of three levels (GOOD, UNCERTAIN, BAD) with the reason.
 *
 * <p>The model follows OPC UA status codes in spirit. A screen must never show a BAD value as
 * if it were good; a BAD value keeps the last value received so engineers can see what the
 * sensor said before it failed. {@link #code()} is stable across releases and is what the
 * historian stores; never persist {@link #ordinal()}.
 */
public enum Quality {
    /** The value is valid. */
    GOOD(Level.GOOD, 0),

    /** The value is the last one known; the source cannot currently confirm it. */
    UNCERTAIN_LAST_KNOWN(Level.UNCERTAIN, 64),
    /** The value was substituted or entered manually. */
    UNCERTAIN_SUBSTITUTED(Level.UNCERTAIN, 65),
    /** The sensor reports reduced accuracy. */
    UNCERTAIN_SENSOR_INACCURATE(Level.UNCERTAIN, 66),
    /** The value lies outside the tag's engineering (display) range. */
    UNCERTAIN_OUT_OF_RANGE(Level.UNCERTAIN, 67),

    /** The device has not connected yet, or is disconnected. */
    BAD_NOT_CONNECTED(Level.BAD, 128),
    /** Communication with the device failed (timeout, exception reply, corrupt frame). */
    BAD_COMMUNICATION_FAILURE(Level.BAD, 129),
    /** The device reports the sensor failed (wire break, short circuit, "not available"). */
    BAD_SENSOR_FAILURE(Level.BAD, 130),
    /** No driver for the tag's device protocol is installed or running. */
    BAD_DRIVER_MISSING(Level.BAD, 131),
    /** The tag or its device was taken out of service on purpose. */
    BAD_OUT_OF_SERVICE(Level.BAD, 132),
    /** The tag's binding or its device's configuration is invalid. */
    BAD_CONFIGURATION_ERROR(Level.BAD, 133),
    /** No update arrived within the tag's expected interval. */
    BAD_STALE(Level.BAD, 134),
    /** No value has been received since start. */
    BAD_NO_VALUE(Level.BAD, 135);

    /** The three quality classes. */
    public enum Level {
        GOOD,
        UNCERTAIN,
        BAD
    }

    private final Level level;
    private final int code;

    Quality(Level level, int code) {
        this.level = level;
        this.code = code;
    }

    /** The quality class. */
    public Level level() {
        return level;
    }

    /** Stable numeric code for storage and wire formats. */
    public int code() {
        return code;
    }

    /** {@code true} for {@link #GOOD} only. */
    public boolean isGood() {
        return level == Level.GOOD;
    }

    /** {@code true} for any BAD reason. */
    public boolean isBad() {
        return level == Level.BAD;
    }

    /** The reason in lower case without the level prefix, e.g. {@code driver_missing}; {@code good} for GOOD. */
    public String reason() {
        String n = name();
        int i = n.indexOf('_');
        return (i < 0 ? n : n.substring(i + 1)).toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * The quality for a stored {@link #code()}.
     *
     * @throws IllegalArgumentException if no quality has that code
     */
    public static Quality fromCode(int code) {
        for (Quality q : values()) {
            if (q.code == code) {
                return q;
            }
        }
        throw new IllegalArgumentException("unknown quality code " + code);
    }
}
