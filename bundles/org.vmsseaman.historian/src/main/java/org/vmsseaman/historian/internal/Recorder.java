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

    /** The last stored sample of a tag. */
    private static final class Last {
        long time;
        byte kind;
        double number;
        short quality;
    }

    private final Logger logger = LoggerFactory.getLogger(Recorder.class);
    private final TagStore tagStore;
    private final SampleWriter writer;
    private final Map<String, TagDefinition> definitions = new HashMap<>();
    private final Map<String, Last> last = new HashMap<>();
    private final SampleBuffer staged = new SampleBuffer();
    private final ThrottledLog gapLog = new ThrottledLog(60);
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong lost = new AtomicLong();
    private long definitionsRead = System.nanoTime();

    Recorder(TagStore tagStore, SampleWriter writer) {
        this.tagStore = tagStore;
        this.writer = writer;
    }

    @Override
    public void onBatch(List<TagValue> batch) {
        received.addAndGet(batch.size());
        long now = System.nanoTime();
        if (now - definitionsRead > DEFINITION_REFRESH_NANOS) {
            definitions.clear(); // picks up changed policies; the last stored samples are kept
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
        TagDefinition def = definition(v.tagId());
        HistorianPolicy policy = def == null ? HistorianPolicy.DEFAULT : def.historian();
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
        Last prev = last.get(v.tagId());
        if (prev != null && !shouldStore(prev, v, kind, number, quality, def, policy)) {
            return;
        }
        if (prev == null) {
            prev = new Last();
            last.put(v.tagId(), prev);
        }
        prev.time = v.sourceTime();
        prev.kind = kind;
        prev.number = number;
        prev.quality = quality;
        staged.add(v.tagId(), v.sourceTime(), kind, number, quality);
    }

    private static boolean shouldStore(
            Last prev, TagValue v, byte kind, double number, short quality, TagDefinition def, HistorianPolicy policy) {
        if (prev.quality != quality) {
            return true;
        }
        if (kind == SampleBuffer.NONE) {
            return false; // no value and the same quality: nothing new to record
        }
        if (prev.kind != kind) {
            return true;
        }
        if (kind == SampleBuffer.NUMBER && changed(prev.number, number, def, policy)) {
            return true;
        }
        return v.sourceTime() - prev.time >= Queries.micros(policy.maxInterval());
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

    private TagDefinition definition(String tagId) {
        TagDefinition def = definitions.get(tagId);
        if (def == null) {
            def = tagStore.definition(tagId).orElse(null);
            if (def != null) {
                definitions.put(tagId, def);
            }
        }
        return def;
    }
}
