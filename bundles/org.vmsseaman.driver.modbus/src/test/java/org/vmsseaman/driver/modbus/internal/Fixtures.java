package org.vmsseaman.driver.modbus.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.vmsseaman.api.device.BoundTag;
import org.vmsseaman.api.device.DeviceContext;
import org.vmsseaman.api.device.TagSink;
import org.vmsseaman.api.project.DeviceDefinition;
import org.vmsseaman.api.tag.DataType;
import org.vmsseaman.api.tag.TagDefinition;

/** Tags, device contexts and waiting for the driver tests. */
final class Fixtures {

    private Fixtures() {}

    record Context(DeviceDefinition device, List<BoundTag> tags, TagSink sink) implements DeviceContext {}

    static DeviceContext context(String deviceId, Map<String, Object> settings, List<BoundTag> tags, TagSink sink) {
        return new Context(new DeviceDefinition(deviceId, "modbus-tcp", deviceId, true, settings), tags, sink);
    }

    /** Settings of a loopback Modbus TCP device on {@code port}, plus key/value pairs. */
    static Map<String, Object> tcp(int port, Object... more) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("host", "127.0.0.1");
        s.put("port", port);
        s.put("pollIntervalMs", 50);
        s.put("timeoutMs", 500);
        s.put("retries", 0);
        s.put("backoffInitialMs", 50);
        s.put("backoffMaxMs", 200);
        for (int i = 0; i < more.length; i += 2) {
            s.put((String) more[i], more[i + 1]);
        }
        return s;
    }

    static TagDefinition tag(String id, DataType type) {
        return new TagDefinition(id, id, "", "test", type, "", null, null, true, null, null, List.of());
    }

    /** A tag of {@code type} bound with the given address key/value pairs. */
    static BoundTag bound(String id, DataType type, Object... address) {
        Map<String, Object> a = new LinkedHashMap<>();
        for (int i = 0; i < address.length; i += 2) {
            a.put((String) address[i], address[i + 1]);
        }
        return new BoundTag(tag(id, type), a);
    }

    /**
     * Two tags read with two requests (not merged) from slaves whose registers hold their own address: a reply that
     * reaches the wrong request shows as a wrong value.
     */
    static final List<BoundTag> ADDRESS_TAGS = List.of(
            bound("t.a0", DataType.LONG, "function", "holding_register", "address", 0),
            bound("t.a10", DataType.LONG, "function", "holding_register", "address", 10));

    /** Every GOOD value of {@link #ADDRESS_TAGS} was its own address. */
    static void assertNoMisattribution(RecordingSink sink) {
        org.assertj.core.api.Assertions.assertThat(sink.goodValues("t.a0"))
                .isNotEmpty()
                .allMatch(v -> v.equals(0L));
        org.assertj.core.api.Assertions.assertThat(sink.goodValues("t.a10"))
                .isNotEmpty()
                .allMatch(v -> v.equals(10L));
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    static void await(Duration timeout, String what, BooleanSupplier condition) {
        await(timeout, what, condition, () -> "");
    }

    static void await(Duration timeout, String what, BooleanSupplier condition, Supplier<String> lastSeen) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout.toMillis() + " ms: " + what + " " + lastSeen.get());
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
    }
}
