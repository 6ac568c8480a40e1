package org.vmsseaman.driver.modbus.internal;

import java.util.List;

/**
 * One read request: {@code count} bits or registers of {@code table} from {@code start}, and the tags whose values it
 * carries.
 *
 * @param table the table read
 * @param start first address
 * @param count bits or registers read
 * @param tags the tags inside the range
 */
record ReadBlock(Table table, int start, int count, List<Item> tags) {

    /** A tag and its parsed address. */
    record Item(String tagId, TagAddress address) {}

    /** The tag ids, for quality updates. */
    List<String> tagIds() {
        return tags.stream().map(Item::tagId).toList();
    }

    @Override
    public String toString() {
        return table.label() + " " + start + ".." + (start + count - 1);
    }
}
