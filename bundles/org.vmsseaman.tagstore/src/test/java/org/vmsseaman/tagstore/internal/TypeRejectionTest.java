package org.vmsseaman.tagstore.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vmsseaman.tagstore.internal.TestTags.tag;
import static org.vmsseaman.tagstore.internal.TestTags.value;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vmsseaman.api.tag.DataType;
import org.vmsseaman.api.tag.Quality;
import org.vmsseaman.api.tag.TagValue;

class TypeRejectionTest {

    @Test
    void wrongTypesUnknownTagsAndNullsAreRefusedAndCounted() {
        TagStoreImpl store = new TagStoreImpl();
        store.define(
                List.of(tag("a.temp", DataType.DOUBLE), tag("a.mode", DataType.ENUM), tag("a.on", DataType.BOOLEAN)));
        TagValue good = value("a.temp", 20.5);
        TagValue noValue = new TagValue("a.on", null, Quality.BAD_NOT_CONNECTED, 1, 1, null);

        int accepted = store.publish(Arrays.asList(
                value("a.temp", 21L), // LONG for a DOUBLE tag
                value("a.mode", 2.0), // DOUBLE for an ENUM tag
                value("a.on", "true"), // STRING for a BOOLEAN tag
                value("a.nope", 1.0), // undefined
                null,
                good,
                value("a.mode", 2L),
                noValue));

        assertThat(accepted).isEqualTo(3);
        assertThat(store.get("a.temp")).contains(good);
        assertThat(store.get("a.on")).contains(noValue);
        assertThat(store.stats().rejected()).isEqualTo(5);
        assertThat(store.stats().updates()).isEqualTo(3);
    }
}
