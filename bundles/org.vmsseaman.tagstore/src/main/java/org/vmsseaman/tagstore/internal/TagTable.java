package org.vmsseaman.tagstore.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.vmsseaman.api.tag.TagDefinition;
import org.vmsseaman.api.tag.TagValue;

/** An immutable set of defined tags, replaced as a whole by {@code define()}. */
final class TagTable {

    static final TagTable EMPTY = new TagTable(Map.of(), List.of());

    private final Map<String, LiveTag> byId;
    private final List<LiveTag> tags;

    private TagTable(Map<String, LiveTag> byId, List<LiveTag> tags) {
        this.byId = byId;
        this.tags = tags;
    }

    /**
     * The table for {@code definitions}: a tag that stays keeps its value if its data type still
     * accepts it, every other tag starts without a value.
     *
     * @throws IllegalArgumentException if two definitions share an id
     */
    static TagTable redefine(TagTable previous, Collection<TagDefinition> definitions, long nowMicros) {
        Map<String, LiveTag> byId = new HashMap<>(Math.max(16, definitions.size() * 4 / 3 + 1));
        List<LiveTag> tags = new ArrayList<>(definitions.size());
        for (TagDefinition definition : definitions) {
            Objects.requireNonNull(definition, "definition");
            LiveTag old = previous.byId.get(definition.id());
            LiveTag tag = LiveTag.withoutValue(definition, nowMicros);
            if (old != null) {
                tag.accept(old.value); // keeps the value if it still fits the (possibly changed) data type
            }
            if (byId.putIfAbsent(definition.id(), tag) != null) {
                throw new IllegalArgumentException("duplicate tag id '" + definition.id() + "'");
            }
            tags.add(tag);
        }
        return new TagTable(byId, Collections.unmodifiableList(tags));
    }

    LiveTag get(String tagId) {
        return byId.get(tagId);
    }

    List<LiveTag> tags() {
        return tags;
    }

    int size() {
        return tags.size();
    }

    List<TagDefinition> definitions() {
        List<TagDefinition> result = new ArrayList<>(tags.size());
        for (LiveTag tag : tags) {
            result.add(tag.definition);
        }
        return Collections.unmodifiableList(result);
    }

    List<TagValue> values() {
        List<TagValue> result = new ArrayList<>(tags.size());
        for (LiveTag tag : tags) {
            result.add(tag.value);
        }
        return Collections.unmodifiableList(result);
    }
}
