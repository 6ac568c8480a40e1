package org.vmsseaman.api.tagstore;

import java.util.List;
import java.util.Map;
import org.vmsseaman.api.tag.Quality;

/**
 * A snapshot of tag store statistics.
 *
 * @param tagCount number of defined tags
 * @param byLevel number of tags per quality level
 * @param byQuality number of tags per quality (reasons with no tag are left out)
 * @param updates updates accepted since start
 * @param rejected updates refused (unknown tag, wrong type) since start
 * @param updateRate accepted updates per second over the last few seconds
 * @param subscribers statistics of each subscription
 */
public record TagStoreStats(
        int tagCount,
        Map<Quality.Level, Integer> byLevel,
        Map<Quality, Integer> byQuality,
        long updates,
        long rejected,
        double updateRate,
        List<SubscriberStats> subscribers) {}
