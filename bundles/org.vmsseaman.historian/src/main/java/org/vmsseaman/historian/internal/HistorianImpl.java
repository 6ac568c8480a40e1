package org.vmsseaman.historian.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vmsseaman.api.historian.Bucket;
import org.vmsseaman.api.historian.ExportRequest;
import org.vmsseaman.api.historian.Historian;
import org.vmsseaman.api.historian.HistorianStats;
import org.vmsseaman.api.historian.Recovery;
import org.vmsseaman.api.historian.Sample;
import org.vmsseaman.api.security.AuditEntry;
import org.vmsseaman.api.security.AuditTrail;
import org.vmsseaman.api.tagstore.Subscription;
import org.vmsseaman.api.tagstore.SubscriptionOptions;
import org.vmsseaman.api.tagstore.TagStore;

/**
 * The DuckDB historian: records tag values from a lossless tag store subscription through one
 * writer thread and answers queries on connections of their own. It also keeps the audit trail in the same
 * database ({@link AuditLog}), so both share one file and one lifecycle.
 */
@Component(
        service = {Historian.class, AuditTrail.class},
        immediate = true,
        configurationPid = HistorianImpl.PID)
@Designate(ocd = HistorianConfig.class)
public final class HistorianImpl implements Historian, AuditTrail, AutoCloseable {

    /** Configuration PID. */
    public static final String PID = "org.vmsseaman.historian";

    private final Logger logger = LoggerFactory.getLogger(HistorianImpl.class);
    private final Database database;
    private final SampleWriter writer;
    private final Maintenance maintenance;
    private final RawTotals totals = new RawTotals();
    private final Rates rates = new Rates();
    private final Recorder recorder;
    private final Queries queries;
    private final MultiTagQueries multiTag;
    private final Export export;
    private final Subscription subscription;
    private final AuditLog audit;
    private volatile boolean closed;

    @Activate
    public HistorianImpl(
            @Reference(name = "tagStore") TagStore tagStore, BundleContext context, HistorianConfig config) {
        this(
                tagStore,
                config.inMemory() ? null : HistorianSettings.resolveFile(config.file(), context::getProperty),
                HistorianSettings.from(config));
    }

    /**
     * A historian outside an OSGi framework (tests, benchmarks); {@link #close()} it when done.
     *
     * @param file the database file, or null to keep the database in memory
     */
    public HistorianImpl(TagStore tagStore, Path file, HistorianSettings settings) {
        long openStart = System.nanoTime();
        this.database = Database.open(file); // the first open also loads DuckDB's native library
        long openMillis = (System.nanoTime() - openStart) / 1_000_000;
        SampleWriter w = null;
        Maintenance m = null;
        AuditLog a = null;
        try {
            TagKeys keys = new TagKeys(database.loadTagKeys());
            try (var conn = database.connect()) {
                totals.load(conn);
            }
            w = new SampleWriter(database, keys, totals, settings);
            this.writer = w;
            m = new Maintenance(database, totals, settings, w::awaitQuietWindow);
            this.maintenance = m;
            this.recorder = new Recorder(tagStore, w);
            this.queries = new Queries(database, keys, m::compactedUntil);
            this.multiTag = new MultiTagQueries(database, keys, m::compactedUntil);
            this.export = new Export(
                    database,
                    multiTag,
                    m::compactedUntil,
                    file == null ? null : database.file().getParent());
            a = new AuditLog(database);
            this.audit = a;
            this.subscription = tagStore.subscribe(
                    recorder, SubscriptionOptions.lossless("historian").withCapacity(settings.bufferCapacity()));
            logger.info(
                    "Historian recording to {} ({} tags known, commit every {} ms, database opened in {} ms)",
                    file == null ? "memory" : database.file(),
                    keys.size(),
                    settings.commitIntervalMillis(),
                    openMillis);
        } catch (SQLException | RuntimeException e) {
            if (w != null) {
                w.close();
            }
            if (m != null) {
                m.close();
            }
            if (a != null) {
                a.close();
            }
            database.close();
            if (e instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("cannot start the historian: " + e.getMessage(), e);
        }
    }

    /** Stops recording, commits everything pending and closes the database. Idempotent. */
    @Deactivate
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        subscription.close();
        maintenance.close();
        writer.close();
        audit.close();
        queries.close();
        database.close();
        logger.info("Historian stopped: {} samples stored since start", writer.stored());
    }

    @Override
    public List<Sample> raw(String tagId, Instant since, Instant until, int limit, boolean newestFirst) {
        checkOpen();
        return queries.raw(tagId, since, until, limit, newestFirst);
    }

    @Override
    public List<Bucket> aggregate(String tagId, Instant since, Instant until, Duration interval) {
        checkOpen();
        return queries.aggregate(tagId, since, until, interval);
    }

    @Override
    public Map<String, List<Sample>> raw(
            List<String> tagIds, Instant since, Instant until, int limit, boolean newestFirst) {
        checkOpen();
        return multiTag.raw(tagIds, since, until, limit, newestFirst);
    }

    @Override
    public Map<String, List<Bucket>> aggregate(List<String> tagIds, Instant since, Instant until, Duration interval) {
        checkOpen();
        return multiTag.aggregate(tagIds, since, until, interval);
    }

    @Override
    public long export(ExportRequest request, OutputStream out) throws IOException {
        checkOpen();
        return export.write(request, out);
    }

    @Override
    public Optional<Sample> valueAt(String tagId, Instant time) {
        checkOpen();
        return queries.valueAt(tagId, time);
    }

    /** Queues the entry for the audit table; throws {@link IllegalStateException} once stopped. */
    @Override
    public void append(AuditEntry entry) {
        audit.append(entry);
    }

    @Override
    public List<AuditEntry> read(Instant since, Instant until, int limit) {
        checkOpen();
        return audit.read(since, until, limit);
    }

    @Override
    public Optional<Recovery> recovery() {
        return Optional.ofNullable(database.recovery());
    }

    @Override
    public HistorianStats stats() {
        Retention.Eviction eviction = maintenance.lastEviction();
        long received = recorder.received();
        long stored = writer.stored();
        double[] perSecond = rates.update(System.nanoTime(), received, stored);
        return new HistorianStats(
                received,
                stored,
                writer.backlog(),
                recorder.lost(),
                writer.lastCommitTime(),
                writer.lastCommitMillis(),
                database.fileBytes(),
                totals.count(),
                totals.oldest(),
                maintenance.compactedUntil(),
                eviction == null ? 0 : eviction.time(),
                eviction == null ? 0 : eviction.from(),
                eviction == null ? 0 : eviction.until(),
                perSecond[0],
                perSecond[1]);
    }

    /**
     * Runs a maintenance pass (retention, disk budget, compaction, day merge) now and waits for it; normally
     * they run every {@code maintenanceIntervalSeconds}. For tests and benchmarks.
     */
    public void runMaintenance() {
        checkOpen();
        maintenance.runNow();
    }

    /** The database, for tests. */
    Database database() {
        return database;
    }

    /** The maintenance thread, for tests. */
    Maintenance maintenance() {
        return maintenance;
    }

    /** The writer, for tests. */
    SampleWriter writer() {
        return writer;
    }

    /** The subscriber, for tests. */
    Recorder recorder() {
        return recorder;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the historian is stopped");
        }
    }
}
