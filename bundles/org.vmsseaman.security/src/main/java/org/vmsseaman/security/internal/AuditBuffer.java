package org.vmsseaman.security.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vmsseaman.api.security.AuditEntry;
import org.vmsseaman.api.security.AuditTrail;

/**
 * Hands audit entries to the {@link AuditTrail} when there is one; until then (or while it refuses them)
 * keeps the newest {@value #CAPACITY} in order and passes them on when a trail appears. Entries that had to
 * be dropped are counted and logged.
 */
final class AuditBuffer {

    static final int CAPACITY = 10_000;

    private final Logger logger = LoggerFactory.getLogger(AuditBuffer.class);
    private final Deque<AuditEntry> pending = new ArrayDeque<>();
    private AuditTrail trail;
    private long dropped;

    synchronized void append(AuditEntry e) {
        pending.addLast(e);
        flush();
        if (pending.size() > CAPACITY) {
            pending.removeFirst();
            if (dropped++ == 0) {
                logger.warn(
                        "No audit trail has taken entries for a while: keeping the newest {}, dropping older ones",
                        CAPACITY);
            }
        }
    }

    synchronized void trail(AuditTrail t) {
        trail = t;
        flush();
    }

    synchronized void noTrail(AuditTrail t) {
        if (trail == t) {
            trail = null;
        }
    }

    synchronized int pending() {
        return pending.size();
    }

    private void flush() {
        if (trail == null) {
            return;
        }
        try {
            while (!pending.isEmpty()) {
                trail.append(pending.peekFirst());
                pending.removeFirst();
            }
        } catch (RuntimeException e) {
            logger.debug("The audit trail refused an entry; keeping {} for later", pending.size(), e);
            return;
        }
        if (dropped > 0) {
            logger.warn("{} audit entries were dropped while no audit trail took them", dropped);
            dropped = 0;
        }
    }
}
