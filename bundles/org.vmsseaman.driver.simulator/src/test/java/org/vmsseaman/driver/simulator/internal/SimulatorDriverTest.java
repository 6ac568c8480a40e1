package org.vmsseaman.driver.simulator.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vmsseaman.driver.simulator.internal.Tags.bound;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vmsseaman.api.device.ConnectionState;
import org.vmsseaman.api.driver.DeviceSession;
import org.vmsseaman.api.driver.DriverException;
import org.vmsseaman.api.tag.Quality;
import org.vmsseaman.api.tag.TagValue;
import org.vmsseaman.driver.simulator.internal.fault.FaultSpec;
import org.vmsseaman.driver.simulator.internal.fault.FaultType;
import org.vmsseaman.driver.simulator.internal.fault.SimulatedFault;

/** The driver on its real scheduler: start, publish, faults, close. The only tests that wait. */
class SimulatorDriverTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private final SimulatorDriver driver = new SimulatorDriver();
    private final RecordingSink sink = new RecordingSink();

    private static boolean threadAlive(String name) {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals(name) && t.isAlive());
    }

    private static void await(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime() - deadline)
                    .as("timed out waiting for %s", what)
                    .isNegative();
            Thread.sleep(5);
        }
    }

    @Test
    void publishesBatchesOnItsThreadAndStopsCompletelyOnClose() throws Exception {
        DeviceSession session = driver.start(FakeContext.of(
                "simtest",
                Map.of("tickMillis", 10),
                List.of(
                        bound("me.load", 0, 100, "profile", "load"),
                        bound("me.exhaust.cyl1", 280, 420, "profile", "thermal", "follows", "me.nope"),
                        bound("me.exhaust.cyl2", 280, 420, "profile", "thermal", "follows", "me.load")),
                sink));
        assertThat(sink.statuses())
                .singleElement()
                .extracting(RecordingSink.Status::state)
                .isEqualTo(ConnectionState.CONNECTED);
        assertThat(sink.configurationErrors()).singleElement().satisfies(e -> assertThat(e.getKey())
                .isEqualTo("me.exhaust.cyl1"));
        await("5 batches", () -> sink.batches().size() >= 5);
        assertThat(threadAlive("vmsseaman-sim-simtest")).isTrue();
        assertThat(sink.last()).extracting(TagValue::tagId).containsExactly("me.load", "me.exhaust.cyl2");
        assertThat(sink.last()).allSatisfy(v -> assertThat(v.quality()).isEqualTo(Quality.GOOD));

        SimulatedFault fault = () -> FaultSpec.of("simtest", "me.load", FaultType.BAD_QUALITY);
        driver.addFault(fault);
        await("the fault", () -> sink.last("me.load").quality() == Quality.BAD_SENSOR_FAILURE);
        driver.removeFault(fault);
        await("the fault's end", () -> sink.last("me.load").quality() == Quality.GOOD);

        session.close();
        int calls = sink.calls();
        await("the ticker thread to end", () -> !threadAlive("vmsseaman-sim-simtest"));
        Thread.sleep(50);
        assertThat(sink.calls()).isEqualTo(calls);
        session.close(); // a second close is harmless
    }

    @Test
    void aFailingTickIsSurvived() throws Exception {
        SimulatorSession session = (SimulatorSession) driver.start(FakeContext.of(
                "simfail", Map.of("tickMillis", 10), List.of(bound("me.load", 0, 100, "profile", "load")), sink));
        try {
            await("first batch", () -> !sink.batches().isEmpty());
            sink.failNextPublish(new IllegalStateException("test failure"));
            int before = sink.batches().size();
            await("batches after the failure", () -> sink.batches().size() >= before + 3);
            assertThat(session.failures()).isEqualTo(1);
        } finally {
            session.close();
        }
        assertThat(threadAlive("vmsseaman-sim-simfail")).isFalse();
    }

    @Test
    void badTickMillisRefusesTheDeviceWithoutStartingAThread() {
        assertThatThrownBy(() -> driver.start(FakeContext.of("simbad", Map.of("tickMillis", 1), List.of(), sink)))
                .isInstanceOf(DriverException.class)
                .hasMessageContaining("tickMillis");
        assertThat(threadAlive("vmsseaman-sim-simbad")).isFalse();
        assertThat(sink.calls()).isZero();
    }

    @Test
    void deactivationClosesSessionsLeftOpen() throws Exception {
        driver.start(FakeContext.of("simleft", Map.of("tickMillis", 10), List.of(bound("a.b", 0, 1)), sink));
        await("a batch", () -> !sink.batches().isEmpty());
        driver.deactivate();
        assertThat(threadAlive("vmsseaman-sim-simleft")).isFalse();
    }
}
