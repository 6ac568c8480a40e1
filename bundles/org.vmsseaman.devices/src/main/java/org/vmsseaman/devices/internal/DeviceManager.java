package org.vmsseaman.devices.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vmsseaman.api.device.BoundTag;
import org.vmsseaman.api.device.ConnectionState;
import org.vmsseaman.api.device.DeviceRegistry;
import org.vmsseaman.api.device.DeviceStatus;
import org.vmsseaman.api.driver.DeviceSession;
import org.vmsseaman.api.driver.Driver;
import org.vmsseaman.api.driver.DriverException;
import org.vmsseaman.api.project.DeviceDefinition;
import org.vmsseaman.api.project.ProjectService;
import org.vmsseaman.api.project.TagBinding;
import org.vmsseaman.api.project.VesselProject;
import org.vmsseaman.api.tag.Quality;
import org.vmsseaman.api.tag.TagDefinition;
import org.vmsseaman.api.tagstore.TagStore;

/**
 * Binds the project's devices to driver services by protocol: a driver that appears starts its devices,
 * one that goes away stops them and turns their tags {@code BAD_DRIVER_MISSING}, keeping last values.
 * All lifecycle work runs on one thread, so starts and stops of a device never overlap.
 */
@Component(service = DeviceRegistry.class, immediate = true)
@Designate(ocd = DeviceManager.Config.class)
public final class DeviceManager implements DeviceRegistry {

    @ObjectClassDefinition(
            pid = "org.vmsseaman.devices",
            name = "VMS Seaman devices",
            description = "Binding of project devices to driver bundles, stale detection")
    public @interface Config {
        @AttributeDefinition(
                description = "How often tags are checked against their expected update interval, in milliseconds")
        long staleCheckMillis() default 1000;

        @AttributeDefinition(
                description =
                        "How long a driver may take to close a device session before it is abandoned, in milliseconds")
        long sessionCloseTimeoutMillis() default 5000;
    }

    private final Logger logger = LoggerFactory.getLogger(DeviceManager.class);
    private final TagStore tagStore;
    private final Config config;
    private final Map<String, ManagedDevice> devices;
    private final ScheduledExecutorService lifecycle;
    private final ExecutorService closer; // bounds how long a driver's close() can hold the lifecycle thread
    // guarded by the lifecycle thread
    private final Map<ServiceReference<Driver>, Driver> drivers = new HashMap<>();
    private final Map<String, ServiceReference<Driver>> active = new HashMap<>();

