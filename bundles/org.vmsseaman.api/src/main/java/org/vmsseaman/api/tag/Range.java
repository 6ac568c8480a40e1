package org.vmsseaman.api.tag;

/**
 * A closed numeric range {@code [min, max]} in the tag's unit.
 *
 * @param min lower bound, inclusive
 * @param max upper bound, inclusive; never below {@code min}
 */
public record Range(double min, double max) {
    public Range {
        if (Double.isNaN(min) || Double.isNaN(max) || min > max) {
            throw new IllegalArgumentException("invalid range [" + min + ", " + max + "]: min must not exceed max");
        }
    }

    /** {@code true} if {@code value} lies inside the range. */
    public boolean contains(double value) {
        return value >= min && value <= max;
    }

    /** {@code max - min}. */
    public double span() {
        return max - min;
    }
}
