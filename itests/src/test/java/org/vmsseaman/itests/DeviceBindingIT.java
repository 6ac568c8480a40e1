package org.vmsseaman.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.inject.Inject;
import org.junit.After;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.vmsseaman.api.device.ConnectionState;
import org.vmsseaman.api.device.DeviceContext;
import org.vmsseaman.api.device.DeviceRegistry;
import org.vmsseaman.api.device.DeviceStatus;
import org.vmsseaman.api.driver.DeviceSession;
import org.vmsseaman.api.driver.Driver;
import org.vmsseaman.api.driver.DriverException;
import org.vmsseaman.api.tag.Quality;
import org.vmsseaman.api.tag.TagValue;
import org.vmsseaman.api.tagstore.TagStore;

/**
 * Device binding in the real runtime, with drivers registered the way a vendor's bundle registers them:
 * ranking and failover, stale values, a driver that refuses its configuration and one that hangs.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DeviceBindingIT {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Inject
    private BundleContext context;

    @Inject
    private TagStore tagStore;

    private final List<ServiceRegistration<Driver>> registrations = new java.util.ArrayList<>();

    @Configuration
    public Option[] config() throws IOException {
        Path file = Files.createTempFile("binding", ".vmsproj");
        Files.writeString(file, """
                {
                  "schemaVersion": 1,
                  "vessel": {"name": "MV Binding Test"},
                  "systems": [{"id": "t", "name": "Test"}],
                  "devices": [
                    {"id": "plc", "protocol": "itest"},
                    {"id": "refusing", "protocol": "itest-refuses"},
                    {"id": "hanging", "protocol": "itest-hangs"}
                  ],
                  "tags": [
                    {"id": "t.level", "name": "Level", "system": "t", "type": "double", "unit": "m",
                     "expectedIntervalSeconds": 1, "source": {"device": "plc", "address": {"register": 1}}},
                    {"id": "t.refused", "name": "Refused", "system": "t", "type": "double", "unit": "bar",
                     "source": {"device": "refusing", "address": {"register": 2}}},
                    {"id": "t.hung", "name": "Hung", "system": "t", "type": "double", "unit": "bar",
                     "source": {"device": "hanging", "address": {"register": 3}}}
                  ]
                }
                """);
        return Distribution.options(
                file, Map.of("org.vmsseaman.devices.cfg", "driverCallTimeoutMillis=500\nstaleCheckMillis=200\n"));
    }

    @After
    public void unregister() {
        registrations.forEach(ServiceRegistration::unregister);
        registrations.clear();
    }

    @Test
    public void theHighestRankedDriverServesTheDeviceTheOtherTakesOverAndSilenceTurnsStale() throws Exception {
        awaitConfigurationApplied();
        RecordingDriver low = new RecordingDriver(1.0);
        RecordingDriver high = new RecordingDriver(2.0);

        register("itest", low, 0);
        Await.until(WAIT, "value of the only driver", () -> value("t.level") == 1.0, () -> current("t.level"));
        Await.until(
                WAIT,
                "silence past the expected interval turns the value stale",
                () -> quality("t.level") == Quality.BAD_STALE,
                () -> current("t.level"));
        assertEquals("the stale value is kept", 1.0, value("t.level"), 0.0);

        ServiceRegistration<Driver> highRegistration = register("itest", high, 10);
        Await.until(
                WAIT, "the higher-ranked driver takes over", () -> value("t.level") == 2.0, () -> current("t.level"));
        assertEquals("the lower-ranked driver's session was closed", 1, low.closed.get());

        highRegistration.unregister();
        registrations.remove(highRegistration);
        Await.until(WAIT, "the remaining driver serves again", () -> value("t.level") == 1.0, () -> current("t.level"));
        assertEquals(1, high.closed.get());
        assertEquals(2, low.started.get());

        unregister();
        Await.until(
                WAIT,
                "no driver: BAD driver missing",
                () -> quality("t.level") == Quality.BAD_DRIVER_MISSING,
                () -> current("t.level"));
        assertEquals(1.0, value("t.level"), 0.0);
        assertEquals(ConnectionState.DRIVER_MISSING, status("plc").state());
    }

    @Test
    public void aDriverThatRefusesItsConfigurationLeavesTheDeviceFailedWithItsMessage() {
        awaitConfigurationApplied();
        register(
                "itest-refuses",
                context -> {
                    throw new DriverException("setting 'port': 99999 is not a TCP port");
                },
                0);
        Await.until(WAIT, "device FAILED", () -> status("refusing").state() == ConnectionState.FAILED, () -> status(
                        "refusing")
                .toString());
        assertTrue(status("refusing").detail(), status("refusing").detail().contains("99999 is not a TCP port"));
        assertEquals(Quality.BAD_CONFIGURATION_ERROR, quality("t.refused"));
    }

    @Test
    public void aDriverHangingInStartIsGivenUpOnAndItsLateSessionIsClosed() throws Exception {
        awaitConfigurationApplied();
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger lateClosed = new AtomicInteger();
        register(
                "itest-hangs",
                context -> {
                    try {
                        release.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new DriverException("interrupted");
                    }
                    return lateClosed::incrementAndGet;
                },
                0);
        Await.until(
                WAIT,
                "device FAILED after the 500 ms start deadline",
                () -> status("hanging").state() == ConnectionState.FAILED,
                () -> status("hanging").toString());
        assertTrue(status("hanging").detail(), status("hanging").detail().contains("did not return from start()"));
        assertEquals(Quality.BAD_NOT_CONNECTED, quality("t.hung"));

        release.countDown();
        Await.until(WAIT, "the session that arrived late is closed", () -> lateClosed.get() == 1);
    }

    // --- a driver as a vendor writes one, against the API alone

    private static final class RecordingDriver implements Driver {
        final double value;
        final AtomicInteger started = new AtomicInteger();
        final AtomicInteger closed = new AtomicInteger();

        RecordingDriver(double value) {
            this.value = value;
        }

        @Override
        public DeviceSession start(DeviceContext context) {
            started.incrementAndGet();
            context.sink().status(ConnectionState.CONNECTED, "test");
            context.tags().forEach(t -> context.sink().publish(t.id(), value)); // then silence
            return closed::incrementAndGet;
        }
    }

    private ServiceRegistration<Driver> register(String protocol, Driver driver, int ranking) {
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(Driver.PROTOCOL, protocol);
        props.put(Constants.SERVICE_RANKING, ranking);
        ServiceRegistration<Driver> r = context.registerService(Driver.class, driver, props);
        registrations.add(r);
        return r;
    }

    /** conf/org.vmsseaman.devices.cfg reaches the component under its documented PID (DS adds it to the service properties). */
    private void awaitConfigurationApplied() {
        Await.until(WAIT, "devices configuration applied", () -> {
            ServiceReference<DeviceRegistry> ref = context.getServiceReference(DeviceRegistry.class);
            return ref != null && "500".equals(String.valueOf(ref.getProperty("driverCallTimeoutMillis")));
        });
    }

    private DeviceStatus status(String device) {
        ServiceReference<DeviceRegistry> ref = context.getServiceReference(DeviceRegistry.class);
        DeviceRegistry registry = context.getService(ref);
        try {
            return registry.device(device).orElseThrow();
        } finally {
            context.ungetService(ref);
        }
    }

    private String current(String id) {
        return String.valueOf(tagStore.get(id).orElse(null));
    }

    private Quality quality(String id) {
        return tagStore.get(id).map(TagValue::quality).orElse(null);
    }

    private double value(String id) {
        return tagStore.get(id).map(TagValue::doubleValue).orElse(Double.NaN);
    }
}
