package org.vmsseaman.driver.nmea2000.internal.bus;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.vmsseaman.api.tag.Quality;
import org.vmsseaman.api.tag.TagValue;
import org.vmsseaman.driver.nmea2000.internal.binding.FieldBinding;
import org.vmsseaman.driver.nmea2000.internal.can.CanFrame;
import org.vmsseaman.driver.nmea2000.internal.can.CanId;
import org.vmsseaman.driver.nmea2000.internal.can.FastPacketAssembler;
import org.vmsseaman.driver.nmea2000.internal.pgn.Availability;
import org.vmsseaman.driver.nmea2000.internal.pgn.PgnCatalog;
import org.vmsseaman.driver.nmea2000.internal.pgn.PgnLayout;

/**
 * Decodes the frames of one bus into tag values: reassembles fast packets of the PGNs it needs, applies the
 * bindings and collects the values in a batch that {@link #drain()} hands out (one publish per read chunk).
 * Not thread-safe: one reading thread owns it.
 */
public final class BusDecoder {

    private final int[] pgns; // sorted
    private final PgnLayout[] layouts;
    private final FieldBinding[][] bindings;
    private final FastPacketAssembler assembler = new FastPacketAssembler();
    private final BusInventory inventory;
    private List<TagValue> batch = new ArrayList<>();
    private long frames;
    private long messages;

    /**
     * @param catalog the PGNs known
     * @param bound the compiled bindings
     * @param inventory where to record what is on the bus (discover mode), or null
     */
    public BusDecoder(PgnCatalog catalog, List<FieldBinding> bound, BusInventory inventory) {
        this.inventory = inventory;
        Map<Integer, List<FieldBinding>> byPgn = new TreeMap<>();
        if (inventory != null) {
            catalog.layouts().forEach(l -> byPgn.put(l.pgn(), new ArrayList<>()));
        }
        for (FieldBinding b : bound) {
            byPgn.computeIfAbsent(b.layout().pgn(), k -> new ArrayList<>()).add(b);
        }
        pgns = byPgn.keySet().stream().mapToInt(Integer::intValue).toArray();
        layouts = new PgnLayout[pgns.length];
        bindings = new FieldBinding[pgns.length][];
        for (int i = 0; i < pgns.length; i++) {
            layouts[i] = catalog.layout(pgns[i]);
            bindings[i] = byPgn.get(pgns[i]).toArray(FieldBinding[]::new);
        }
    }

    /** Decodes one frame; values for bound tags go into the batch. Never throws for any frame content. */
    public void frame(CanFrame frame) {
        frames++;
        int pgn = CanId.pgn(frame.id);
        int source = CanId.source(frame.id);
        int i = Arrays.binarySearch(pgns, pgn);
        if (i < 0) {
            if (inventory != null) {
                inventory.frame(pgn, source);
            }
            return;
        }
        if (!layouts[i].fastPacket()) {
            decode(i, source, frame.data, frame.length);
            return;
        }
        byte[] data = assembler.add(pgn, source, frame);
        if (data != null) {
            decode(i, source, data, assembler.lastLength());
        }
    }

    /**
     * Decodes one complete message, as a gateway that reassembles fast packets itself delivers it (Actisense
     * NGT-1); counted as a frame too.
     */
    public void message(int pgn, int source, byte[] data, int length) {
        frames++;
        int i = Arrays.binarySearch(pgns, pgn);
        if (i >= 0) {
            decode(i, source, data, length);
        } else if (inventory != null) {
            inventory.frame(pgn, source);
        }
    }

    private void decode(int i, int source, byte[] data, int length) {
        messages++;
        if (inventory != null) {
            inventory.message(layouts[i], source, data, length);
        }
        for (FieldBinding b : bindings[i]) {
            int base = b.locate(source, data, length);
            if (base >= 0) {
                batch.add(value(b, b.field().raw(data, base)));
            }
        }
    }

    private static TagValue value(FieldBinding b, long raw) {
        Availability a = b.field().availability(raw, b.layout().encoding());
        if (a == Availability.VALID) {
            return new TagValue(b.tagId(), b.value(raw), Quality.GOOD, 0L, 0L, raw);
        }
        return new TagValue(b.tagId(), null, quality(a), 0L, 0L, raw);
    }

    /** The quality of a reading that is not a value. */
    static Quality quality(Availability a) {
        return a == Availability.OUT_OF_RANGE ? Quality.UNCERTAIN_OUT_OF_RANGE : Quality.BAD_SENSOR_FAILURE;
    }

    /** The values collected since the last call (empty if none); the decoder starts a new batch. */
    public List<TagValue> drain() {
        if (batch.isEmpty()) {
            return List.of();
        }
        List<TagValue> out = batch;
        batch = new ArrayList<>(Math.max(16, out.size()));
        return out;
    }

    /** Frames decoded (well-formed 29-bit frames, or whole messages from a reassembling gateway). */
    public long frames() {
        return frames;
    }

    /** Complete messages of decoded PGNs (single frames and reassembled fast packets). */
    public long messages() {
        return messages;
    }

    /** Fast-packet messages dropped for a lost or out-of-order frame. */
    public long fastPacketDropped() {
        return assembler.dropped();
    }

    /** Frames that cannot belong to a fast packet. */
    public long fastPacketMalformed() {
        return assembler.malformed();
    }
}
