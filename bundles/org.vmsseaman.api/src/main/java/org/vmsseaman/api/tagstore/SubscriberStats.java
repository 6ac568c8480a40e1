package org.vmsseaman.api.tagstore;

/**
 * Statistics of one subscription.
 *
 * @param name the subscription's name
 * @param mode its mode
 * @param delivered updates handed to the subscriber so far
 * @param lag updates (lossless) or tags (coalescing) buffered and not yet delivered
 * @param dropped updates dropped because the buffer was full (lossless only)
 * @param coalesced updates replaced by a newer value of the same tag before delivery (coalescing only)
 * @param failures callbacks that threw
 */
public record SubscriberStats(
        String name, SubscriptionMode mode, long delivered, long lag, long dropped, long coalesced, long failures) {}
