package org.vmsseaman.api.historian;

/**
 * The aggregates of a {@link Bucket}, to choose the columns of an {@linkplain Historian#export export} in
 * buckets.
 *
 * @since 1.2
 */
public enum Aggregate {
    /** {@link Bucket#count()}. */
    COUNT,
    /** {@link Bucket#avg()}. */
    AVG,
    /** {@link Bucket#min()}. */
    MIN,
    /** {@link Bucket#max()}. */
    MAX,
    /** {@link Bucket#first()}. */
    FIRST,
    /** {@link Bucket#last()}. */
    LAST,
    /** {@link Bucket#goodShare()}. */
    GOOD_SHARE
}
