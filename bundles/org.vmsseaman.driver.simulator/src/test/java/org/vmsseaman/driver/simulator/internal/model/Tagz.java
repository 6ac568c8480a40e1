package org.vmsseaman.driver.simulator.internal.model;

import java.util.List;
import org.vmsseaman.api.tag.DataType;
import org.vmsseaman.api.tag.TagDefinition;
import org.vmsseaman.driver.simulator.internal.Tags;

/** Non-numeric tag definitions for model tests. */
final class Tagz {

    private Tagz() {}

    static TagDefinition bool(String id) {
        return Tags.of(id, DataType.BOOLEAN, List.of());
    }

    static TagDefinition enumOf(String id, String... states) {
        return Tags.of(id, DataType.ENUM, List.of(states));
    }

    static TagDefinition string(String id) {
        return Tags.of(id, DataType.STRING, List.of());
    }
}
