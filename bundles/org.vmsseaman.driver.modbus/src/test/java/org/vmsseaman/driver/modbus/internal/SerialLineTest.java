package org.vmsseaman.driver.modbus.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vmsseaman.api.device.BoundTag;
import org.vmsseaman.api.device.ConnectionState;
import org.vmsseaman.api.project.DeviceDefinition;
import org.vmsseaman.api.tag.Quality;

/**
 * {@code modbus-rtu} on a real (pseudo-)terminal through jSerialComm: a small Python RTU slave on a pty reached through
 * a symlink, as a USB adapter is reached through /dev/serial/by-id. Killing the slave removes the terminal (the
 * adapter unplugged); starting it again on a new pty behind the same link is plugging it back in. Skipped where
 * there is no python3 or no pty (not Linux).
 */
class SerialLineTest {

    private static final int TIMEOUT = 300;
    private static final List<BoundTag> TAGS = Fixtures.ADDRESS_TAGS;

    @TempDir
    Path dir;

    private Process slave;
    private ModbusSession session;
    private final RecordingSink sink = new RecordingSink();

    @AfterEach
    void stop() {
        if (session != null) {
            session.close();
        }
        if (slave != null) {
            slave.destroyForcibly();
        }
    }

    private Process plugIn(Path link) throws Exception {
        Path script = dir.resolve("rtu_pty_slave.py");
        if (!Files.exists(script)) {
            try (var in = getClass().getResourceAsStream("/rtu_pty_slave.py")) {
                Files.copy(in, script);
            }
        }
        Process p = new ProcessBuilder("python3", script.toString(), link.toString())
                .redirectErrorStream(true)
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        assertThat(line).as("the pty slave starts").isEqualTo("ready");
        return p;
    }

    @Test
    void readsOverASerialLineAndReopensThePortAfterTheAdapterComesBack() throws Exception {
        assumeTrue(System.getProperty("os.name").toLowerCase().contains("linux"), "needs Linux ptys");
        assumeTrue(python3(), "needs python3");
        Path link = dir.resolve("ttyUSB-modbus");
        slave = plugIn(link);
        Map<String, Object> settings = Map.of(
                "serialPort", link.toString(),
                "baudRate", 19200,
                "parity", "none",
                "timeoutMs", TIMEOUT,
                "retries", 0,
                "pollIntervalMs", 100,
                "backoffInitialMs", 100,
                "backoffMaxMs", 300);
        session = new ModbusRtuDriver()
                .start(new Fixtures.Context(
                        new DeviceDefinition("rtu", "modbus-rtu", "rtu", true, settings), TAGS, sink));
        awaitGood();

        slave.destroyForcibly().waitFor();
        Files.deleteIfExists(link);
        Fixtures.await(
                Duration.ofMillis(TIMEOUT + 2000 + SerialChannel.QUIET_MILLIS),
                "the tags turn BAD when the adapter is unplugged",
                () -> sink.quality("t.a0").isBad() && sink.quality("t.a10").isBad(),
                () -> sink.quality("t.a0") + ", " + sink.lastStatus());

        Fixtures.await(
                Duration.ofSeconds(5),
                "the port reported gone (DISCONNECTED), not just a timeout",
                () -> sink.statuses().stream().anyMatch(st -> st.state() == ConnectionState.DISCONNECTED),
                () -> sink.statuses().toString());
        int before = sink.goodUpdates("t.a0");
        slave = plugIn(link);
        Fixtures.await(
                Duration.ofSeconds(10),
                "GOOD again once the adapter is back",
                () -> sink.goodUpdates("t.a0") > before + 2 && sink.quality("t.a10") == Quality.GOOD,
                () -> sink.quality("t.a0") + ", " + sink.lastStatus());
        Fixtures.assertNoMisattribution(sink);
    }

    private void awaitGood() {
        Fixtures.await(
                Duration.ofSeconds(10),
                "GOOD values over the serial line",
                () -> sink.quality("t.a0") == Quality.GOOD && sink.quality("t.a10") == Quality.GOOD,
                () -> String.valueOf(sink.lastStatus()));
    }

    private static boolean python3() {
        try {
            return new ProcessBuilder("python3", "--version").start().waitFor() == 0;
        } catch (Exception e) {
            return false;
        }
    }
}
