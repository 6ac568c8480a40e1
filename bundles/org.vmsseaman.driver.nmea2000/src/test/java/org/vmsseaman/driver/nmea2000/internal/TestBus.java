package org.vmsseaman.driver.nmea2000.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vmsseaman.api.device.BoundTag;
import org.vmsseaman.api.tag.TagValue;
import org.vmsseaman.driver.nmea2000.internal.binding.BindingCompiler;
import org.vmsseaman.driver.nmea2000.internal.binding.FieldBinding;
import org.vmsseaman.driver.nmea2000.internal.bus.BusDecoder;
import org.vmsseaman.driver.nmea2000.internal.bus.BusInventory;
import org.vmsseaman.driver.nmea2000.internal.can.LineSplitter;
import org.vmsseaman.driver.nmea2000.internal.pgn.PgnCatalog;

/** The decoding pipeline without a connection: text lines in, tag values out. */
final class TestBus {

    final Map<String, String> problems = new LinkedHashMap<>();
    final BusDecoder decoder;
    final LineSplitter splitter;
    final BusInventory inventory = new BusInventory(PgnCatalog.standard());
    private final List<TagValue> values = new ArrayList<>();

    TestBus(BoundTag... tags) {
        List<FieldBinding> bindings = new BindingCompiler(PgnCatalog.standard()).compile(List.of(tags), problems::put);
        decoder = new BusDecoder(PgnCatalog.standard(), bindings, inventory);
        splitter = new LineSplitter(decoder::frame);
    }

    /** Feeds lines, each as its own chunk. */
    TestBus lines(String... lines) {
        for (String l : lines) {
            feed(l + "\n");
        }
        return this;
    }

    /** Feeds raw text as one chunk. */
    TestBus feed(String text) {
        byte[] b = text.getBytes(StandardCharsets.ISO_8859_1);
        splitter.accept(b, 0, b.length);
        values.addAll(decoder.drain());
        return this;
    }

    List<TagValue> values() {
        return List.copyOf(values);
    }

    /** The last value of {@code tagId}; fails if there is none. */
    TagValue last(String tagId) {
        for (int i = values.size() - 1; i >= 0; i--) {
            if (values.get(i).tagId().equals(tagId)) {
                return values.get(i);
            }
        }
        throw new AssertionError("no value for " + tagId + " in " + values);
    }

    /** The values of {@code tagId} in order. */
    List<TagValue> of(String tagId) {
        return values.stream().filter(v -> v.tagId().equals(tagId)).toList();
    }
}
