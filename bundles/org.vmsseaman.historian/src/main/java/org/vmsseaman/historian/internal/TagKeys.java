package org.vmsseaman.historian.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tag dictionary in memory: tag id to the integer key samples are stored under. Read by queries
 * from any thread; only the writer thread adds keys, after the transaction that stored them committed.
 */
final class TagKeys {

    private final Map<String, Integer> keys = new ConcurrentHashMap<>();
    private volatile int next;

    TagKeys(Map<String, Integer> stored) {
        keys.putAll(stored);
        next = stored.values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
    }

    /** The key of a tag, or null if it has no committed sample yet. */
    Integer get(String tagId) {
        return keys.get(tagId);
    }

    /** The key the next new tag gets. */
    int next() {
        return next;
    }

    /** Records keys whose rows were committed; writer thread only. */
    void addCommitted(Map<String, Integer> added) {
        keys.putAll(added);
        for (int k : added.values()) {
            if (k >= next) {
                next = k + 1;
            }
        }
    }

    int size() {
        return keys.size();
    }
}
