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

    /** {@code true} if {@code update} may become this tag's value: null, or of the tag's data type. */
    boolean accepts(TagValue update) {
        Object v = update.value();
        return v == null || definition.dataType().accepts(v);
    }
}
