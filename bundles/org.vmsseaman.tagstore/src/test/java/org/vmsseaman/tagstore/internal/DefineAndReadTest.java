package org.vmsseaman.tagstore.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vmsseaman.tagstore.internal.TestTags.tag;
import static org.vmsseaman.tagstore.internal.TestTags.value;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vmsseaman.api.tag.DataType;
import org.vmsseaman.api.tag.Quality;
import org.vmsseaman.api.tag.TagValue;

class DefineAndReadTest {

    private final TagStoreImpl store = new TagStoreImpl();

    @Test
    void newTagsHaveNoValueUntilPublished() {
        store.define(List.of(tag("me.rpm", DataType.DOUBLE), tag("me.running", DataType.BOOLEAN)));

        assertThat(store.get("me.rpm")).hasValueSatisfying(v -> {
            assertThat(v.quality()).isEqualTo(Quality.BAD_NO_VALUE);
            assertThat(v.value()).isNull();
        });
        assertThat(store.get("me.unknown")).isEmpty();
        assertThat(store.definition("me.running").orElseThrow().dataType()).isEqualTo(DataType.BOOLEAN);
        assertThat(store.definitions()).hasSize(2);

        TagValue rpm = value("me.rpm", 88.5);
        assertThat(store.publish(List.of(rpm))).isEqualTo(1);
        assertThat(store.get("me.rpm")).contains(rpm);
        assertThat(store.snapshot()).hasSize(2).contains(rpm);
    }

    @Test
    void redefineKeepsValuesOfKeptTagsAndDropsRemovedOnes() {
        store.define(List.of(tag("a.kept", DataType.DOUBLE), tag("a.removed", DataType.DOUBLE)));
        TagValue kept = value("a.kept", 1.0);
        store.publish(List.of(kept, value("a.removed", 2.0)));

        store.define(List.of(tag("a.kept", DataType.DOUBLE), tag("a.added", DataType.LONG)));

        assertThat(store.get("a.kept")).contains(kept);
        assertThat(store.get("a.added").orElseThrow().quality()).isEqualTo(Quality.BAD_NO_VALUE);
        assertThat(store.get("a.removed")).isEmpty();
        assertThat(store.snapshot()).extracting(TagValue::tagId).containsExactlyInAnyOrder("a.kept", "a.added");
    }

    @Test
    void redefiningADataTypeResetsAValueOfTheOldType() {
        store.define(List.of(tag("a.x", DataType.DOUBLE)));
        store.publish(List.of(value("a.x", 1.0)));

        store.define(List.of(tag("a.x", DataType.STRING)));

        assertThat(store.get("a.x").orElseThrow().quality()).isEqualTo(Quality.BAD_NO_VALUE);
    }

    @Test
    void duplicateIdsAreRefusedAndTheOldSetStays() {
        store.define(List.of(tag("a.x", DataType.DOUBLE)));

        assertThatThrownBy(() -> store.define(List.of(tag("b.y", DataType.DOUBLE), tag("b.y", DataType.LONG))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("b.y");
        assertThat(store.definitions()).extracting(d -> d.id()).containsExactly("a.x");
    }
}
