package org.vmsseaman.driver.simulator.internal.model;

import java.util.Random;
import org.vmsseaman.api.tag.DataType;
import org.vmsseaman.api.tag.Range;

/**
 * Profile {@code position}: latitude or longitude in decimal degrees, moving with the device's
 * {@link Track} from the middle of the normal range. The course turns back near the range's
 * bounds; a longitude range spanning the whole globe wraps at ±180 instead.
 */
final class PositionSignal extends NumericSignal {

    /** Which coordinate a position tag is. */
    enum Axis {
        LAT,
        LON
    }

    private static final double EDGE = 0.05;
    private static final double GPS_NOISE_DEGREES = 1e-5;

    private final Axis axis;
    private final Track track;
    private final boolean wraps;
    private double degrees;

    PositionSignal(DataType type, Range range, Random random, Axis axis, Track track) {
        super(type, range, random, range.span() > 0 ? GPS_NOISE_DEGREES / range.span() : 0);
        this.axis = axis;
        this.track = track;
        this.wraps = axis == Axis.LON && range.min() <= -180 && range.max() >= 180;
        this.degrees = range.min() + range.span() / 2;
        if (axis == Axis.LAT) {
            track.latitude(degrees);
        }
    }

    @Override
    protected double advance(double dt) {
        if (axis == Axis.LAT) {
            degrees += track.northNm() / 60;
            track.latitude(degrees);
        } else {
            double cos = Math.max(0.05, Math.cos(Math.toRadians(track.latitude())));
            degrees += track.eastNm() / 60 / cos;
        }
        if (wraps) {
            degrees = ((degrees + 180) % 360 + 360) % 360 - 180;
            return degrees;
        }
        double f = Numbers.fraction(degrees, range);
        if (f < EDGE || f > 1 - EDGE) {
            boolean backUp = f < EDGE;
            if (axis == Axis.LAT) {
                track.reflectNorth(backUp);
            } else {
                track.reflectEast(backUp);
            }
        }
        degrees = Numbers.clamp(degrees, range.min(), range.max());
        return degrees;
    }
}
