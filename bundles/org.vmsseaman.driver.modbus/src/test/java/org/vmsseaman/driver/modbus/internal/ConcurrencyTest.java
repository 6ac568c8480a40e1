package org.vmsseaman.driver.modbus.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vmsseaman.driver.modbus.internal.Fixtures.bound;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.vmsseaman.api.device.BoundTag;
import org.vmsseaman.api.tag.DataType;

/** Many devices polled at once against one slave, and writes racing polls: nothing reaches the wrong tag. */
class ConcurrencyTest {

    private static final int DEVICES = 16;
    private static final int TAGS = 40;

    @Test
    void sixteenDevicesOnOneSlaveEachGetTheirOwnValues() throws Exception {
        int[] units = new int[DEVICES];
        for (int d = 0; d < DEVICES; d++) {
            units[d] = d + 1;
        }
        try (LoopbackSlave slave = LoopbackSlave.start(200, units)) {
            List<ModbusSession> sessions = new ArrayList<>();
            List<RecordingSink> sinks = new ArrayList<>();
            try {
                for (int d = 0; d < DEVICES; d++) {
                    int unit = d + 1;
                    List<BoundTag> tags = new ArrayList<>();
                    for (int i = 0; i < TAGS; i++) {
                        // device d, tag i: value (unit * 1000 + i), at an address that differs per device too
                        int address = d + 3 * i;
                        slave.image(unit).getRegister(address).setValue(unit * 1000 + i);
                        tags.add(bound(
                                "d" + d + ".t" + i, DataType.LONG, "function", "holding_register", "address", address));
                    }
                    RecordingSink sink = new RecordingSink()
                            .accepting(tags.stream().map(BoundTag::id).toList());
                    sinks.add(sink);
                    sessions.add(new ModbusTcpDriver()
                            .start(Fixtures.context(
                                    "d" + d,
                                    Fixtures.tcp(slave.port, "unitId", unit, "pollIntervalMs", 10, "maxGap", 2),
                                    tags,
                                    sink)));
                }
                Fixtures.await(Duration.ofSeconds(20), "every device polled 30 times", () -> sinks.stream()
                        .allMatch(s -> s.goodUpdates("d" + sinks.indexOf(s) + ".t0") >= 30));
            } finally {
                sessions.forEach(ModbusSession::close);
            }
            for (int d = 0; d < DEVICES; d++) {
                RecordingSink sink = sinks.get(d);
                assertThat(sink.foreign())
                        .as("values for another device's tags")
                        .isEmpty();
                for (int i = 0; i < TAGS; i++) {
                    long expected = (d + 1) * 1000L + i;
                    assertThat(sink.goodValues("d" + d + ".t" + i))
                            .as("device %d tag %d", d, i)
                            .isNotEmpty()
                            .allMatch(v -> v.equals(expected));
                }
                assertThat(sessions.get(d).failures())
                        .as("failed requests: %s", sink.statuses())
                        .isZero();
            }
        }
    }

    @Test
    void writesFromManyThreadsRaceThePollsAndAllLand() throws Exception {
        try (LoopbackSlave slave = LoopbackSlave.start(50)) {
            List<BoundTag> tags = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                tags.add(bound("t.sp" + i, DataType.LONG, "function", "holding_register", "address", i));
            }
            RecordingSink sink = new RecordingSink();
            ModbusSession session = new ModbusTcpDriver()
                    .start(Fixtures.context("plc", Fixtures.tcp(slave.port, "pollIntervalMs", 10), tags, sink));
            try {
                List<CompletableFuture<Void>> writers = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    BoundTag tag = tags.get(i);
                    int base = i * 1000;
                    writers.add(CompletableFuture.runAsync(() -> {
                        for (int n = 1; n <= 50; n++) {
                            session.write(tag, (long) (base + n))
                                    .toCompletableFuture()
                                    .join();
                        }
                    }));
                }
                CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new))
                        .get(30, TimeUnit.SECONDS);
                for (int i = 0; i < 8; i++) {
                    assertThat(slave.holding(i)).isEqualTo(i * 1000 + 50);
                    int tag = i;
                    Fixtures.await(
                            Duration.ofSeconds(5), "the last write read back", () -> Long.valueOf(tag * 1000 + 50)
                                    .equals(sink.value("t.sp" + tag).value()));
                    assertThat(sink.goodValues("t.sp" + i)).allMatch(v -> {
                        long x = (Long) v;
                        return x == 0 || (x > tag * 1000 && x <= tag * 1000 + 50);
                    });
                }
            } finally {
                session.close();
            }
        }
    }
}
