package org.vmsseaman.benchmarks;

import java.util.Arrays;
import java.util.List;
import org.vmsseaman.api.tag.Quality;
import org.vmsseaman.api.tag.TagValue;

/**
 * The value updates of the alarm benchmark, deterministic, and the publish time of every update that
 * crosses a limit.
 *
 * <p>Every tag is updated equally often, in a fixed shuffled order. An analog tag wanders around the
 * middle of its band: 50 ± 5 while normal, 85 ± 2 while high (above H, below HH), 15 ± 2 while low; a
 * boolean tag stays false. Every {@code crossEvery}-th update instead moves the next crossable tag (see
 * {@link AlarmBenchProject}) from normal to high or low, or back to normal: exactly one alarm is raised
 * (or reactivated) or cleared by it. Nothing else changes an alarm's state, so the engine's events are
 * exactly the crossings.
 *
 * <p>A crossing's value carries its number {@code k} in its binary fraction, {@code band + k / 2^24}
 * (exact in a double); the engine puts the value into the alarm event, so a listener finds the crossing's
 * publish time with {@link #slotOf} and {@link #stampNanos}. Source times follow the nominal rate, not the wall clock, so that
 * the rate-of-change alarms see the same rates however fast the updates are fed.
 *
 * <p>Used by one publishing thread. {@link #slotOf} and {@link #stampNanos} may be called on other threads for crossings whose
 * batch was published after {@link #stamp}: the publish hands the stamp over.
 */
final class AlarmUpdates {

    /** Crossings remembered: the slots of {@link #slotOf} go round in this many. */
    static final int RING = 1 << 20;

    private static final double NORMAL = 50;
    private static final double HIGH = 85;
    private static final double LOW = 15;
    private static final double STAMP_SCALE = 1 << 24;
    private static final int STAMP_MASK = (1 << 24) - 1;
    private static final int RING_MASK = RING - 1;
    private static final byte IS_NORMAL = 0;
    private static final byte IS_HIGH = 1;
    private static final byte IS_LOW = 2;

    private final AlarmBenchProject project;
    private final int[] order;
    private final int[] crossables;
    private final byte[] state;
    private final long crossEvery;
    private final long t0;
    private final double microsPerUpdate;
    private final long[] stampNanos = new long[RING];
    private final int[] stampTag = new int[RING];
    private long rng = 0x9E3779B97F4A7C15L;
    private long generated;
    private long crossings;
    private long evaluations;
    private long points;
    private int position;
    private int crossPosition;
    private long batchFirstCrossing;

    /**
     * @param crossEvery one update in this many crosses a limit; 0 for none
     * @param nominalRate updates per second the source times follow
     */
    AlarmUpdates(AlarmBenchProject project, long crossEvery, double nominalRate) {
        this.project = project;
        this.crossEvery = crossEvery;
        this.t0 = TagValue.nowMicros();
        this.microsPerUpdate = 1e6 / nominalRate;
        int n = project.tags();
        order = shuffled(n);
        state = new byte[n];
        int c = 0;
        int[] cross = new int[n];
        for (int t : shuffled(n)) {
            if (project.crossable[t]) {
                cross[c++] = t;
            }
        }
        crossables = Arrays.copyOf(cross, c);
    }

    /** The next {@code n} updates. */
    List<TagValue> next(int n) {
        TagValue[] batch = new TagValue[n];
        batchFirstCrossing = crossings;
        for (int i = 0; i < n; i++) {
            long k = generated++;
            long time = t0 + (long) (k * microsPerUpdate);
            int tag;
            Object value;
            if (crossEvery > 0 && k % crossEvery == crossEvery - 1) {
                tag = crossables[crossPosition];
                crossPosition = crossPosition + 1 == crossables.length ? 0 : crossPosition + 1;
                value = cross(tag);
            } else {
                tag = order[position];
                position = position + 1 == order.length ? 0 : position + 1;
                value = project.bool[tag] ? Boolean.FALSE : wander(state[tag]);
            }
            evaluations += project.evaluations[tag];
            points += project.points[tag];
            batch[i] = new TagValue(project.ids[tag], value, Quality.GOOD, time, time, null);
        }
        return Arrays.asList(batch);
    }

    /** Records {@code nanos} as the publish time of the crossings in the batch from the last {@link #next}. */
    void stamp(long nanos) {
        for (long k = batchFirstCrossing; k < crossings; k++) {
            stampNanos[(int) (k & RING_MASK)] = nanos;
        }
    }

    /** Crossings in the batch from the last {@link #next}. */
    int batchCrossings() {
        return (int) (crossings - batchFirstCrossing);
    }

    /**
     * The slot of the crossing that brought {@code value} to an alarm on {@code alarmId}, or -1 if the value
     * is not a crossing's.
     */
    int slotOf(String alarmId, Object value) {
        if (!(value instanceof Double d)) {
            return -1;
        }
        double v = d;
        long k = (long) ((v - Math.floor(v)) * STAMP_SCALE);
        int slot = (int) (k & RING_MASK);
        return project.isAlarmOf(alarmId, stampTag[slot]) ? slot : -1;
    }

    /** The publish time ({@link System#nanoTime}) of the crossing in {@code slot}. */
    long stampNanos(int slot) {
        return stampNanos[slot];
    }

    long generated() {
        return generated;
    }

    long crossings() {
        return crossings;
    }

    /** Alarm definitions evaluated by the updates so far. */
    long evaluations() {
        return evaluations;
    }

    /** Engine points (definitions and automatic sensor-fault alarms) evaluated by the updates so far. */
    long points() {
        return points;
    }

    private Double cross(int tag) {
        long k = crossings++;
        stampTag[(int) (k & RING_MASK)] = tag;
        byte s = state[tag];
        byte to = s != IS_NORMAL ? IS_NORMAL : (random() & 1) == 0 ? IS_HIGH : IS_LOW;
        state[tag] = to;
        return band(to) + (k & STAMP_MASK) / STAMP_SCALE;
    }

    private Double wander(byte s) {
        double spread = s == IS_NORMAL ? 5 : 2;
        return band(s) + spread * (2 * ((random() >>> 11) * 0x1.0p-53) - 1);
    }

    private static double band(byte s) {
        return s == IS_HIGH ? HIGH : s == IS_LOW ? LOW : NORMAL;
    }

    private long random() {
        long x = rng; // xorshift64
        x ^= x << 13;
        x ^= x >>> 7;
        x ^= x << 17;
        rng = x;
        return x;
    }

    private int[] shuffled(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = (int) Long.remainderUnsigned(random(), i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }
}