    @Activate
    public DeviceManager(@Reference TagStore tagStore, @Reference ProjectService projectService, Config config) {
        this.tagStore = tagStore;
        this.config = config;
        VesselProject project = projectService.project();
        tagStore.define(project.tags());
        this.devices = Collections.unmodifiableMap(buildDevices(project));
        for (ManagedDevice d : devices.values()) {
            DeviceSink.markQuality(
                    tagStore,
                    d.tagIds(),
                    d.definition().enabled() ? Quality.BAD_DRIVER_MISSING : Quality.BAD_OUT_OF_SERVICE);
        }
        this.lifecycle = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "vmsseaman-devices");
            t.setDaemon(true);
            return t;
        });
        this.closer = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "vmsseaman-devices-close");
            t.setDaemon(true);
            return t;
        });
        lifecycle.scheduleWithFixedDelay(
                this::checkStale, config.staleCheckMillis(), config.staleCheckMillis(), TimeUnit.MILLISECONDS);
        logger.info(
                "{} device(s) with {} tag(s) from project {}",
                devices.size(),
                project.tags().size(),
                project.source());
    }

    @Reference(
            cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindDriver(Driver driver, ServiceReference<Driver> ref) {
        submit(() -> driverAdded(ref, driver));
    }

    void unbindDriver(Driver driver, ServiceReference<Driver> ref) {
        // Synchronous: once unbind returns the driver's bundle may be gone, so its sessions must be closed.
        Future<?> done = submit(() -> driverRemoved(ref));
        await(done, config.sessionCloseTimeoutMillis() * 2, "removing driver " + bundleName(ref));
    }

    @Deactivate
    void deactivate() {
        Future<?> done = submit(() -> devices.values()
                .forEach(d ->
                        stop(d, Quality.BAD_DRIVER_MISSING, ConnectionState.DRIVER_MISSING, "device binding stopped")));
        await(done, config.sessionCloseTimeoutMillis() * 2, "stopping devices");
        lifecycle.shutdownNow();
        closer.shutdownNow();
    }

    @Override
    public List<DeviceStatus> devices() {
        return devices.values().stream().map(ManagedDevice::status).toList();
    }

    @Override
    public Optional<DeviceStatus> device(String deviceId) {
        return Optional.ofNullable(devices.get(deviceId)).map(ManagedDevice::status);
    }

    private void driverAdded(ServiceReference<Driver> ref, Driver driver) {
        Object protocol = ref.getProperty(Driver.PROTOCOL);
        if (!(protocol instanceof String p) || p.isBlank()) {
            logger.warn("Driver service from {} has no '{}' property and is ignored", bundleName(ref), Driver.PROTOCOL);
            return;
        }
        drivers.put(ref, driver);
        ServiceReference<Driver> current = active.get(p);
        if (current == null || ref.compareTo(current) > 0) {
            switchDriver(p, ref);
        }
    }

    private void driverRemoved(ServiceReference<Driver> ref) {
        drivers.remove(ref);
        Object protocol = ref.getProperty(Driver.PROTOCOL);
        if (protocol instanceof String p && ref.equals(active.get(p))) {
            ServiceReference<Driver> next = drivers.keySet().stream()
                    .filter(r -> p.equals(r.getProperty(Driver.PROTOCOL)))
                    .max(ServiceReference::compareTo)
                    .orElse(null);
            switchDriver(p, next);
        }
    }

    private void switchDriver(String protocol, ServiceReference<Driver> ref) {
        List<ManagedDevice> served = devices.values().stream()
                .filter(d ->
                        d.definition().enabled() && d.definition().protocol().equals(protocol))
                .toList();
        served.forEach(d -> stop(
                d,
                Quality.BAD_DRIVER_MISSING,
                ConnectionState.DRIVER_MISSING,
                "no driver for protocol '" + protocol + "'"));
        if (ref == null) {
            active.remove(protocol);
            if (!served.isEmpty()) {
                logger.info(
                        "No driver for protocol '{}': {} device(s) stopped, their tags are BAD (driver missing)",
                        protocol,
                        served.size());
            }
            return;
        }
        active.put(protocol, ref);
        Driver driver = drivers.get(ref);
        served.forEach(d -> start(d, driver, bundleName(ref)));
    }

    private void start(ManagedDevice device, Driver driver, String bundle) {
        DeviceSink sink = new DeviceSink(tagStore, device.tagsById(), device::setState);
        device.setState(ConnectionState.CONNECTING, "started by " + bundle);
        try {
            device.started(driver.start(device.newContext(sink, bundle)));
            logger.info("Device '{}' started by driver {}", device.definition().id(), bundle);
        } catch (DriverException | RuntimeException e) {
            device.detach();
            device.setState(ConnectionState.FAILED, String.valueOf(e.getMessage()));
            DeviceSink.markQuality(tagStore, device.tagIds(), Quality.BAD_CONFIGURATION_ERROR);
            logger.error(
                    "Device '{}' cannot be started by driver {}: {}",
                    device.definition().id(),
                    bundle,
                    e.getMessage(),
                    e);
        }
    }

    private void stop(ManagedDevice device, Quality quality, ConnectionState state, String detail) {
        DeviceSession session = device.detach();
        if (session != null) {
            Future<?> closed = closer.submit(session::close);
            await(
                    closed,
                    config.sessionCloseTimeoutMillis(),
                    "closing device '" + device.definition().id() + "'");
        }
        if (device.definition().enabled()) {
            device.setState(state, detail);
            DeviceSink.markQuality(tagStore, device.tagIds(), quality);
        }
    }

    private void checkStale() {
        try {
            long now = org.vmsseaman.api.tag.TagValue.nowMicros();
            List<String> stale = new ArrayList<>();
            for (ManagedDevice d : devices.values()) {
                if (!d.running()) {
                    continue;
                }
                for (TagDefinition def : d.tagsById().values()) {
                    if (def.expectedInterval() == null) {
                        continue;
                    }
                    long limit = def.expectedInterval().toNanos() / 1_000L;
                    tagStore.get(def.id())
                            .filter(v -> !v.quality().isBad() && now - v.receiveTime() > limit)
                            .ifPresent(v -> stale.add(v.tagId()));
                }
            }
            DeviceSink.markQuality(tagStore, stale, Quality.BAD_STALE);
        } catch (RuntimeException e) {
            logger.warn("Stale check failed", e);
        }
    }

    private static Map<String, ManagedDevice> buildDevices(VesselProject project) {
        Map<String, TagDefinition> tags = new HashMap<>();
        project.tags().forEach(t -> tags.put(t.id(), t));
        Map<String, ManagedDevice> result = new LinkedHashMap<>();
        for (DeviceDefinition device : project.devices()) {
            List<BoundTag> bound = new ArrayList<>();
            for (TagBinding b : project.bindingsOf(device.id())) {
                TagDefinition def = tags.get(b.tagId());
                if (def != null) {
                    bound.add(new BoundTag(def, b.address()));
                }
            }
            result.put(device.id(), new ManagedDevice(device, bound));
        }
        return result;
    }

    private Future<?> submit(Runnable task) {
        try {
            return lifecycle.submit(task);
        } catch (RejectedExecutionException e) {
            return java.util.concurrent.CompletableFuture.completedFuture(null); // deactivated: nothing left to do
        }
    }

    private void await(Future<?> future, long timeoutMillis, String what) {
        try {
            future.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            logger.warn("Gave up waiting after {} ms for {}", timeoutMillis, what);
        } catch (ExecutionException e) {
            logger.warn("Failed {}", what, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String bundleName(ServiceReference<?> ref) {
        var b = ref.getBundle();
        return b == null ? "(unregistered)" : b.getSymbolicName() + " " + b.getVersion();
    }
}
