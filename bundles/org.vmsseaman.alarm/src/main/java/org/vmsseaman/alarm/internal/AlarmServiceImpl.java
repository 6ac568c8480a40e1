package org.vmsseaman.alarm.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vmsseaman.api.alarm.Alarm;
import org.vmsseaman.api.alarm.AlarmEvent;
import org.vmsseaman.api.alarm.AlarmKpi;
import org.vmsseaman.api.alarm.AlarmListener;
import org.vmsseaman.api.alarm.AlarmService;
import org.vmsseaman.api.alarm.EngineerCall;
import org.vmsseaman.api.alarm.WatchTimer;
import org.vmsseaman.api.historian.Historian;
import org.vmsseaman.api.project.ProjectService;
import org.vmsseaman.api.project.VesselProject;
import org.vmsseaman.api.subscriber.TagSubscriber;
import org.vmsseaman.api.tag.TagValue;
import org.vmsseaman.api.tagstore.Subscription;
import org.vmsseaman.api.tagstore.SubscriptionOptions;
import org.vmsseaman.api.tagstore.TagStore;

/**
 * The alarm service: the {@link AlarmEngine} fed from a lossless tag store subscription, timed by its
 * own timer thread, journalled in an {@link AlarmJournal} and restored from it on start.
 *
 * <p>One lock guards the engine; value batches, timer ticks and user commands take turns on it.
 * User commands wait, outside the lock, until their journal entry is durable. Listeners are told of
 * journal entries on a thread of their own each.
 */
@Component(service = AlarmService.class, immediate = true, configurationPid = AlarmServiceImpl.PID)
@Designate(ocd = AlarmConfig.class)
public final class AlarmServiceImpl implements AlarmService, AutoCloseable {

    /** Configuration PID. */
    public static final String PID = "org.vmsseaman.alarm";

    static final String HOME_PROPERTY = "vmsseaman.home";
    private static final long TICK_MILLIS = 100;
    private static final long DURABLE_TIMEOUT_SECONDS = 10;
    /** The historian is checked every this many ticks (1 s). */
    private static final int HISTORIAN_CHECK_TICKS = 10;

    private final Logger logger = LoggerFactory.getLogger(AlarmServiceImpl.class);
    private final Object lock = new Object();
    private final AlarmEngine engine;
    private final AlarmJournal journal;
    private final TagStore tagStore;
    private final Subscription subscription;
    private final ScheduledExecutorService timer;
    private final Map<AlarmListener, ExecutorService> listeners = new ConcurrentHashMap<>();
    private final AtomicInteger listenerThreads = new AtomicInteger();
    private final InstantSource clock;
    private final HistorianMonitor historianMonitor = new HistorianMonitor(); // timer thread only
    private volatile Historian historian;
    private int ticks; // timer thread only
    private volatile boolean closed;

    @Activate
    public AlarmServiceImpl(
            @Reference TagStore tagStore,
            @Reference ProjectService projectService,
            BundleContext context,
            AlarmConfig config) {
        this(
                tagStore,
                projectService.project(),
                AlarmSettings.from(config),
                new FileJournal(resolveDirectory(config.journalDirectory(), context::getProperty)),
                InstantSource.system());
    }

