package org.vmsseaman.driver.nmea2000.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vmsseaman.driver.nmea2000.internal.Tags.number;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vmsseaman.api.device.BoundTag;
import org.vmsseaman.api.device.ConnectionState;

/** candump log replay: as fast as possible, at the recorded pace, in a loop, and in discover mode. */
class ReplayTest {

    @TempDir
    Path home;

    private final RecordingSink sink = new RecordingSink();
    private static final List<BoundTag> OIL = List.of(number("me.oil_p", "bar", "pgn", 127489, "field", "oilPressure"));

    /** Starts replaying {@code file} with the settings {@code extra} (key, value, ...) added. */
    private BusSession replay(String file, List<BoundTag> tags, Object... extra) throws Exception {
        Map<String, Object> settings = new java.util.HashMap<>(Map.of("transport", "file", "file", file));
        for (int i = 0; i < extra.length; i += 2) {
            settings.put((String) extra[i], extra[i + 1]);
        }
        return (BusSession) new Nmea2000Driver(home).start(FakeContext.of("log", settings, tags, sink));
    }

    private static String sample(String name) {
        return SharedData.nmea2000(name).toString();
    }

    @Test
    void asFastAsPossibleDecodesEveryCompleteFastPacketAndEndsDisconnected() throws Exception {
        BusSession s = replay(sample("candump-fast.txt"), OIL, "speed", 0);
        assertThat(s.awaitEnd(10_000)).isTrue();
        // 23 frames: five complete 4-frame messages, and 3 frames of a sixth the log cut off
        assertThat(sink.values()).hasSize(5);
        RecordingSink.Status end = sink.statuses().get(sink.statuses().size() - 1);
        assertThat(end.state()).isEqualTo(ConnectionState.DISCONNECTED);
        assertThat(end.detail())
                .contains("replay finished")
                .contains("23 frames")
                .contains("0 malformed");
        s.close();
    }

    @Test
    void atRecordedPaceTimesSpeedItTakesTheLogsDurationDividedBySpeed() throws Exception {
        // the log spans 0.352 s .. 1.502 s = 1.15 s; at speed 2 about 0.575 s
        long start = System.nanoTime();
        BusSession s = replay(sample("candump-fast.txt"), OIL, "speed", 2);
        assertThat(s.awaitEnd(10_000)).isTrue();
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(seconds).isBetween(0.5, 5.0);
        assertThat(sink.batches())
                .as("values published as they fall due, not in one batch")
                .hasSizeGreaterThan(1);
        s.close();
    }

    @Test
    void aLoopReplaysUntilClosedAndARelativeFileIsFoundUnderHome() throws Exception {
        Files.copy(SharedData.nmea2000("candump-fast.txt"), home.resolve("fast.log"));
        BusSession s = replay("fast.log", OIL, "speed", 0, "loop", true);
        Waits.until("several rounds", () -> sink.values().size() > 50);
        s.close();
        assertThat(s.awaitEnd(0)).isTrue();
        int after = sink.values().size();
        Thread.sleep(100);
        assertThat(sink.values()).as("nothing after close").hasSize(after);
        assertThat(sink.hasStatus(ConnectionState.DISCONNECTED)).isFalse();
    }

    @Test
    void discoverModeWritesWhatIsOnTheBus() throws Exception {
        BusSession s = replay(sample("merrimac-ydwg-2020.raw"), List.of(), "speed", 0, "discover", true);
        assertThat(s.awaitEnd(10_000)).isTrue();
        Path file = home.resolve("data/nmea2000/log-discover.txt");
        assertThat(file).exists();
        List<String> lines = Files.readAllLines(file);
        assertThat(lines.get(0)).startsWith("pgn");
        // 129029 from 45 (0x2D): 14 frames = 2 complete 7-frame messages, named because it is decodable
        assertThat(lines).anyMatch(l -> l.matches("129029 +45 +gnssPositionData +2 +"));
        // battery instances 0..3 from source 0
        assertThat(lines).anyMatch(l -> l.matches("127508 +0 +batteryStatus +16 +0,1,2,3"));
        // a PGN the driver does not decode is listed by frames, without a name
        assertThat(lines).anyMatch(l -> l.matches("130840 +13 +- +55 +"));
        s.close();
    }
}
