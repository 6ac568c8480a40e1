package org.vmsseaman.tagstore.internal;

import java.util.ArrayList;
import java.util.List;
import org.vmsseaman.api.tag.DataType;
import org.vmsseaman.api.tag.TagDefinition;
import org.vmsseaman.api.tag.TagValue;

/** Tag definitions and values for tests. */
final class TestTags {

    private TestTags() {}

    static TagDefinition tag(String id, DataType type) {
        return new TagDefinition(id, null, null, "test", type, null, null, null, false, null, null, null);
    }

    /** {@code count} DOUBLE tags {@code <prefix>.t0 ...}. */
    static List<TagDefinition> doubles(String prefix, int count) {
        List<TagDefinition> result = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            result.add(tag(prefix + ".t" + i, DataType.DOUBLE));
        }
        return result;
    }

    static TagValue value(String id, Object value) {
        return TagValue.good(id, value, TagValue.nowMicros());
    }

    /** A batch with one value for each of {@code ids}, all equal to {@code value}. */
    static List<TagValue> batch(List<TagDefinition> tags, double value) {
        List<TagValue> result = new ArrayList<>(tags.size());
        for (TagDefinition tag : tags) {
            result.add(value(tag.id(), value));
        }
        return result;
    }
}
