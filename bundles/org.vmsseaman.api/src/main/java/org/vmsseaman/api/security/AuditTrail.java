package org.vmsseaman.api.security;

import java.time.Instant;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The audit trail: append-only, readable by time range. Entries cannot be changed or deleted through this
 * interface (retention is the provider's business). Thread-safe; {@link #append} returns quickly and never
 * blocks on a slow disk for long.
 */
@ProviderType
public interface AuditTrail {

    /**
     * Records an entry.
     *
     * @throws IllegalStateException if the trail cannot take it (e.g. its store is closed), so the caller can
     *     keep it and try again
     */
    void append(AuditEntry entry);

    /** Entries with {@code since <= time < until}, oldest first, at most {@code limit}. */
    List<AuditEntry> read(Instant since, Instant until, int limit);
}
