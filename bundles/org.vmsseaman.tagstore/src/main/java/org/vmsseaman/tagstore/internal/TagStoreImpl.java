package org.vmsseaman.tagstore.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.vmsseaman.api.subscriber.TagSubscriber;
import org.vmsseaman.api.tag.Quality;
import org.vmsseaman.api.tag.TagDefinition;
import org.vmsseaman.api.tag.TagValue;
import org.vmsseaman.api.tagstore.SubscriberStats;
import org.vmsseaman.api.tagstore.Subscription;
import org.vmsseaman.api.tagstore.SubscriptionMode;
import org.vmsseaman.api.tagstore.SubscriptionOptions;
import org.vmsseaman.api.tagstore.TagStore;
import org.vmsseaman.api.tagstore.TagStoreStats;

/**
 * The in-memory tag store: lock-free reads of an immutable tag table, and publish calls serialised
 * by one short lock so that every subscriber sees the same order and the current value of a tag
 * is always the last one handed to subscribers. Subscribers are never waited for.
 */
@Component(service = TagStore.class, configurationPid = TagStoreImpl.PID)
@Designate(ocd = TagStoreConfig.class)
public final class TagStoreImpl implements TagStore {

    static final String PID = "org.vmsseaman.tagstore";

    private final StoreSettings settings;
    private final ReentrantLock publishLock = new ReentrantLock();
    private final List<DeliverySubscription<?>> subscriptions = new CopyOnWriteArrayList<>();
    private final LongAdder updates = new LongAdder();
    private final LongAdder rejected = new LongAdder();
    private final LongSupplier updateTotal = updates::sum;
    private final RateMeter rateMeter;
    private volatile TagTable table = TagTable.EMPTY;
    private boolean closed; // guarded by publishLock

    /** A tag store with default settings, for use outside an OSGi framework. */
    public TagStoreImpl() {
        this(StoreSettings.DEFAULTS);
    }

    @Activate
    public TagStoreImpl(TagStoreConfig config) {
        this(StoreSettings.from(config));
    }

    TagStoreImpl(StoreSettings settings) {
        this.settings = settings;
        this.rateMeter = new RateMeter(settings.rateWindowSeconds());
    }

    /** Closes every subscription and stops its delivery thread. */
    @Deactivate
    public void close() {
        publishLock.lock();
        try {
            closed = true; // no subscription is added from now on
        } finally {
            publishLock.unlock();
        }
        for (DeliverySubscription<?> subscription : List.copyOf(subscriptions)) {
            subscription.close();
        }
    }

    @Override
    public void define(Collection<TagDefinition> definitions) {
        Objects.requireNonNull(definitions, "definitions");
        publishLock.lock();
        try {
            table = TagTable.redefine(table, definitions, TagValue.nowMicros());
        } finally {
            publishLock.unlock();
        }
    }

    @Override
    public Optional<TagDefinition> definition(String tagId) {
        LiveTag tag = table.get(tagId);
        return tag == null ? Optional.empty() : Optional.of(tag.definition);
    }

    @Override
    public Collection<TagDefinition> definitions() {
        return table.definitions();
    }

    @Override
    public Optional<TagValue> get(String tagId) {
        LiveTag tag = table.get(tagId);
        return tag == null ? Optional.empty() : Optional.of(tag.value);
    }

    @Override
    public List<TagValue> snapshot() {
        return table.values();
    }

    @Override
    public int publish(List<TagValue> batch) {
        Objects.requireNonNull(batch, "updates");
        int size = batch.size();
        if (size == 0) {
            return 0;
        }
        rateMeter.maybeSample(System.nanoTime(), updateTotal);
        TagValue[] accepted = new TagValue[size];
        int n = 0;
        publishLock.lock();
        try {
            TagTable current = table;
            for (int i = 0; i < size; i++) {
                TagValue update = batch.get(i);
                LiveTag tag = update == null ? null : current.get(update.tagId());
                TagValue stored = tag == null ? null : tag.accept(update);
                if (stored != null) {
                    accepted[n++] = stored;
                }
            }
            deliver(accepted, n, current);
        } finally {
            publishLock.unlock();
        }
        updates.add(n);
        if (n < size) {
            rejected.add(size - n);
        }
        return n;
    }

    @Override
    public int markQuality(Collection<String> tagIds, Quality quality, Predicate<TagValue> condition) {
        Objects.requireNonNull(quality, "quality");
        Objects.requireNonNull(condition, "condition");
        if (tagIds.isEmpty()) {
            return 0;
        }
        long now = TagValue.nowMicros();
        TagValue[] changed = new TagValue[tagIds.size()];
        int n = 0;
        publishLock.lock();
        try {
            TagTable current = table;
            for (String id : tagIds) {
                LiveTag tag = current.get(id);
                if (tag == null) {
                    continue;
                }
                TagValue value = tag.value;
                if (value.quality() != quality && condition.test(value)) {
                    tag.value = value.withQuality(quality, now);
                    changed[n++] = tag.value;
                }
            }
            deliver(changed, n, current);
        } finally {
            publishLock.unlock();
        }
        updates.add(n);
        return n;
    }

    /** Hands {@code n} accepted values to every subscription as one shared batch; called under the publish lock. */
    private void deliver(TagValue[] accepted, int n, TagTable current) {
        if (n == 0) {
            return;
        }
        Batch shared = Batch.wrap(accepted, n);
        for (DeliverySubscription<?> subscription : subscriptions) {
            subscription.offer(shared, current);
        }
    }

    @Override
    public Subscription subscribe(TagSubscriber subscriber, SubscriptionOptions options) {
        Objects.requireNonNull(subscriber, "subscriber");
        Objects.requireNonNull(options, "options");
        DeliverySubscription<?> subscription = options.mode() == SubscriptionMode.LOSSLESS
                ? new LosslessSubscription(subscriber, options, settings, subscriptions::remove)
                : new CoalescingSubscription(subscriber, options, settings, subscriptions::remove);
        publishLock.lock(); // so that close() cannot run between the check and the add
        try {
            if (closed) {
                throw new IllegalStateException("the tag store is stopped");
            }
            subscriptions.add(subscription);
            subscription.start();
        } finally {
            publishLock.unlock();
        }
        return subscription;
    }

    @Override
    public TagStoreStats stats() {
        TagTable current = table;
        EnumMap<Quality.Level, Integer> byLevel = new EnumMap<>(Quality.Level.class);
        for (Quality.Level level : Quality.Level.values()) {
            byLevel.put(level, 0);
        }
        EnumMap<Quality, Integer> byQuality = new EnumMap<>(Quality.class);
        for (LiveTag tag : current.tags()) {
            Quality quality = tag.value.quality();
            byLevel.merge(quality.level(), 1, Integer::sum);
            byQuality.merge(quality, 1, Integer::sum);
        }
        List<SubscriberStats> subscriberStats = new ArrayList<>();
        for (DeliverySubscription<?> subscription : subscriptions) {
            subscriberStats.add(subscription.stats());
        }
        long total = updates.sum();
        return new TagStoreStats(
                current.size(),
                Collections.unmodifiableMap(byLevel),
                Collections.unmodifiableMap(byQuality),
                total,
                rejected.sum(),
                rateMeter.rate(System.nanoTime(), total),
                List.copyOf(subscriberStats));
    }
}
