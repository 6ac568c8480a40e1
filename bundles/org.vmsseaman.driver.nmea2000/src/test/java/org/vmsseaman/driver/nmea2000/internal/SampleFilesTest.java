package org.vmsseaman.driver.nmea2000.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vmsseaman.api.device.BoundTag;
import org.vmsseaman.api.tag.TagValue;
import org.vmsseaman.driver.nmea2000.internal.can.LineSplitter;
import org.vmsseaman.driver.nmea2000.internal.pgn.Field;
import org.vmsseaman.driver.nmea2000.internal.pgn.PgnCatalog;
import org.vmsseaman.driver.nmea2000.internal.pgn.PgnLayout;

/**
 * Every line of every recorded sample, and a mutated copy of each (truncated and corrupted identifiers, flipped
 * data bytes, swapped frames): no exception escapes, every line is counted, and exactly the lines that were
 * broken are counted malformed.
 */
class SampleFilesTest {

    private static final Pattern ID = Pattern.compile("(?<= )[0-9A-F]{8}(?=[# ])");

    /** Every field of every decoded PGN bound to a tag, so each sample exercises all decoders. */
    static BoundTag[] everyField() {
        List<BoundTag> tags = new ArrayList<>();
        for (PgnLayout l : PgnCatalog.standard().layouts()) {
            for (Field f : l.allFields()) {
                tags.add(Tags.number(
                        "p" + l.pgn() + "." + f.name().toLowerCase(), "", "pgn", l.pgn(), "field", f.name()));
            }
        }
        return tags.toArray(BoundTag[]::new);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"merrimac-ydwg-2020.raw", "candumpSample3.txt", "candump-fast.txt", "actisense-522.candump.log"})
    void everyLineDecodesWithoutAnythingMalformed(String file) throws IOException {
        List<String> lines = Files.readAllLines(SharedData.nmea2000(file), StandardCharsets.ISO_8859_1);
        TestBus bus = new TestBus(everyField());
        lines.forEach(bus::lines);
        LineSplitter s = bus.splitter;
        assertThat(s.lines()).isEqualTo(lines.size());
        assertThat(s.malformed()).isZero();
        assertThat(bus.decoder.frames() + s.ignored() + s.skipped()).isEqualTo(lines.size());
        assertThat(bus.decoder.frames())
                .isEqualTo(lines.stream().filter(l -> ID.matcher(l).find()).count());
        assertThat(bus.problems).isEmpty();
        assertValuesWellFormed(bus.values());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"merrimac-ydwg-2020.raw", "candumpSample3.txt", "candump-fast.txt", "actisense-522.candump.log"})
    void aMutatedCopyCountsExactlyTheBrokenLines(String file) throws IOException {
        List<String> lines =
                new ArrayList<>(Files.readAllLines(SharedData.nmea2000(file), StandardCharsets.ISO_8859_1));
        Random random = new Random(file.hashCode());
        int broken = 0;
        int frames = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher id = ID.matcher(line);
            if (!id.find()) {
                continue;
            }
            int roll = random.nextInt(100);
            if (roll < 5) { // truncated inside the identifier
                lines.set(i, line.substring(0, id.start() + 1 + random.nextInt(6)));
                broken++;
            } else if (roll < 10) { // a non-hex byte in the identifier
                char[] c = line.toCharArray();
                c[id.start() + random.nextInt(8)] = (char) ('G' + random.nextInt(20));
                lines.set(i, new String(c));
                broken++;
            } else {
                if (roll < 30) { // a flipped data byte: still well-formed, different values
                    char[] c = line.toCharArray();
                    int p = c.length - 1 - random.nextInt(Math.min(8, c.length - id.end() - 1));
                    while (c[p] == ' ') {
                        p--; // a digit of a data byte, never the blank between two
                    }
                    c[p] = "0123456789ABCDEF".charAt(random.nextInt(16));
                    lines.set(i, new String(c));
                }
                frames++;
            }
        }
        for (int i = 0; i + 1 < lines.size(); i += 2) { // shuffled frame order: swap a tenth of the pairs
            if (random.nextInt(10) == 0) {
                Collections.swap(lines, i, i + 1);
            }
        }
        TestBus bus = new TestBus(everyField());
        bus.feed(String.join("\n", lines)); // one chunk, the last line without a newline
        bus.splitter.endOfInput();
        assertThat(bus.splitter.lines()).isEqualTo(lines.size());
        assertThat(bus.splitter.malformed()).isEqualTo(broken).isPositive();
        assertThat(bus.decoder.frames()).isEqualTo(frames);
        assertThat(bus.decoder.frames() + bus.splitter.malformed() + bus.splitter.skipped() + bus.splitter.ignored())
                .isEqualTo(lines.size());
        assertValuesWellFormed(bus.values());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void randomBytesAndRandomFramesOfEveryPgnNeverThrow(int seed) {
        Random random = new Random(seed);
        TestBus bus = new TestBus(everyField());
        StringBuilder garbage = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            garbage.append((char) random.nextInt(256));
        }
        bus.feed(garbage.toString());
        List<PgnLayout> layouts = new ArrayList<>(PgnCatalog.standard().layouts());
        for (int i = 0; i < 50_000; i++) {
            PgnLayout l = layouts.get(random.nextInt(layouts.size()));
            int pgn = l.pgn();
            int id = (random.nextInt(8) << 26) | (pgn << 8) | random.nextInt(256);
            StringBuilder line = new StringBuilder(String.format("(1.000000) can0 %08X#", id));
            int n = random.nextInt(9);
            for (int b = 0; b < n; b++) {
                // frame counters mostly in sequence so that fast packets complete now and then
                int v = b == 0 && l.fastPacket() ? (i % 8) : random.nextInt(256);
                line.append(String.format("%02X", v));
            }
            bus.lines(line.toString());
        }
        assertThat(bus.splitter.lines())
                .isEqualTo(bus.decoder.frames()
                        + bus.splitter.malformed()
                        + bus.splitter.skipped()
                        + bus.splitter.ignored());
        assertThat(bus.decoder.messages()).isPositive();
        assertValuesWellFormed(bus.values());
    }

    /** GOOD values are finite numbers; all others carry no value. */
    static void assertValuesWellFormed(List<TagValue> values) {
        for (TagValue v : values) {
            if (v.quality().isGood()) {
                assertThat(v.value()).isInstanceOf(Number.class);
                assertThat(Double.isFinite(((Number) v.value()).doubleValue())).isTrue();
            } else {
                assertThat(v.value()).isNull();
            }
        }
    }
}
