package org.vmsseaman.driver.nmea2000.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vmsseaman.driver.nmea2000.internal.Tags.number;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vmsseaman.api.driver.DeviceSession;

/** Yacht Devices RAW datagrams on a loopback UDP port. */
class UdpTest {

    @TempDir
    Path home;

    @Test
    void datagramsOfSeveralLinesAreDecodedTheLastLineNeedsNoNewline() throws Exception {
        int port;
        try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        RecordingSink sink = new RecordingSink();
        DeviceSession session = new Nmea2000Driver(home)
                .start(FakeContext.of(
                        "udp",
                        Map.of("transport", "udp", "bindAddress", "127.0.0.1", "port", port),
                        List.of(number("nav.depth", "m", "pgn", 128267, "field", "depth")),
                        sink));
        try (DatagramSocket gateway = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            byte[] d = ("00:30:00.942 R 15F50B24 69 BA 01 00 00 F4 01 FF\r\n"
                            + "00:30:00.943 R 15F50B24 69 BB 01 00 00 F4 01 FF")
                    .getBytes(StandardCharsets.US_ASCII);
            Waits.until("two values", () -> {
                try {
                    if (sink.values().isEmpty()) {
                        gateway.send(new DatagramPacket(d, d.length, InetAddress.getLoopbackAddress(), port));
                    }
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                return sink.values().size() >= 2;
            });
        } finally {
            session.close();
        }
        assertThat(sink.values().get(0).value()).isEqualTo(4.42);
        assertThat(sink.values().get(1).value()).isEqualTo(4.43);
        assertThat(sink.batches().get(0)).as("one batch per datagram").hasSize(2);
    }
}
