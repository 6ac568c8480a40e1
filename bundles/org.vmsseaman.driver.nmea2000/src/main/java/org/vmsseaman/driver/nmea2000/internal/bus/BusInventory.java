package org.vmsseaman.driver.nmea2000.internal.bus;

import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.vmsseaman.driver.nmea2000.internal.pgn.Field;
import org.vmsseaman.driver.nmea2000.internal.pgn.PgnCatalog;
import org.vmsseaman.driver.nmea2000.internal.pgn.PgnLayout;

/**
 * What was seen on a bus (discover mode): per PGN and sender the number of frames or messages, and the
 * instances (the {@code instance} field, or the fluid type of tanks) seen. Not thread-safe: the reading
 * thread records and renders.
 */
public final class BusInventory {

    private final PgnCatalog catalog;
    private final Map<Long, Entry> entries = new TreeMap<>();

    private static final class Entry {
        long count;
        final TreeSet<String> instances = new TreeSet<>();
    }

    public BusInventory(PgnCatalog catalog) {
        this.catalog = catalog;
    }

    /** Counts one frame of a PGN the driver does not decode. */
    void frame(int pgn, int source) {
        entry(pgn, source).count++;
    }

    /** Counts one decoded message and notes its instance. */
    void message(PgnLayout layout, int source, byte[] data, int length) {
        Entry e = entry(layout.pgn(), source);
        e.count++;
        Field instance = layout.field("instance");
        if (instance != null && instance.endBit() <= length * 8 && e.instances.size() < 64) {
            String text = Long.toString(instance.raw(data));
            Field type = layout.pgn() == 127505 ? layout.field("type") : null;
            if (type != null) {
                long t = type.raw(data);
                text += "/" + type.lookup().labels().getOrDefault(t, Long.toString(t));
            }
            e.instances.add(text);
        }
    }

    private Entry entry(int pgn, int source) {
        return entries.computeIfAbsent(((long) pgn << 8) | source, k -> new Entry());
    }

    /** Number of distinct (PGN, source) pairs seen. */
    public int size() {
        return entries.size();
    }

    /**
     * A table, one line per PGN and sender: {@code pgn source name count instances}. Names of PGNs the driver
     * decodes (bindable), {@code -} for others.
     */
    public String render() {
        StringBuilder b = new StringBuilder(
                String.format("%-7s %-6s %-34s %9s  %s%n", "pgn", "source", "name", "count", "instances"));
        for (Map.Entry<Long, Entry> e : entries.entrySet()) {
            int pgn = (int) (e.getKey() >>> 8);
            int source = (int) (e.getKey() & 0xFF);
            PgnLayout layout = catalog.layout(pgn);
            b.append(String.format(
                    "%-7d %-6d %-34s %9d  %s%n",
                    pgn,
                    source,
                    layout == null ? "-" : layout.name(),
                    e.getValue().count,
                    String.join(",", e.getValue().instances)));
        }
        return b.toString();
    }
}
