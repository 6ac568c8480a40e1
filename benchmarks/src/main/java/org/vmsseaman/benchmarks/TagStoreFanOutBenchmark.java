package org.vmsseaman.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.vmsseaman.api.subscriber.TagSubscriber;
import org.vmsseaman.api.tag.DataType;
import org.vmsseaman.api.tag.TagDefinition;
import org.vmsseaman.api.tag.TagValue;
import org.vmsseaman.api.tagstore.SubscriberStats;
import org.vmsseaman.api.tagstore.Subscription;
import org.vmsseaman.api.tagstore.SubscriptionOptions;
import org.vmsseaman.tagstore.internal.TagStoreImpl;

/**
 * Tag store fan-out: DOUBLE updates per second published <em>and</em> delivered to every one of
 * {@code subscribers} lossless subscribers (20,000 tags, batches of 100 pre-built values).
 *
 * <p>How the score stays honest. One invocation publishes one batch and counts as 100 operations,
 * so the score is in updates per second. Before publishing, the publisher sleeps
 * (leaving the cores to delivery) while it is more than {@link #WINDOW} updates ahead of the slowest subscriber, so it can
 * never outrun delivery: at the end of an iteration the updates delivered to every subscriber trail
 * those published by at most {@code WINDOW}, which is under 0.5 % of an iteration at the target
 * rate. A drop would break that argument, so the buffers are large enough never to overflow and
 * the trial's tear-down fails the run if any subscriber dropped or missed an update.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar TagStoreFanOut -f 1 -wi 2 -i 3 -w 2s -r 3s}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TagStoreFanOutBenchmark {

    private static final int TAGS = 20_000;
    private static final int BATCH = 100;
    /** The most updates the publisher may be ahead of the slowest subscriber. */
    private static final long WINDOW = 20_000;

    private static final int CAPACITY = 1_000_000;
    /** How long the publisher sleeps when it is a full window ahead. */
    private static final long WAIT_NANOS = 50_000;

    @Param({"1", "4", "16"})
    public int subscribers;

    private TagStoreImpl store;
    private List<List<TagValue>> batches;
    private CountingSubscriber[] counters;
    private Subscription[] subscriptions;
    private long published;
    private long slowestSeen;
    private int next;

    /** Counts what it receives and folds each value into a checksum: cheap consumption. */
    public static final class CountingSubscriber implements TagSubscriber {
        volatile long received;
        long checksum;

        @Override
        public void onBatch(List<TagValue> batch) {
            long sum = checksum;
            for (int i = 0, n = batch.size(); i < n; i++) {
                sum += batch.get(i).sourceTime();
            }
            checksum = sum;
            received += batch.size(); // only this subscription's delivery thread writes
        }
    }

    @Setup(Level.Trial)
    public void setUp() {
        store = new TagStoreImpl();
        List<TagDefinition> definitions = new ArrayList<>(TAGS);
        for (int i = 0; i < TAGS; i++) {
            definitions.add(new TagDefinition(
                    "bench.t" + i, null, null, "bench", DataType.DOUBLE, "bar", null, null, false, null, null, null));
        }
        store.define(definitions);
        batches = new ArrayList<>(TAGS / BATCH);
        long now = TagValue.nowMicros();
        for (int b = 0; b < TAGS / BATCH; b++) {
            TagValue[] batch = new TagValue[BATCH];
            for (int i = 0; i < BATCH; i++) {
                int tag = b * BATCH + i;
                batch[i] = TagValue.good("bench.t" + tag, (double) tag, now + tag);
            }
            batches.add(List.of(batch));
        }
        counters = new CountingSubscriber[subscribers];
        subscriptions = new Subscription[subscribers];
        for (int s = 0; s < subscribers; s++) {
            counters[s] = new CountingSubscriber();
            subscriptions[s] = store.subscribe(
                    counters[s], SubscriptionOptions.lossless("bench-" + s).withCapacity(CAPACITY));
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int publishBatch() {
        while (published - slowestSeen > WINDOW) {
            slowestSeen = slowestReceived();
            if (published - slowestSeen > WINDOW) {
                LockSupport.parkNanos(WAIT_NANOS); // sleep rather than spin: leave the cores to delivery
            }
        }
        List<TagValue> batch = batches.get(next);
        next = next + 1 == batches.size() ? 0 : next + 1;
        published += BATCH;
        return store.publish(batch);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws InterruptedException {
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (slowestReceived() < published && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            for (Subscription subscription : subscriptions) {
                SubscriberStats stats = subscription.stats();
                if (stats.dropped() != 0 || stats.delivered() != published) {
                    throw new IllegalStateException("subscriber " + stats.name() + " dropped " + stats.dropped()
                            + " and received " + stats.delivered() + " of " + published + " updates: result invalid");
                }
            }
            System.out.printf(
                    "%n[tear-down] %d updates published, each delivered to all %d subscribers, 0 dropped%n",
                    published, subscribers);
        } finally {
            store.close();
        }
    }

    private long slowestReceived() {
        long slowest = Long.MAX_VALUE;
        for (CountingSubscriber counter : counters) {
            slowest = Math.min(slowest, counter.received);
        }
        return slowest;
    }
}
