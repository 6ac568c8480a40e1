package org.vmsseaman.driver.nmea2000.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.vmsseaman.driver.nmea2000.internal.Tags.number;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vmsseaman.api.device.ConnectionState;
import org.vmsseaman.api.driver.DeviceSession;
import org.vmsseaman.api.tag.Quality;
import org.vmsseaman.api.tag.TagValue;

/**
 * A real boat's bus ({@code merrimac-ydwg-2020.raw}) streamed over a loopback TCP socket as a Yacht Devices
 * gateway would: the driver's values equal what the test decodes by hand from the file's last frames.
 */
class MerrimacOverTcpTest {

    @TempDir
    Path home;

    private final RecordingSink sink = new RecordingSink();
    private final List<AutoCloseable> resources = new ArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void close() throws Exception {
        release.countDown();
        for (AutoCloseable r : resources) {
            r.close();
        }
    }

    @Test
    void windDepthSpeedHeadingPositionAndBatteryAreGoodAndMatchTheHandDecodedFrames() throws Exception {
        List<String> lines = Files.readAllLines(SharedData.nmea2000("merrimac-ydwg-2020.raw"));
        int port = serve(Files.readAllBytes(SharedData.nmea2000("merrimac-ydwg-2020.raw")));
        DeviceSession session = new Nmea2000Driver(home)
                .start(FakeContext.of(
                        "ydwg",
                        Map.of("host", "127.0.0.1", "port", port, "silenceSeconds", 1),
                        List.of(
                                number("nav.aws", "kn", "pgn", 130306, "field", "windSpeed", "source", 32),
                                number("nav.awa", "deg", "pgn", 130306, "field", "windAngle", "source", 32),
                                number("nav.depth", "m", "pgn", 128267, "field", "depth", "source", 36),
                                number("nav.stw", "kn", "pgn", 128259, "field", "speedWaterReferenced"),
                                number("nav.sog_n", "kn", "pgn", 128259, "field", "speedGroundReferenced"),
                                number("nav.heading", "deg", "pgn", 127250, "field", "heading"),
                                number("nav.lat", "deg", "pgn", 129025, "field", "latitude", "source", 45),
                                number("nav.lon", "deg", "pgn", 129025, "field", "longitude", "source", 45),
                                number("gps.lat", "deg", "pgn", 129029, "field", "latitude", "source", 45),
                                number("gps.sats", "", "pgn", 129029, "field", "numberOfSvs", "source", 45),
                                number("dc.house_v", "V", "pgn", 127508, "field", "voltage", "instance", 0),
                                number("dc.soc", "%", "pgn", 127506, "field", "stateOfCharge", "instance", 0),
                                number("env.air_t", "degC", "pgn", 130310, "field", "outsideAirTemperature")),
                        sink));
        resources.add(session);
        Waits.until("every tag has a value", () -> sink.last().size() == 13);
        Waits.until("the whole file is decoded", () -> sink.statuses().stream()
                .anyMatch(s -> s.detail().contains("no data for") && s.detail().contains(lines.size() + " frames")));
        assertThat(sink.statuses().get(0).state()).isEqualTo(ConnectionState.CONNECTING);
        assertThat(sink.hasStatus(ConnectionState.CONNECTED)).isTrue();
        Map<String, TagValue> last = sink.last();

        // 130306 from 0x20: bytes 1-2 speed * 0.01 m/s, bytes 3-4 angle * 0.0001 rad
        int[] wind = lastFrame(lines, "09FD0220", b -> true);
        assertThat(good(last, "nav.aws")).isCloseTo((wind[1] | wind[2] << 8) * 0.01 / 1852 * 3600, within(1e-9));
        assertThat(good(last, "nav.awa")).isCloseTo(Math.toDegrees((wind[3] | wind[4] << 8) * 0.0001), within(1e-9));
        // 128267 from 0x24: bytes 1-4 depth * 0.01 m
        int[] depth = lastFrame(lines, "15F50B24", b -> true);
        assertThat(good(last, "nav.depth"))
                .isCloseTo((depth[1] | depth[2] << 8 | depth[3] << 16 | depth[4] << 24) * 0.01, within(1e-9));
        // 128259: bytes 1-2 speed through water (0: moored); bytes 3-4 0xFFFF: no ground speed
        int[] speed = lastFrame(lines, "09F50324", b -> true);
        assertThat(good(last, "nav.stw")).isEqualTo((speed[1] | speed[2] << 8) * 0.01 / 1852 * 3600);
        assertThat(last.get("nav.sog_n").quality()).isEqualTo(Quality.BAD_SENSOR_FAILURE);
        // 127250: bytes 1-2 heading * 0.0001 rad
        int[] heading = lastFrame(lines, "09F11213", b -> true);
        assertThat(good(last, "nav.heading"))
                .isCloseTo(Math.toDegrees((heading[1] | heading[2] << 8) * 0.0001), within(1e-9));
        // 129025 from 0x2D: signed 32-bit little-endian * 1e-7 deg
        int[] pos = lastFrame(lines, "09F8012D", b -> true);
        assertThat(good(last, "nav.lat"))
                .isCloseTo((pos[0] | pos[1] << 8 | pos[2] << 16 | pos[3] << 24) * 1e-7, within(1e-9));
        assertThat(good(last, "nav.lon"))
                .isCloseTo((pos[4] | pos[5] << 8 | pos[6] << 16 | pos[7] << 24) * 1e-7, within(1e-9));
        // the GNSS fast packet from the same receiver agrees with the rapid position to 1e-4 deg
        assertThat(good(last, "gps.lat")).isCloseTo(good(last, "nav.lat"), within(1e-4));
        assertThat(good(last, "gps.sats")).isEqualTo(22.0);
        // 127508 instance 0: bytes 1-2 voltage * 0.01 V
        int[] battery = lastFrame(lines, "19F21400", b -> b[0] == 0);
        assertThat(good(last, "dc.house_v")).isCloseTo((battery[1] | battery[2] << 8) * 0.01, within(1e-9));
        // 127506 first frame: 00 = frame 0, 09 = 9 bytes, then sid, instance 0, type 0, SoC 0x5F = 95 %
        assertThat(good(last, "dc.soc")).isEqualTo(95.0);
        // this boat's 130310 sender has no sensor: all 0xFF
        assertThat(last.get("env.air_t").quality()).isEqualTo(Quality.BAD_SENSOR_FAILURE);
        assertThat(sink.configurationErrors()).isEmpty();
    }

