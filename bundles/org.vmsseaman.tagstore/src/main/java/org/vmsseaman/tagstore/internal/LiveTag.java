package org.vmsseaman.tagstore.internal;

import org.vmsseaman.api.tag.Quality;
import org.vmsseaman.api.tag.TagDefinition;
import org.vmsseaman.api.tag.TagValue;

/** One defined tag and its current value; the value is read without locking. */
final class LiveTag {

    final TagDefinition definition;
    volatile TagValue value;

    LiveTag(TagDefinition definition, TagValue initial) {
        this.definition = definition;
        this.value = initial;
    }

    /** A tag that has received no value yet. */
    static LiveTag withoutValue(TagDefinition definition, long nowMicros) {
        return new LiveTag(
                definition, new TagValue(definition.id(), null, Quality.BAD_NO_VALUE, nowMicros, nowMicros, null));
    }

    /**
     * Stores {@code update} as the current value if it is acceptable and returns what was stored, else
     * returns null. Acceptable: of the tag's data type, or without a value if not GOOD; a BAD or
     * UNCERTAIN update without a value keeps the last value. Called under the publish lock.
     */
    TagValue accept(TagValue update) {
        Object v = update.value();
        if (v == null) {
            if (update.quality().isGood()) {
                return null; // a GOOD value must carry a value
            }
            TagValue last = value;
            update = new TagValue(
                    update.tagId(),
                    last.value(),
                    update.quality(),
                    update.sourceTime(),
                    update.receiveTime(),
                    update.raw());
        } else if (!definition.dataType().accepts(v)) {
            return null;
        }
        value = update;
        return update;
    }
}
