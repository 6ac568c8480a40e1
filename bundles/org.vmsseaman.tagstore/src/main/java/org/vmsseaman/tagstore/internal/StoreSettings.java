package org.vmsseaman.tagstore.internal;

/** The tag store's tunables, from {@link TagStoreConfig} or the defaults. */
record StoreSettings(
        long lingerMicros, long closeTimeoutMillis, long failureLogIntervalSeconds, long rateWindowSeconds) {

    static final StoreSettings DEFAULTS = new StoreSettings(1_000, 2_000, 60, 5);

    static StoreSettings from(TagStoreConfig config) {
        return new StoreSettings(
                Math.max(0, config.deliveryLingerMicros()),
                Math.max(1, config.closeTimeoutMillis()),
                Math.max(1, config.failureLogIntervalSeconds()),
                Math.max(1, config.rateWindowSeconds()));
    }
}
