package org.vmsseaman.api.historian;

import org.vmsseaman.api.tag.Quality;

/**
 * One recorded value of a tag. Numeric tags (double, long, enum) are recorded as {@code numeric},
 * boolean tags as {@code bool}; a sample whose value was unknown (BAD without a last value) has both null.
 *
 * @param time source time, microseconds since the epoch UTC
 * @param numeric the value of a numeric tag, else null
 * @param bool the value of a boolean tag, else null
 * @param quality the value's quality
 */
public record Sample(long time, Double numeric, Boolean bool, Quality quality) {

    /** The value: the numeric or boolean one, or null. */
    public Object value() {
        return numeric != null ? numeric : bool;
    }
}