    /**
     * An alarm service outside an OSGi framework (tests, benchmarks). It owns the journal and closes
     * it in {@link #close()}.
     */
    public AlarmServiceImpl(
            TagStore tagStore,
            VesselProject project,
            AlarmSettings settings,
            AlarmJournal journal,
            InstantSource clock) {
        this.tagStore = tagStore;
        this.journal = journal;
        this.clock = clock;
        this.engine = new AlarmEngine(project, settings, clock, this::publish);
        try {
            long last;
            synchronized (lock) {
                last = journal.replay(0, engine::replay);
                engine.restored();
            }
            Set<String> watched = engine.watchedTags();
            this.subscription = tagStore.subscribe(
                    new Feed(),
                    SubscriptionOptions.lossless("alarm")
                            .withFilter(watched::contains)
                            .withImmediateDelivery());
            seed(watched);
            this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "alarm-timer");
                t.setDaemon(true);
                return t;
            });
            timer.scheduleAtFixedRate(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
            logger.info(
                    "Alarm engine started: {} alarms on {} tags, journal restored up to entry {}, {} alarms not normal",
                    engine.size(),
                    watched.size(),
                    last,
                    alarms().size());
        } catch (RuntimeException e) {
            journal.close();
            throw e;
        }
    }

    /** Stops evaluating, writes what is queued to the journal and closes it. Idempotent. */
    @Deactivate
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        subscription.close();
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (lock) {
            journal.close();
        }
        listeners.values().forEach(ExecutorService::shutdown);
        logger.info("Alarm engine stopped");
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void addListener(AlarmListener listener) {
        int n = listenerThreads.incrementAndGet();
        listeners.put(listener, Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "alarm-listener-" + n);
            t.setDaemon(true);
            return t;
        }));
    }

    /** The historian, watched by the engine's self-monitoring; optional, it may come and go. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    public void setHistorian(Historian historian) {
        this.historian = historian;
    }

    public void unsetHistorian(Historian gone) {
        if (historian == gone) {
            historian = null;
        }
    }

    public void removeListener(AlarmListener listener) {
        ExecutorService executor = listeners.remove(listener);
        if (executor != null) {
            executor.shutdown();
        }
    }

    /** Hands new journal entries to the journal and the listeners; called on the lock. */
    private CompletableFuture<Void> publish(List<AlarmEvent> events) {
        CompletableFuture<Void> durable = journal.append(events);
        durable.whenComplete((v, e) -> {
            if (e != null) {
                logger.error(
                        "Alarm journal entries {}..{} could not be written: {}",
                        events.get(0).seq(),
                        events.get(events.size() - 1).seq(),
                        e.toString());
            }
        });
        for (Map.Entry<AlarmListener, ExecutorService> l : listeners.entrySet()) {
            AlarmListener listener = l.getKey();
            try {
                l.getValue().execute(() -> {
                    try {
                        listener.onAlarmEvents(events);
                    } catch (RuntimeException e) {
                        logger.warn("Alarm listener {} failed: {}", listener, e.toString(), e);
                    }
                });
            } catch (java.util.concurrent.RejectedExecutionException e) {
                // the listener is going away
            }
        }
        return durable;
    }

    private void tick() {
        try {
            String historianFault = null;
            boolean checkHistorian = ++ticks % HISTORIAN_CHECK_TICKS == 0;
            if (checkHistorian) {
                Historian h = historian;
                historianFault = historianMonitor.check(
                        h == null ? null : h.stats(),
                        h == null ? null : h.recovery().orElse(null),
                        TimeUtil.micros(clock.instant()));
            }
            synchronized (lock) {
                if (!closed) {
                    engine.tick();
                    if (checkHistorian) {
                        engine.historianCondition(historianFault);
                    }
                }
            }
        } catch (RuntimeException e) {
            logger.error("Alarm timer failed", e); // keep ticking: a failed tick must not stop every delay
        }
    }

    /** Evaluates the current values of the watched tags (at start and after a gap). */
    private void seed(Set<String> watched) {
        List<TagValue> current = tagStore.snapshot().stream()
                .filter(v -> watched.contains(v.tagId()))
                .toList();
        synchronized (lock) {
            engine.onValues(current);
        }
    }

    private final class Feed implements TagSubscriber {
        @Override
        public void onBatch(List<TagValue> batch) {
            synchronized (lock) {
                if (!closed) {
                    engine.onValues(batch);
                }
            }
        }

        @Override
        public void onGap(long lostUpdates) {
            logger.warn(
                    "The alarm engine fell behind and the tag store dropped {} updates for it; re-reading current values",
                    lostUpdates);
            seed(engine.watchedTags());
        }
    }

    // ---------------------------------------------------------------------------------------------

    @Override
    public List<Alarm> alarms() {
        synchronized (lock) {
            return engine.alarms();
        }
    }

    @Override
    public List<Alarm> all() {
        synchronized (lock) {
            return engine.all();
        }
    }

    @Override
    public Optional<Alarm> alarm(String idOrOccurrence) {
        synchronized (lock) {
            return engine.alarm(idOrOccurrence);
        }
    }

    @Override
    public Alarm acknowledge(String idOrOccurrence, String user) {
        return command(() -> engine.acknowledge(idOrOccurrence, user));
    }

    @Override
    public Alarm shelve(String idOrOccurrence, String user, String reason, Duration duration) {
        return command(() -> engine.shelve(idOrOccurrence, user, reason, duration));
    }

    @Override
    public Alarm unshelve(String idOrOccurrence, String user) {
        return command(() -> engine.unshelve(idOrOccurrence, user));
    }

    @Override
    public Alarm removeFromService(String idOrOccurrence, String user, String reason) {
        return command(() -> engine.removeFromService(idOrOccurrence, user, reason));
    }

    @Override
    public Alarm returnToService(String idOrOccurrence, String user) {
        return command(() -> engine.returnToService(idOrOccurrence, user));
    }

    @Override
    public List<AlarmEvent> journal(Instant since, Instant until, int limit) {
        if (since.isAfter(until) || limit < 1) {
            throw new IllegalArgumentException("journal range must not be reversed and limit must be at least 1");
        }
        return journal.read(since, until, limit);
    }

    @Override
    public AlarmKpi kpi() {
        synchronized (lock) {
            return engine.kpi();
        }
    }

    @Override
    public EngineerCall engineerCall() {
        synchronized (lock) {
            return engine.engineerCall();
        }
    }

    @Override
    public WatchTimer watch() {
        synchronized (lock) {
            return engine.watch();
        }
    }

    @Override
    public WatchTimer startWatch(String user) {
        return command(() -> engine.startWatch(user));
    }

    @Override
    public WatchTimer resetWatch(String user) {
        return command(() -> engine.resetWatch(user));
    }

    @Override
    public WatchTimer stopWatch(String user) {
        return command(() -> engine.stopWatch(user));
    }

    /**
     * Runs a user command on the engine's lock, then waits outside it until the command's journal entry
     * is durable: a user's action is never reported done and then lost.
     */
    private <T> T command(java.util.function.Supplier<AlarmEngine.Result<T>> command) {
        AlarmEngine.Result<T> r;
        synchronized (lock) {
            r = command.get();
        }
        try {
            r.durable().get(DURABLE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return r.value();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the alarm journal was recording the command", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(
                    "the command was carried out but the alarm journal could not record it: " + e, e);
        }
    }

    /** The journal folder: configured, else {@code <vmsseaman.home>/data/alarms}, else {@code ./data/alarms}. */
    static Path resolveDirectory(String configured, UnaryOperator<String> frameworkProperty) {
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured.trim());
        }
        String home = frameworkProperty.apply(HOME_PROPERTY);
        Path base = home != null && !home.isBlank() ? Path.of(home.trim()) : Path.of(".");
        return base.resolve("data").resolve("alarms");
    }
}
