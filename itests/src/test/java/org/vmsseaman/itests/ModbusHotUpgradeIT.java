package org.vmsseaman.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import com.ghgande.j2mod.modbus.procimg.SimpleInputRegister;
import com.ghgande.j2mod.modbus.procimg.SimpleProcessImage;
import com.ghgande.j2mod.modbus.procimg.SimpleRegister;
import com.ghgande.j2mod.modbus.slave.ModbusSlave;
import com.ghgande.j2mod.modbus.slave.ModbusSlaveFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.CoreOptions;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.Version;
import org.vmsseaman.api.device.TagWriter;
import org.vmsseaman.api.historian.Historian;
import org.vmsseaman.api.historian.Sample;
import org.vmsseaman.api.tag.Quality;
import org.vmsseaman.api.tag.TagValue;
import org.vmsseaman.api.tagstore.TagStore;

/**
 * The headline promise: with the simulator and a Modbus device (a j2mod slave on loopback) both feeding the historian,
 * the Modbus driver is upgraded to a new version in deploy/, then removed and put back, while recording goes on. A
 * set point written through the platform's {@link TagWriter} reaches the slave first.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ModbusHotUpgradeIT {

    private static final String MODBUS_PORT = "vmsseaman.itest.modbus.port";
    private static final String DRIVER = "org.vmsseaman.driver.modbus";
    private static final List<String> MODBUS_TAGS = List.of("tank.level", "tank.temp");
    private static final String SIM_TAG = "sim.pressure";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    private BundleContext context;

    @Inject
    private TagStore tagStore;

    @Inject
    private Historian historian;

    @Inject
    private TagWriter tagWriter;

    @Configuration
    public Option[] config() throws IOException {
        int port = Distribution.freePort();
        Path file = Files.createTempFile("modbus-upgrade", ".vmsproj");
        Files.writeString(file, """
                {
                  "schemaVersion": 1,
                  "vessel": {"name": "MV Hot Upgrade"},
                  "systems": [{"id": "tank", "name": "Tanks"}, {"id": "sim", "name": "Simulated"}],
                  "devices": [
                    {"id": "sim", "protocol": "simulator", "settings": {"tickMillis": 100}},
                    {"id": "gauge", "protocol": "modbus-tcp", "name": "Tank gauge",
                     "settings": {"host": "127.0.0.1", "port": %d, "pollIntervalMs": 100, "timeoutMs": 1000,
                                  "backoffInitialMs": 100, "backoffMaxMs": 500}}
                  ],
                  "tags": [
                    {"id": "sim.pressure", "name": "Simulated pressure", "system": "sim", "type": "double", "unit": "bar",
                     "normalRange": {"min": 3, "max": 5}, "source": {"device": "sim", "address": {"profile": "random_walk"}}},
                    {"id": "tank.level", "name": "Tank level", "system": "tank", "type": "double", "unit": "m",
                     "source": {"device": "gauge", "address": {"function": "holding_register", "address": 0, "scale": 0.01}}},
                    {"id": "tank.temp", "name": "Tank temperature", "system": "tank", "type": "double", "unit": "degC",
                     "source": {"device": "gauge", "address": {"function": "input_register", "address": 1,
                                "dataType": "int16", "scale": 0.1}}},
                    {"id": "tank.high_setpoint", "name": "Tank high level set point", "system": "tank", "type": "double",
                     "unit": "m", "writable": true,
                     "source": {"device": "gauge", "address": {"function": "holding_register", "address": 2, "scale": 0.01}}}
                  ]
                }
                """.formatted(port));
        Option[] options = Distribution.options(file, Map.of());
        Option[] result = Arrays.copyOf(options, options.length + 1);
        result[options.length] = CoreOptions.frameworkProperty(MODBUS_PORT).value(Integer.toString(port));
        return result;
    }

    @Test
    public void upgradingRemovingAndReinstallingTheModbusDriverLeavesTheRestRunning() throws Exception {
        SimpleProcessImage image = processImage();
        ModbusSlave slave = ModbusSlaveFactory.createTCPSlave(
                InetAddress.getLoopbackAddress(), Integer.parseInt(context.getProperty(MODBUS_PORT)), 5, false);
        slave.addProcessImage(1, image);
        slave.open();
        try {
            Await.until(WAIT, "Modbus and simulated tags GOOD", () -> allGood(), this::qualities);
            assertEquals(12.34, tagStore.get("tank.level").orElseThrow().doubleValue(), 1e-9);
            assertEquals(-5.5, tagStore.get("tank.temp").orElseThrow().doubleValue(), 1e-9);
            assertEquals(1234L, tagStore.get("tank.level").orElseThrow().raw());
            tagWriter.write("tank.high_setpoint", 9.5).toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertEquals(
                    "the set point reached the device",
                    950,
                    image.getRegister(2).getValue());
            Await.until(
                    WAIT,
                    "the written set point read back",
                    () -> tagStore.get("tank.high_setpoint").orElseThrow().doubleValue() == 9.5);

            Bundle historianBundle = bundle("org.vmsseaman.historian");
            Bundle rest = bundle("org.vmsseaman.rest");
            Object historianService = serviceId(Historian.class);
            Object tagStoreService = serviceId(TagStore.class);
            Set<Long> restServices = serviceIds(rest);
            Thread.sleep(2000); // let start-up threads settle before taking the baseline
            int threadBaseline = Thread.getAllStackTraces().size();
            Instant start = Instant.now();

            // 1. upgrade: a new build with a higher Bundle-Version dropped over the jar in deploy/
            Bundle driver = bundle(DRIVER);
            Version before = driver.getVersion();
            Path jar = deployedJar();
            Version upgraded = new Version(before.getMajor(), before.getMinor(), before.getMicro() + 1, "itest");
            Path newBuild = withVersion(jar, upgraded);
            Instant upgradeStart = Instant.now();
            Files.move(newBuild, jar, StandardCopyOption.REPLACE_EXISTING);
            Files.setLastModifiedTime(
                    jar, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 2000));
            Await.until(
                    WAIT,
                    "the driver bundle updated in place to " + upgraded,
                    () -> upgraded.equals(driver.getVersion()) && driver.getState() == Bundle.ACTIVE,
                    () -> driver.getVersion() + " state " + driver.getState());
            Await.until(WAIT, "Modbus tags GOOD after the upgrade", this::allGood, this::qualities);
            awaitRecordedBadThenGood(upgradeStart, "the upgrade");

            // 2. uninstall: the jar taken out of deploy/
            Path aside = Files.createTempDirectory("vmsseaman-aside").resolve(jar.getFileName());
            Files.move(jar, aside);
            Instant removed = Instant.now();
            Await.until(
                    WAIT,
                    "Modbus tags BAD driver missing",
                    () -> MODBUS_TAGS.stream().allMatch(id -> quality(id) == Quality.BAD_DRIVER_MISSING),
                    this::qualities);
            Await.until(WAIT, "the driver bundle uninstalled", () -> bundle(DRIVER) == null);
            assertEquals(
                    "last values kept",
                    12.34,
                    tagStore.get("tank.level").orElseThrow().doubleValue(),
                    1e-9);
            Await.until(WAIT, "no Modbus poller thread left", () -> modbusThreads() == 0);

            // 3. reinstall
            Files.move(aside, jar);
            Await.until(WAIT, "Modbus tags GOOD after reinstalling", this::allGood, this::qualities);
            awaitRecordedBadThenGood(removed, "the reinstall");
            Bundle reinstalled = bundle(DRIVER);
            assertNotEquals("a new installation", driver.getBundleId(), reinstalled.getBundleId());
            assertEquals(upgraded, reinstalled.getVersion());
            Instant end = Instant.now();

            // the rest never stopped
            assertEquals(Bundle.ACTIVE, historianBundle.getState());
            assertEquals(Bundle.ACTIVE, rest.getState());
            assertEquals("historian service never re-registered", historianService, serviceId(Historian.class));
            assertEquals("tag store service never re-registered", tagStoreService, serviceId(TagStore.class));
            assertEquals("REST services never re-registered", restServices, serviceIds(rest));
            assertEquals("same historian bundle", historianBundle, bundle("org.vmsseaman.historian"));
            assertEquals("same REST bundle", rest, bundle("org.vmsseaman.rest"));

            assertSimulatorRecordedWithoutGap(start, end);
            assertEquals("one poller thread for the one Modbus device", 1, modbusThreads());
            Await.until(
                    WAIT,
                    "thread count back to its baseline " + threadBaseline + " (+2)",
                    () -> Thread.getAllStackTraces().size() <= threadBaseline + 2,
                    () -> "now " + Thread.getAllStackTraces().size());
            List<String> errors = Distribution.loggedErrors(context);
            assertTrue("no ERROR logged: " + errors, errors.isEmpty());
        } finally {
            ModbusSlaveFactory.close(slave);
        }
    }

    /** The slave's registers: holding register 0 = 1234 (12.34 m), input register 1 = -55 (-5.5 °C). */
    private static SimpleProcessImage processImage() {
        SimpleProcessImage image = new SimpleProcessImage(1);
        for (int i = 0; i < 10; i++) {
            image.addRegister(new SimpleRegister(0));
            image.addInputRegister(new SimpleInputRegister(0));
        }
        image.getRegister(0).setValue(1234);
        ((SimpleInputRegister) image.getInputRegister(1)).setValue(-55);
        return image;
    }

    /** The historian recorded the Modbus tags BAD (driver missing) after {@code since}, and GOOD after that. */
    private void awaitRecordedBadThenGood(Instant since, String phase) {
        for (String tag : MODBUS_TAGS) {
            Await.until(
                    WAIT,
                    tag + " recorded BAD_DRIVER_MISSING and then GOOD during " + phase,
                    () -> {
                        List<Sample> samples =
                                historian.raw(tag, since, Instant.now().plusSeconds(1), 10_000, false);
                        int bad = -1;
                        for (int i = 0; i < samples.size(); i++) {
                            if (samples.get(i).quality() == Quality.BAD_DRIVER_MISSING && bad < 0) {
                                bad = i;
                            }
                            if (bad >= 0 && samples.get(i).quality() == Quality.GOOD) {
                                return true;
                            }
                        }
                        return false;
                    },
                    () -> historian.raw(tag, since, Instant.now().plusSeconds(1), 10_000, false).stream()
                            .map(s -> s.quality().name())
                            .toList()
                            .toString());
        }
    }

    /** Every simulated sample from start to end is GOOD and none is more than a second after the previous one. */
    private void assertSimulatorRecordedWithoutGap(Instant start, Instant end) {
        Await.until(WAIT, "the historian committed the simulated samples up to the end", () -> !historian
                .raw(SIM_TAG, end, end.plusSeconds(5), 1, false)
                .isEmpty());
        List<Sample> samples = historian.raw(SIM_TAG, start, end, 1_000_000, false);
        long seconds = Duration.between(start, end).toSeconds();
        assertTrue("simulated samples over " + seconds + " s: " + samples.size(), samples.size() >= seconds * 10 / 2);
        long maxGap = 0;
        long previous = start.getEpochSecond() * 1_000_000L + start.getNano() / 1000;
        for (Sample s : samples) {
            assertEquals("simulated sample at " + TagValue.toInstant(s.time()), Quality.GOOD, s.quality());
            maxGap = Math.max(maxGap, s.time() - previous);
            previous = s.time();
        }
        assertTrue("largest gap between simulated samples " + maxGap + " µs", maxGap < 1_000_000);
    }

    private boolean allGood() {
        return Stream.concat(MODBUS_TAGS.stream(), Stream.of(SIM_TAG)).allMatch(id -> quality(id) == Quality.GOOD);
    }

    private String qualities() {
        return Stream.concat(MODBUS_TAGS.stream(), Stream.of(SIM_TAG))
                .map(id -> id + "=" + quality(id))
                .collect(Collectors.joining(", "));
    }

    private Quality quality(String id) {
        return tagStore.get(id).map(TagValue::quality).orElse(null);
    }

    private static long modbusThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("vmsseaman-modbus-"))
                .count();
    }

    private Path deployedJar() throws IOException {
        Path deploy = Path.of(context.getProperty(Distribution.HOME), "deploy");
        try (Stream<Path> files = Files.list(deploy)) {
            return files.filter(p -> p.getFileName().toString().startsWith(DRIVER))
                    .findFirst()
                    .orElseThrow();
        }
    }

    /** A copy of {@code jar} whose manifest says {@code version}: what a newer build of the driver looks like. */
    private static Path withVersion(Path jar, Version version) throws IOException {
        Path copy = Files.createTempDirectory("vmsseaman-upgrade").resolve(jar.getFileName());
        try (InputStream in = Files.newInputStream(jar);
                JarInputStream jin = new JarInputStream(in)) {
            Manifest manifest = new Manifest(jin.getManifest());
            manifest.getMainAttributes().put(new Attributes.Name(Constants.BUNDLE_VERSION), version.toString());
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(copy), manifest)) {
                for (JarEntry e = jin.getNextJarEntry(); e != null; e = jin.getNextJarEntry()) {
                    out.putNextEntry(new JarEntry(e.getName()));
                    jin.transferTo(out);
                    out.closeEntry();
                }
            }
        }
        return copy;
    }

    private Bundle bundle(String symbolicName) {
        return Stream.of(context.getBundles())
                .filter(b -> symbolicName.equals(b.getSymbolicName()))
                .findFirst()
                .orElse(null);
    }

    private Object serviceId(Class<?> type) {
        ServiceReference<?> ref = context.getServiceReference(type);
        return ref == null ? null : ref.getProperty(Constants.SERVICE_ID);
    }

    private static Set<Long> serviceIds(Bundle b) {
        ServiceReference<?>[] refs = b.getRegisteredServices();
        return refs == null
                ? Set.of()
                : Stream.of(refs)
                        .map(r -> (Long) r.getProperty(Constants.SERVICE_ID))
                        .collect(Collectors.toCollection(java.util.TreeSet::new));
    }
}