    @Test
    void aGatewayThatDropsTheConnectionIsReconnectedWithBackoff() throws Exception {
        ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        resources.add(server);
        Thread gateway = new Thread(() -> {
            for (String depth : new String[] {"BA 01", "BB 01"}) { // 4.42 m, then 4.43 m
                try (Socket s = server.accept();
                        OutputStream out = s.getOutputStream()) {
                    out.write(("00:30:00.942 R 15F50B24 69 " + depth + " 00 00 F4 01 FF\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    Thread.sleep(300);
                } catch (IOException | InterruptedException e) {
                    return;
                }
            }
        });
        gateway.setDaemon(true);
        gateway.start();
        DeviceSession session = new Nmea2000Driver(home)
                .start(FakeContext.of(
                        "ydwg",
                        Map.of("host", "127.0.0.1", "port", server.getLocalPort()),
                        List.of(number("nav.depth", "m", "pgn", 128267, "field", "depth")),
                        sink));
        resources.add(session);
        Waits.until("the value after reconnecting", () -> sink.values().size() == 2);
        assertThat(sink.values().get(0).value()).isEqualTo(4.42);
        assertThat(sink.values().get(1).value()).isEqualTo(4.43);
        List<ConnectionState> states =
                sink.statuses().stream().map(RecordingSink.Status::state).toList();
        assertThat(states)
                .containsSubsequence(
                        ConnectionState.CONNECTED, ConnectionState.DISCONNECTED, ConnectionState.CONNECTED);
        RecordingSink.Status lost = sink.first(ConnectionState.DISCONNECTED);
        assertThat(lost.detail())
                .contains("tcp 127.0.0.1:" + server.getLocalPort())
                .contains("retrying in");
    }

    private static double good(Map<String, TagValue> last, String tag) {
        TagValue v = last.get(tag);
        assertThat(v.quality()).as(tag).isEqualTo(Quality.GOOD);
        return ((Number) v.value()).doubleValue();
    }

    /** The data bytes of the last line with identifier {@code idHex} whose bytes pass {@code filter}. */
    private static int[] lastFrame(List<String> lines, String idHex, Predicate<int[]> filter) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            String[] parts = lines.get(i).trim().split(" ");
            if (!parts[2].equals(idHex)) {
                continue;
            }
            int[] b = new int[parts.length - 3];
            for (int j = 0; j < b.length; j++) {
                b[j] = HexFormat.fromHexDigits(parts[3 + j]);
            }
            if (filter.test(b)) {
                return b;
            }
        }
        throw new AssertionError("no frame " + idHex);
    }

    /** A one-connection gateway on loopback that sends {@code data} and keeps the connection open. */
    private int serve(byte[] data) throws IOException {
        ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        resources.add(server);
        Thread t = new Thread(() -> {
            try (Socket s = server.accept();
                    OutputStream out = s.getOutputStream()) {
                for (int off = 0; off < data.length; off += 1000) { // in pieces, lines split across reads
                    out.write(data, off, Math.min(1000, data.length - off));
                    out.flush();
                }
                release.await();
            } catch (IOException | InterruptedException e) {
                // test over
            }
        });
        t.setDaemon(true);
        t.start();
        return server.getLocalPort();
    }
}
