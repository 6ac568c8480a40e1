package org.vmsseaman.driver.simulator.internal.model;

import org.vmsseaman.api.tag.DataType;
import org.vmsseaman.api.tag.Range;

/** Small numeric helpers shared by the signals. */
final class Numbers {

    private Numbers() {}

    static double clamp(double v, double min, double max) {
        return v < min ? min : (v > max ? max : v);
    }

    static double clamp01(double v) {
        return clamp(v, 0.0, 1.0);
    }

    /** {@code v} as the Java type of {@code type}: a rounded long (kept inside {@code bounds}) or a double. */
    static Object typed(double v, DataType type, Range bounds) {
        if (type == DataType.DOUBLE) {
            return v;
        }
        long rounded = Math.round(v);
        long lo = (long) Math.ceil(bounds.min());
        long hi = (long) Math.floor(bounds.max());
        if (lo <= hi) {
            rounded = Math.max(lo, Math.min(hi, rounded));
        }
        return rounded;
    }

    /** Fraction of {@code v} within {@code range}, clamped to 0..1; 0.5 for an empty range. */
    static double fraction(double v, Range range) {
        return range.span() > 0 ? clamp01((v - range.min()) / range.span()) : 0.5;
    }

    /** SplitMix64 finaliser: spreads a seed so that neighbouring seeds give unrelated sequences. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
