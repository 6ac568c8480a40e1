package org.vmsseaman.driver.modbus.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vmsseaman.api.device.BoundTag;
import org.vmsseaman.api.device.ConnectionState;
import org.vmsseaman.api.project.DeviceDefinition;
import org.vmsseaman.api.tag.Quality;
import org.vmsseaman.driver.modbus.internal.MisbehavingSlave.Mode;

/**
 * Every fault of a misbehaving slave gives its documented quality within timeout + 2 s, values are never attributed
 * to the wrong tag, and the device recovers when the slave behaves again.
 */
class FaultHarnessTest {

    private static final int TIMEOUT = 300;
    private static final Duration WITHIN = Duration.ofMillis(TIMEOUT + 2000);
    private static final Duration RECOVERY = Duration.ofSeconds(5);

    private static final List<BoundTag> TAGS = Fixtures.ADDRESS_TAGS;

    private MisbehavingSlave slave;
    private ModbusSession session;
    private final RecordingSink sink = new RecordingSink();

    @AfterEach
    void stop() {
        if (session != null) {
            session.close();
        }
        if (slave != null) {
            slave.close();
        }
    }

    private void start(ModbusDriver driver, String protocol, int port) throws Exception {
        Map<String, Object> settings = Fixtures.tcp(port, "timeoutMs", TIMEOUT, "pollIntervalMs", 100);
        session = driver.start(
                new Fixtures.Context(new DeviceDefinition("dev", protocol, "dev", true, settings), TAGS, sink));
    }

    private void awaitGood() {
        Fixtures.await(
                RECOVERY,
                "both tags GOOD",
                () -> sink.quality("t.a0") == Quality.GOOD && sink.quality("t.a10") == Quality.GOOD,
                () -> "last status " + sink.lastStatus());
    }

    private void assertNoMisattribution() {
        Fixtures.assertNoMisattribution(sink);
    }

    private void faultThenRecovery(Mode mode, Quality expected) {
        awaitGood();
        int goodBefore = sink.goodUpdates("t.a10");
        slave.mode(mode);
        Fixtures.await(
                WITHIN,
                mode + " turns the tags " + expected,
                () -> sink.quality("t.a0") == expected && sink.quality("t.a10") == expected,
                () -> "t.a0 " + sink.quality("t.a0") + ", t.a10 " + sink.quality("t.a10") + ", " + sink.lastStatus());
        slave.mode(Mode.NORMAL);
        Fixtures.await(
                RECOVERY,
                "GOOD again after " + mode,
                () -> sink.quality("t.a0") == Quality.GOOD
                        && sink.quality("t.a10") == Quality.GOOD
                        && sink.goodUpdates("t.a10") > goodBefore + 2,
                () -> "last status " + sink.lastStatus());
        assertNoMisattribution();
    }

    @ParameterizedTest
    @CsvSource({
        "SLOW,BAD_COMMUNICATION_FAILURE",
        "EXCEPTION,BAD_COMMUNICATION_FAILURE",
        "MALFORMED,BAD_COMMUNICATION_FAILURE",
        "TRUNCATED,BAD_COMMUNICATION_FAILURE",
        "WRONG_TRANSACTION_ID,BAD_COMMUNICATION_FAILURE",
        "SILENT,BAD_COMMUNICATION_FAILURE",
        "RESET,BAD_NOT_CONNECTED"
    })
    void modbusTcpFaults(Mode mode, Quality expected) throws Exception {
        slave = MisbehavingSlave.start(0, false).delay(TIMEOUT * 2);
        start(new ModbusTcpDriver(), "modbus-tcp", slave.port());
        faultThenRecovery(mode, expected);
    }

    @ParameterizedTest
    @CsvSource({
        "BAD_CRC,BAD_COMMUNICATION_FAILURE",
        "SLOW,BAD_COMMUNICATION_FAILURE",
        "EXCEPTION,BAD_COMMUNICATION_FAILURE",
        "TRUNCATED,BAD_COMMUNICATION_FAILURE",
        "RESET,BAD_NOT_CONNECTED"
    })
    void rtuOverTcpFaults(Mode mode, Quality expected) throws Exception {
        slave = MisbehavingSlave.start(0, true).delay(TIMEOUT * 2);
        start(new ModbusRtuOverTcpDriver(), "modbus-rtu-tcp", slave.port());
        faultThenRecovery(mode, expected);
    }

    @Test
    void anExceptionReplyIsReportedWithItsCodeText() throws Exception {
        slave = MisbehavingSlave.start(0, false);
        start(new ModbusTcpDriver(), "modbus-tcp", slave.port());
        awaitGood();
        slave.mode(Mode.EXCEPTION);
        Fixtures.await(
                WITHIN,
                "the status names the exception",
                () -> sink.lastStatus().detail().contains("exception 4 (server device failure)"),
                () -> String.valueOf(sink.lastStatus()));
        assertThat(sink.lastStatus().state()).isEqualTo(ConnectionState.CONNECTED);
    }

    @Test
    void aRefusedConnectionIsRetriedWithBackoffUntilTheSlaveAppears() throws Exception {
        int port = Fixtures.freePort();
        start(new ModbusTcpDriver(), "modbus-tcp", port);
        Fixtures.await(
                WITHIN,
                "DISCONNECTED naming the endpoint",
                () -> sink.lastStatus() != null
                        && sink.lastStatus().state() == ConnectionState.DISCONNECTED
                        && sink.lastStatus().detail().contains("127.0.0.1:" + port));
        slave = MisbehavingSlave.start(port, false);
        awaitGood();
        assertThat(sink.lastStatus().state()).isEqualTo(ConnectionState.CONNECTED);
        assertNoMisattribution();
    }

    @Test
    void aSilentDeviceDoesNotHoldUpAnother() throws Exception {
        slave = MisbehavingSlave.start(0, false).mode(Mode.SILENT);
        start(new ModbusTcpDriver(), "modbus-tcp", slave.port());
        try (MisbehavingSlave healthy = MisbehavingSlave.start(0, false)) {
            RecordingSink other = new RecordingSink();
            Map<String, Object> settings = Fixtures.tcp(healthy.port(), "pollIntervalMs", 20, "timeoutMs", TIMEOUT);
            ModbusSession second = new ModbusTcpDriver()
                    .start(new Fixtures.Context(
                            new DeviceDefinition("ok", "modbus-tcp", "ok", true, settings), TAGS, other));
            try {
                Fixtures.await(RECOVERY, "the healthy device polls 50 times", () -> other.goodUpdates("t.a0") >= 50);
                assertThat(sink.goodUpdates("t.a0")).isZero();
            } finally {
                second.close();
            }
        }
    }
}
