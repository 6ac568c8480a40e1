package org.vmsseaman.historian.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vmsseaman.api.subscriber.TagSubscriber;
import org.vmsseaman.api.tag.DataType;
import org.vmsseaman.api.tag.HistorianPolicy;
import org.vmsseaman.api.tag.TagDefinition;
import org.vmsseaman.api.tag.TagValue;
import org.vmsseaman.api.tagstore.TagStore;

/**
 * The historian's tag store subscriber: applies each tag's {@link HistorianPolicy} and hands the samples
 * to keep to the writer. Runs on the subscription's delivery thread only.
 */
final class Recorder implements TagSubscriber {

    private static final long DEFINITION_REFRESH_NANOS = TimeUnit.SECONDS.toNanos(5);

    /**
     * What the recorder keeps per tag, found with one map lookup per value: the definition (re-read every few
     * seconds, at once while the tag store does not know the tag), the last stored sample, the writer's tag.
     */
    private static final class Tag {
        final SampleBuffer.Tag slot;
        TagDefinition def;
        HistorianPolicy policy = HistorianPolicy.DEFAULT;
        long maxIntervalMicros = Queries.micros(HistorianPolicy.DEFAULT.maxInterval());
        int generation = -1; // of the definition
        boolean stored;
        long time;
        byte kind;
        double number;
        short quality;

        Tag(String id) {
            slot = new SampleBuffer.Tag(id);
        }
    }

    private final Logger logger = LoggerFactory.getLogger(Recorder.class);
    private final TagStore tagStore;
    private final SampleWriter writer;
    private final Map<String, Tag> tags = new HashMap<>();
    private final SampleBuffer staged = new SampleBuffer();
    private final ThrottledLog gapLog = new ThrottledLog(60);
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong lost = new AtomicLong();
    private long definitionsRead = System.nanoTime();
    private int generation;

    Recorder(TagStore tagStore, SampleWriter writer) {
        this.tagStore = tagStore;
        this.writer = writer;
    }

    @Override
    public void onBatch(List<TagValue> batch) {
        received.addAndGet(batch.size());
        long now = System.nanoTime();
        if (now - definitionsRead > DEFINITION_REFRESH_NANOS) {
            generation++; // definitions are read again: picks up changed policies; the last stored samples stay
            definitionsRead = now;
        }
        try {
            for (TagValue value : batch) {
                consider(value);
            }
            writer.offer(staged);
        } finally {
            staged.clear();
        }
    }

    @Override
    public void onGap(long lostUpdates) {
        long total = lost.addAndGet(lostUpdates);
        if (gapLog.shouldLog()) {
            logger.warn(
                    "Historian fell behind: the tag store dropped {} updates ({} since start) before the historian"
                            + " could take them; those values are not recorded",
                    lostUpdates,
                    total);
        }
    }

    long received() {
        return received.get();
    }

    long lost() {
        return lost.get();
    }

    private void consider(TagValue v) {
        Tag tag = tags.get(v.tagId());
        if (tag == null) {
            tag = new Tag(v.tagId());
            tags.put(v.tagId(), tag);
        }
        if (tag.generation != generation) {
            readDefinition(tag);
        }
        TagDefinition def = tag.def;
        HistorianPolicy policy = tag.policy;
        Object value = v.value();
        if (!policy.enabled() || value instanceof String || (def != null && def.dataType() == DataType.STRING)) {
            return;
        }
        byte kind;
        double number = 0;
        if (value == null) {
            kind = SampleBuffer.NONE;
        } else if (value instanceof Boolean b) {
            kind = b ? SampleBuffer.TRUE : SampleBuffer.FALSE;
        } else if (value instanceof Number n) {
            kind = SampleBuffer.NUMBER;
            number = n.doubleValue();
        } else {
            return;
        }
        short quality = (short) v.quality().code();
        if (tag.stored && !shouldStore(tag, v, kind, number, quality)) {
            return;
        }
        long time = sampleTime(tag, v, quality);
        tag.stored = true;
        tag.time = time;
        tag.kind = kind;
        tag.number = number;
        tag.quality = quality;
        staged.add(tag.slot, time, kind, number, quality);
    }

    /**
     * A sample's time is its source time, except for a quality change that carries no newer value (a lost
     * connection, a driver gone, a stale tag: the platform keeps the last value and its source time): that is
     * recorded when it was observed, its receive time, so it never shares or precedes the timestamp of the
     * last value it follows and a trend shows when the tag went bad.
     */
    private static long sampleTime(Tag prev, TagValue v, short quality) {
        if (prev.stored && quality != prev.quality && v.sourceTime() <= prev.time && v.receiveTime() > prev.time) {
            return v.receiveTime();
        }
        return v.sourceTime();
    }

    private static boolean shouldStore(Tag prev, TagValue v, byte kind, double number, short quality) {
        if (prev.quality != quality) {
            return true;
        }
        if (kind == SampleBuffer.NONE) {
            return false; // no value and the same quality: nothing new to record
        }
        if (prev.kind != kind) {
            return true;
        }
        if (kind == SampleBuffer.NUMBER && changed(prev.number, number, prev.def, prev.policy)) {
            return true;
        }
        return v.sourceTime() - prev.time >= prev.maxIntervalMicros;
    }

    private static boolean changed(double before, double now, TagDefinition def, HistorianPolicy policy) {
        if (Double.isNaN(before) || Double.isNaN(now) || policy.deadband() == 0.0) {
            return Double.compare(before, now) != 0;
        }
        if (def != null && def.dataType() == DataType.ENUM) {
            return before != now;
        }
        return Math.abs(now - before) > policy.deadband();
    }

    /** The tag's definition from the tag store; one it does not know yet is asked for again next time. */
    private void readDefinition(Tag tag) {
        TagDefinition def = tagStore.definition(tag.slot.id).orElse(null);
        tag.def = def;
        tag.policy = def == null ? HistorianPolicy.DEFAULT : def.historian();
        tag.maxIntervalMicros = Queries.micros(tag.policy.maxInterval());
        tag.generation = def == null ? generation - 1 : generation;
    }
}
