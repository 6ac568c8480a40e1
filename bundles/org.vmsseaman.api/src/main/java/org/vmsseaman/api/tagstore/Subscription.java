package org.vmsseaman.api.tagstore;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A handle on a tag store subscription. Close it when the subscriber goes away (in the
 * component's deactivate method); closing stops its delivery thread and drops what is buffered.
 */
@ProviderType
public interface Subscription extends AutoCloseable {

    /** Current statistics of this subscription. */
    SubscriberStats stats();

    /** Stops delivery. Idempotent; waits at most a short, bounded time for a callback in progress. */
    @Override
    void close();
}
