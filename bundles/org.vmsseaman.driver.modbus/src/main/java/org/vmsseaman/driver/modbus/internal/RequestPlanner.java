package org.vmsseaman.driver.modbus.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Merges the tags of one poll group into as few read requests as the protocol allows: per table, tags sorted by
 * address join the current request while it stays within the per-request limit (registers or bits) and the unused
 * addresses between two tags do not exceed the configured gap. Overlapping tags share a request.
 */
final class RequestPlanner {

    private RequestPlanner() {}

    static List<ReadBlock> plan(List<ReadBlock.Item> items, int maxRegisters, int maxBits, int maxGap) {
        Map<Table, List<ReadBlock.Item>> byTable = new EnumMap<>(Table.class);
        for (ReadBlock.Item item : items) {
            byTable.computeIfAbsent(item.address().table(), t -> new ArrayList<>())
                    .add(item);
        }
        List<ReadBlock> blocks = new ArrayList<>();
        for (Map.Entry<Table, List<ReadBlock.Item>> e : byTable.entrySet()) {
            Table table = e.getKey();
            int limit = table.bits() ? maxBits : maxRegisters;
            List<ReadBlock.Item> sorted = new ArrayList<>(e.getValue());
            sorted.sort(
                    Comparator.comparingInt((ReadBlock.Item i) -> i.address().address())
                            .thenComparing(ReadBlock.Item::tagId));
            int start = -1;
            int end = -1; // exclusive
            List<ReadBlock.Item> current = new ArrayList<>();
            for (ReadBlock.Item item : sorted) {
                int a = item.address().address();
                int itemEnd = a + item.address().count();
                boolean joins = !current.isEmpty() && a - end <= maxGap && Math.max(end, itemEnd) - start <= limit;
                if (!joins) {
                    if (!current.isEmpty()) {
                        blocks.add(new ReadBlock(table, start, end - start, List.copyOf(current)));
                    }
                    current.clear();
                    start = a;
                    end = itemEnd;
                }
                current.add(item);
                end = Math.max(end, itemEnd);
            }
            if (!current.isEmpty()) {
                blocks.add(new ReadBlock(table, start, end - start, List.copyOf(current)));
            }
        }
        return blocks;
    }
}
