package org.vmsseaman.driver.modbus.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vmsseaman.driver.modbus.internal.Fixtures.bound;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vmsseaman.api.device.BoundTag;
import org.vmsseaman.api.device.ConnectionState;
import org.vmsseaman.api.driver.DriverException;
import org.vmsseaman.api.tag.DataType;
import org.vmsseaman.api.tag.Quality;

/** The modbus-tcp driver against a real j2mod slave on loopback. */
class LoopbackSlaveTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private LoopbackSlave slave;
    private ModbusSession session;
    private final RecordingSink sink = new RecordingSink();

    @BeforeEach
    void startSlave() throws Exception {
        slave = LoopbackSlave.start(300);
    }

    @AfterEach
    void stop() {
        if (session != null) {
            session.close();
        }
        slave.close();
    }

    private ModbusSession start(List<BoundTag> tags, Object... settings) throws DriverException {
        session = (ModbusSession)
                new ModbusTcpDriver().start(Fixtures.context("plc", Fixtures.tcp(slave.port, settings), tags, sink));
        return session;
    }

    private void awaitGood(String... ids) {
        Fixtures.await(
                WAIT,
                "GOOD values for " + List.of(ids),
                () -> List.of(ids).stream().allMatch(id -> sink.quality(id) == Quality.GOOD),
                () -> "statuses " + sink.statuses());
    }

    @Test
    void everyDataTypeAndOrderIsDecodedWithScaleOffsetAndRawValue() throws Exception {
        slave.holding(0, 0xFFFE) // int16 -2
                .holding(1, 0xFFFE) // uint16 65534
                .holding(2, 0xF8A4, 0x32EB) // int32 ABCD
                .holding(4, 0x32EB, 0xF8A4) // int32 CDAB
                .holding(6, 0xA4F8, 0xEB32) // uint32 BADC of 0xF8A432EB
                .holding(8, 0x79E9, 0xF642) // float32 DCBA 123.456
                .holding(10, 0xEEDD, 0xEF0B, 0x8216, 0x7EEB) // int64
                .holding(14, 0x2D18, 0x5444, 0x21FB, 0x4009) // float64 little word order
                .holding(18, 0x5441, 0x4E4B, 0x2031, 0) // "TANK 1"
                .holding(22, 0x0400) // bit 10
                .input(0, 1234) // scaled
                .coil(3, true)
                .discrete(5, true);
        start(List.of(
                bound("t.i16", DataType.LONG, "function", "holding_register", "address", 0, "dataType", "int16"),
                bound("t.u16", DataType.LONG, "function", "holding_register", "address", 1),
                bound("t.i32", DataType.LONG, "function", "holding_register", "address", 2, "dataType", "int32"),
                bound(
                        "t.i32cdab",
                        DataType.LONG,
                        "function",
                        "holding_register",
                        "address",
                        4,
                        "dataType",
                        "int32",
                        "wordOrder",
                        "little"),
                bound(
                        "t.u32badc",
                        DataType.LONG,
                        "function",
                        "holding_register",
                        "address",
                        6,
                        "dataType",
                        "uint32",
                        "byteOrder",
                        "little"),
                bound(
                        "t.f32dcba",
                        DataType.DOUBLE,
                        "function",
                        "holding_register",
                        "address",
                        8,
                        "dataType",
                        "float32",
                        "wordOrder",
                        "little",
                        "byteOrder",
                        "little"),
                bound("t.i64", DataType.LONG, "function", "holding_register", "address", 10, "dataType", "int64"),
                bound(
                        "t.f64",
                        DataType.DOUBLE,
                        "function",
                        "holding_register",
                        "address",
                        14,
                        "dataType",
                        "float64",
                        "wordOrder",
                        "little"),
                bound(
                        "t.name",
                        DataType.STRING,
                        "function",
                        "holding_register",
                        "address",
                        18,
                        "dataType",
                        "string",
                        "length",
                        8),
                bound(
                        "t.flag",
                        DataType.BOOLEAN,
                        "function",
                        "holding_register",
                        "address",
                        22,
                        "dataType",
                        "bit",
                        "bit",
                        10),
                bound(
                        "t.level",
                        DataType.DOUBLE,
                        "function",
                        "input_register",
                        "address",
                        0,
                        "scale",
                        0.01,
                        "offset",
                        -1),
                bound("t.pump", DataType.BOOLEAN, "function", "coil", "address", 3),
                bound("t.alarm", DataType.BOOLEAN, "function", "discrete_input", "address", 5)));
        awaitGood("t.i16", "t.level", "t.pump", "t.alarm");
        assertThat(sink.value("t.i16").value()).isEqualTo(-2L);
        assertThat(sink.value("t.u16").value()).isEqualTo(65534L);
        assertThat(sink.value("t.i32").value()).isEqualTo(-123456789L);
        assertThat(sink.value("t.i32cdab").value()).isEqualTo(-123456789L);
        assertThat(sink.value("t.u32badc").value()).isEqualTo(0xF8A432EBL);
        assertThat(sink.value("t.f32dcba").value()).isEqualTo((double) 123.456f);
        assertThat(sink.value("t.i64").value()).isEqualTo(-1234567890123456789L);
        assertThat(sink.value("t.f64").value()).isEqualTo(Math.PI);
        assertThat(sink.value("t.name").value()).isEqualTo("TANK 1");
        assertThat(sink.value("t.flag").value()).isEqualTo(true);
        assertThat(sink.value("t.flag").raw()).isEqualTo(0x0400);
        assertThat((Double) sink.value("t.level").value()).isCloseTo(11.34, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(sink.value("t.level").raw()).isEqualTo(1234L);
        assertThat(sink.value("t.pump").value()).isEqualTo(true);
        assertThat(sink.value("t.alarm").value()).isEqualTo(true);
        assertThat(sink.lastStatus().state()).isEqualTo(ConnectionState.CONNECTED);
        assertThat(sink.configurationErrors()).isEmpty();
    }

    @Test
    void contiguousTagsAreReadWithOneRequestPerTablePerPoll() throws Exception {
        List<BoundTag> tags = new java.util.ArrayList<>();
        for (int i = 0; i < 200; i++) {
            slave.holding(i, i * 3);
            tags.add(bound("t.r" + i, DataType.LONG, "function", "holding_register", "address", i));
        }
        tags.add(bound("t.c", DataType.BOOLEAN, "function", "coil", "address", 0));
        tags.add(bound("t.c2", DataType.BOOLEAN, "function", "coil", "address", 1));
        start(tags, "pollIntervalMs", 60_000); // only the first poll at connect
        awaitGood("t.r0", "t.r199", "t.c2");
        assertThat(sink.value("t.r150").value()).isEqualTo(450L);
        // 200 registers: 125 + 75; two coils: one request
        assertThat(session.requests()).isEqualTo(3);
        long before = session.requests();
        session.pollAllNow();
        Fixtures.await(WAIT, "a second poll", () -> session.requests() == before + 3);
    }

    @Test
    void pollGroupsRunAtTheirOwnIntervals() throws Exception {
        slave.holding(0, 1).holding(1, 2);
        start(
                List.of(
                        bound(
                                "t.fast",
                                DataType.LONG,
                                "function",
                                "holding_register",
                                "address",
                                0,
                                "pollGroup",
                                "fast"),
                        bound("t.slow", DataType.LONG, "function", "holding_register", "address", 1)),
                "pollIntervalMs",
                60_000,
                "pollGroup.fast.intervalMs",
                20);
        awaitGood("t.fast", "t.slow");
        Fixtures.await(WAIT, "the fast group polled 20 times", () -> sink.goodUpdates("t.fast") >= 20);
        assertThat(sink.goodUpdates("t.slow")).isEqualTo(1);
        slave.holding(0, 42);
        Fixtures.await(WAIT, "the fast group sees the change", () -> Long.valueOf(42)
                .equals(sink.value("t.fast").value()));
    }

    @Test
    void writesHoldingRegistersAndCoilsAndReadTheValueBack() throws Exception {
        List<BoundTag> tags = List.of(
                bound(
                        "t.sp16",
                        DataType.DOUBLE,
                        "function",
                        "holding_register",
                        "address",
                        10,
                        "dataType",
                        "int16",
                        "scale",
                        0.1),
                bound(
                        "t.sp32",
                        DataType.DOUBLE,
                        "function",
                        "holding_register",
                        "address",
                        20,
                        "dataType",
                        "float32",
                        "wordOrder",
                        "little"),
                bound("t.sp64", DataType.LONG, "function", "holding_register", "address", 30, "dataType", "int64"),
                bound("t.pump", DataType.BOOLEAN, "function", "coil", "address", 7),
                bound("t.ro", DataType.DOUBLE, "function", "input_register", "address", 1));
        start(tags);
        awaitGood("t.sp16", "t.pump");

        session.write(tags.get(0), -12.3).toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertThat(slave.holding(10)).isEqualTo(0xFFFF & -123);
        session.write(tags.get(1), 2.5).toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertThat(slave.holding(20)).isEqualTo(0); // 2.5f = 0x40200000, low word first
        assertThat(slave.holding(21)).isEqualTo(0x4020);
        session.write(tags.get(2), 0x0102030405060708L).toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertThat(List.of(slave.holding(30), slave.holding(33))).containsExactly(0x0102, 0x0708);
        session.write(tags.get(3), true).toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertThat(slave.coil(7)).isTrue();
        Fixtures.await(WAIT, "the written setpoint read back", () -> Double.valueOf(2.5)
                .equals(sink.value("t.sp32").value()));

        assertThatThrownBy(() ->
                        session.write(tags.get(4), 1.0).toCompletableFuture().get(5, TimeUnit.SECONDS))
                .hasCauseInstanceOf(DriverException.class)
                .hasMessageContaining("read-only");
        assertThatThrownBy(() ->
                        session.write(tags.get(0), 5000.0).toCompletableFuture().get(5, TimeUnit.SECONDS))
                .hasMessageContaining("outside the range of int16");
    }

    @Test
    void aWriteTheDeviceRefusesFailsWithTheModbusExceptionText() throws Exception {
        BoundTag beyond = bound("t.beyond", DataType.LONG, "function", "holding_register", "address", 5000);
        BoundTag ok = bound("t.ok", DataType.LONG, "function", "holding_register", "address", 0);
        start(List.of(ok, beyond));
        awaitGood("t.ok");
        assertThat(sink.quality("t.beyond")).isEqualTo(Quality.BAD_COMMUNICATION_FAILURE);
        assertThatThrownBy(() -> session.write(beyond, 1L).toCompletableFuture().get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(DriverException.class)
                .hasMessageContaining("exception 2 (illegal data address)");
    }

    @Test
    void aMergedRequestTheDeviceRefusesIsReadTagByTagSoOnlyTheMissingAddressFails() throws Exception {
        slave.holding(298, 7, 8); // the slave has registers 0..299
        start(List.of(
                bound("t.r298", DataType.LONG, "function", "holding_register", "address", 298),
                bound("t.r299", DataType.LONG, "function", "holding_register", "address", 299),
                bound("t.r300", DataType.LONG, "function", "holding_register", "address", 300)));
        awaitGood("t.r298", "t.r299");
        assertThat(sink.value("t.r298").value()).isEqualTo(7L);
        assertThat(sink.value("t.r299").value()).isEqualTo(8L);
        assertThat(sink.quality("t.r300")).isEqualTo(Quality.BAD_COMMUNICATION_FAILURE);
        Fixtures.await(WAIT, "the status names the refused address", () -> sink.lastStatus()
                .detail()
                .contains("exception 2 (illegal data address)"));
        int before = sink.goodUpdates("t.r299");
        Fixtures.await(WAIT, "later polls keep reading the good tags", () -> sink.goodUpdates("t.r299") > before + 3);
    }

    @Test
    void aFloatTheDeviceSetsToNanIsASensorFailureNotANumber() throws Exception {
        slave.holding(0, 0x4120, 0x0000); // 10.0f
        start(List.of(
                bound("t.temp", DataType.DOUBLE, "function", "holding_register", "address", 0, "dataType", "float32")));
        awaitGood("t.temp");
        slave.holding(0, 0x7FC0, 0x0000); // NaN: "not available"
        Fixtures.await(WAIT, "BAD sensor failure", () -> sink.quality("t.temp") == Quality.BAD_SENSOR_FAILURE);
        assertThat(sink.value("t.temp").value())
                .as("the last good value is kept")
                .isEqualTo(10.0);
        assertThat(sink.goodValues("t.temp")).allMatch(v -> Double.isFinite((Double) v));
    }

    @Test
    void closingStopsTheThreadAndTheSlaveGoingAwayTurnsTheDeviceDisconnected() throws Exception {
        start(List.of(bound("t.a", DataType.LONG, "function", "holding_register", "address", 0)));
        awaitGood("t.a");
        assertThat(threads()).isEqualTo(1);
        slave.close();
        Fixtures.await(WAIT, "DISCONNECTED", () -> sink.lastStatus().state() == ConnectionState.DISCONNECTED);
        session.close();
        Fixtures.await(WAIT, "the poller thread ends", () -> threads() == 0);
    }

    static long threads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith(ModbusSession.THREAD_PREFIX))
                .count();
    }
}
