package org.vmsseaman.tagstore.internal;

import java.util.concurrent.ThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates the daemon delivery thread of one subscription, named {@code vmsseaman-tagstore-<subscription>}. */
final class DeliveryThreadFactory implements ThreadFactory {

    static final String PREFIX = "vmsseaman-tagstore-";

    private final Logger logger = LoggerFactory.getLogger(DeliveryThreadFactory.class);
    private final String name;

    DeliveryThreadFactory(String subscription) {
        this.name = PREFIX + subscription;
    }

    @Override
    public Thread newThread(Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.setUncaughtExceptionHandler((t, e) -> logger.error("Delivery thread {} died", t.getName(), e));
        return thread;
    }
}
