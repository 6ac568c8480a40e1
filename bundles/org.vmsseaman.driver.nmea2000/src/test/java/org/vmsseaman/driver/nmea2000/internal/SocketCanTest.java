package org.vmsseaman.driver.nmea2000.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vmsseaman.driver.nmea2000.internal.Tags.number;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.vmsseaman.api.driver.DeviceSession;
import org.vmsseaman.api.driver.DriverException;

/**
 * SocketCAN through {@code candump -L}: a stand-in candump script plays a recorded log (a CI machine has no
 * CAN interface), and one that fails like candump on a missing interface.
 */
@EnabledOnOs(OS.LINUX)
class SocketCanTest {

    @TempDir
    Path home;

    private Path candump(String body) throws Exception {
        Path bin = Files.createDirectories(home.resolve("bin"));
        Path script = bin.resolve("candump");
        Files.writeString(script, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    @Test
    void framesFromCandumpAreDecodedAndItsArgumentsAreTheInterface() throws Exception {
        Path args = home.resolve("args");
        Path script = candump(
                "echo \"$@\" > " + args + "\ncat " + SharedData.nmea2000("candump-fast.txt") + "\nexec sleep 30");
        RecordingSink sink = new RecordingSink();
        DeviceSession session = new Nmea2000Driver(home)
                .start(FakeContext.of(
                        "can",
                        Map.of("transport", "socketcan", "interface", "vcan0", "candump", script.toString()),
                        List.of(number("me.oil_p", "bar", "pgn", 127489, "field", "oilPressure")),
                        sink));
        try {
            Waits.until("five messages", () -> sink.values().size() == 5);
        } finally {
            session.close();
        }
        assertThat(Files.readString(args).strip()).isEqualTo("-L vcan0");
        // first message: oil pressure 0x06B7 = 1719 * 100 Pa
        assertThat(sink.values().get(0).value()).isEqualTo(1.719);
        assertThat(sink.statuses().get(1).detail()).isEqualTo("socketcan vcan0");
    }

    @Test
    void aMissingInterfaceIsDisconnectedWithCandumpsMessage() throws Exception {
        Path script = candump("echo 'SIOCGIFINDEX: No such device' >&2\nexit 1");
        String detail = Waits.firstDisconnect(
                home, Map.of("transport", "socketcan", "interface", "can7", "candump", script.toString()));
        assertThat(detail).contains("exited with 1").contains("SIOCGIFINDEX: No such device");
    }

    @Test
    void onlyCandumpRunsAndOnlyOnAnInterfaceName() {
        assertThatThrownBy(() -> new Nmea2000Driver(home)
                        .start(FakeContext.of(
                                "can",
                                Map.of("transport", "socketcan", "interface", "can0", "candump", "/bin/rm"),
                                List.of(),
                                new RecordingSink())))
                .isInstanceOf(DriverException.class)
                .hasMessageContaining("setting 'candump' must name the can-utils candump program");
        assertThatThrownBy(() -> new Nmea2000Driver(home)
                        .start(FakeContext.of(
                                "can",
                                Map.of("transport", "socketcan", "interface", "-h"),
                                List.of(),
                                new RecordingSink())))
                .hasMessageContaining("setting 'interface' must be a network interface name");
    }
}
