package org.vmsseaman.devices.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.osgi.framework.Bundle;
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
import org.vmsseaman.api.device.DeviceContext;
import org.vmsseaman.api.device.DeviceRegistry;
import org.vmsseaman.api.device.DeviceStatus;
import org.vmsseaman.api.device.TagWriter;
import org.vmsseaman.api.device.WriteException;
import org.vmsseaman.api.device.WriteException.Reason;
import org.vmsseaman.api.driver.DeviceSession;
import org.vmsseaman.api.driver.Driver;
import org.vmsseaman.api.driver.DriverException;
import org.vmsseaman.api.project.DeviceDefinition;
import org.vmsseaman.api.project.ProjectService;
import org.vmsseaman.api.project.TagBinding;
import org.vmsseaman.api.project.VesselProject;
import org.vmsseaman.api.security.AuditEntry;
import org.vmsseaman.api.security.AuditTrail;
import org.vmsseaman.api.tag.Quality;
import org.vmsseaman.api.tag.TagDefinition;
import org.vmsseaman.api.tag.TagValue;
import org.vmsseaman.api.tagstore.TagStore;

/**
 * Binds the project's devices to driver services by protocol: a driver that appears starts its devices,
 * one that goes away stops them and turns their tags {@code BAD_DRIVER_MISSING} at once, keeping last
 * values, before its sessions are closed. Starts and stops run on one lifecycle thread, so they never
 * overlap for a device; every call into a driver has a deadline, so a hung driver cannot stall binding.
 */
@Component(
        service = {DeviceRegistry.class, TagWriter.class},
        immediate = true,
        configurationPid = DeviceManager.PID)
@Designate(ocd = DeviceManager.Config.class)
public final class DeviceManager implements DeviceRegistry, TagWriter {

    /** Configuration PID. */
    public static final String PID = "org.vmsseaman.devices";

    private static final long MIN_MILLIS = 100;

    @ObjectClassDefinition(
            name = "VMS Seaman devices",
            description = "Binding of project devices to driver bundles, stale detection")
    public @interface Config {
        @AttributeDefinition(
                description =
                        "How often tags are checked against their expected update interval, in milliseconds (at least 100)")
        long staleCheckMillis() default 1000;

        @AttributeDefinition(
                description = "How long a driver may take to start or close a device session before the platform"
                        + " gives up on the call, in milliseconds (at least 100)")
        long driverCallTimeoutMillis() default 5000;

        @AttributeDefinition(
                description = "How long a driver may take to confirm a setpoint write before the client is told it"
                        + " timed out, in milliseconds (at least 100)")
        long writeTimeoutMillis() default 5000;
    }

    /** The user the audit trail names for what the platform does on its own. */
    static final String AUDIT_USER = "system";

    private final Logger logger = LoggerFactory.getLogger(DeviceManager.class);

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile AuditTrail auditTrail;

    private final TagStore tagStore;
    private final long callTimeoutMillis;
    private final long writeTimeoutMillis;
    private final Map<String, ManagedDevice> devices;
    private final Map<String, ManagedDevice> deviceOfTag = new HashMap<>();
    private final Map<String, Long> staleAfterMicros;
    private final ScheduledExecutorService lifecycle;
    private final ScheduledExecutorService staleCheck;
    private final ExecutorService
            driverCalls; // start() and close() run here, so the lifecycle thread can time them out
    // guarded by the lifecycle thread
    private final Map<ServiceReference<Driver>, Driver> drivers = new HashMap<>();
    private final Map<String, ServiceReference<Driver>> active = new HashMap<>();

    @Activate
    public DeviceManager(@Reference TagStore tagStore, @Reference ProjectService projectService, Config config) {
        this.tagStore = tagStore;
        this.callTimeoutMillis = atLeast("driverCallTimeoutMillis", config.driverCallTimeoutMillis());
        this.writeTimeoutMillis = atLeast("writeTimeoutMillis", config.writeTimeoutMillis());
        long staleCheckMillis = atLeast("staleCheckMillis", config.staleCheckMillis());
        VesselProject project = projectService.project();
        tagStore.define(project.tags());
        this.devices = Collections.unmodifiableMap(buildDevices(project));
        this.staleAfterMicros = staleLimits(project);
        devices.values().forEach(d -> d.tagIds().forEach(t -> deviceOfTag.put(t, d)));
        for (ManagedDevice d : devices.values()) {
            tagStore.markQuality(
                    d.tagIds(),
                    d.definition().enabled() ? Quality.BAD_DRIVER_MISSING : Quality.BAD_OUT_OF_SERVICE,
                    v -> true);
        }
        this.lifecycle = Executors.newSingleThreadScheduledExecutor(named("vmsseaman-devices"));
        this.staleCheck = Executors.newSingleThreadScheduledExecutor(named("vmsseaman-devices-stale"));
        this.driverCalls = Executors.newCachedThreadPool(named("vmsseaman-devices-driver-call"));
        staleCheck.scheduleWithFixedDelay(this::checkStale, staleCheckMillis, staleCheckMillis, TimeUnit.MILLISECONDS);
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
        // Bounded: tags are marked BAD first, then the sessions get one shared close deadline.
        await(submit(() -> driverRemoved(ref)), 2 * callTimeoutMillis + 1000, "removing driver " + bundleName(ref));
    }

    @Deactivate
    void deactivate() {
        staleCheck.shutdownNow();
        Future<?> done = submit(() -> stopAll(new ArrayList<>(devices.values()), "device binding stopped"));
        await(done, 2 * callTimeoutMillis + 1000, "stopping devices");
        lifecycle.shutdownNow();
        driverCalls.shutdownNow();
    }

    @Override
    public List<DeviceStatus> devices() {
        return devices.values().stream().map(ManagedDevice::status).toList();
    }

    @Override
    public Optional<DeviceStatus> device(String deviceId) {
        return Optional.ofNullable(devices.get(deviceId)).map(ManagedDevice::status);
    }

    @Override
    public CompletionStage<Object> write(String tagId, Object value) {
        CompletableFuture<Object> result = new CompletableFuture<>();
        try {
            TagDefinition tag = tagStore.definition(tagId)
                    .orElseThrow(() -> new WriteException(Reason.UNKNOWN_TAG, "no tag '" + tagId + "'"));
            if (!tag.writable()) {
                throw new WriteException(Reason.NOT_WRITABLE, "tag '" + tagId + "' is not writable");
            }
            Object converted = SetpointValue.convert(tag, value);
            ManagedDevice device = deviceOfTag.get(tagId);
            if (device == null) {
                throw new WriteException(Reason.NOT_CONNECTED, "tag '" + tagId + "' is not bound to a device");
            }
            DeviceSession session = device.session();
            DeviceStatus status = device.status();
            if (session == null || status.state() == ConnectionState.DISCONNECTED) {
                throw new WriteException(
                        Reason.NOT_CONNECTED,
                        "device '" + status.deviceId() + "' of tag '" + tagId + "' is " + status.state() + ": "
                                + status.detail());
            }
            BoundTag bound = device.boundTag(tagId);
            // on a platform thread: a driver that blocks in write() holds neither the caller nor the lifecycle
            CompletableFuture.supplyAsync(() -> session.write(bound, converted), driverCalls)
                    .thenCompose(stage -> stage)
                    .orTimeout(writeTimeoutMillis, TimeUnit.MILLISECONDS)
                    .whenComplete((ok, failure) -> {
                        if (failure == null) {
                            result.complete(converted);
                        } else {
                            result.completeExceptionally(writeFailure(tagId, status, failure));
                        }
                    });
        } catch (WriteException e) {
            result.completeExceptionally(e);
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(new WriteException(Reason.NOT_CONNECTED, "device binding is stopping"));
        }
        return result;
    }

    private WriteException writeFailure(String tagId, DeviceStatus device, Throwable failure) {
        Throwable cause =
                failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        String where = "writing tag '" + tagId + "' to device '" + device.deviceId() + "'";
        if (cause instanceof TimeoutException) {
            return new WriteException(
                    Reason.TIMEOUT, where + ": driver did not confirm within " + writeTimeoutMillis + " ms", cause);
        }
        if (cause instanceof UnsupportedOperationException) {
            return new WriteException(
                    Reason.NOT_SUPPORTED, where + ": driver " + device.driverBundle() + " does not write", cause);
        }
        if (!(cause instanceof DriverException)) {
            logger.warn("Driver {} failed {}", device.driverBundle(), where, cause);
        }
        return new WriteException(Reason.DEVICE_ERROR, where + " failed: " + cause.getMessage(), cause);
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
        stopAll(served, "no driver for protocol '" + protocol + "'");
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
        String id = device.definition().id();
        DeviceSink sink = new DeviceSink(id, tagStore, device.tagsById(), (s, d) -> setState(device, s, d));
        setState(device, ConnectionState.CONNECTING, "started by " + bundle);
        CompletableFuture<DeviceSession> call;
        try {
            var context = device.newContext(sink, bundle);
            call = CompletableFuture.supplyAsync(() -> startSession(driver, context), driverCalls);
        } catch (RejectedExecutionException e) {
            return; // deactivating
        }
        try {
            device.started(call.get(callTimeoutMillis, TimeUnit.MILLISECONDS));
            logger.info("Device '{}' started by driver {}", id, bundle);
        } catch (TimeoutException e) {
            failed(
                    device,
                    "driver " + bundle + " did not return from start() within " + callTimeoutMillis + " ms",
                    Quality.BAD_NOT_CONNECTED);
            call.thenAccept(DeviceSession::close); // a session that arrives late is closed at once
            logger.error(
                    "Device '{}': driver {} did not return from start() within {} ms", id, bundle, callTimeoutMillis);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof DriverStartFailure f ? f.getCause() : e.getCause();
            failed(device, String.valueOf(cause.getMessage()), Quality.BAD_CONFIGURATION_ERROR);
            if (cause instanceof DriverException) {
                logger.error("Device '{}' cannot be started by driver {}: {}", id, bundle, cause.getMessage());
            } else {
                logger.error("Device '{}': driver {} failed in start()", id, bundle, cause);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static DeviceSession startSession(Driver driver, DeviceContext context) {
        try {
            return driver.start(context);
        } catch (DriverException e) {
            throw new DriverStartFailure(e);
        }
    }

    private void failed(ManagedDevice device, String detail, Quality quality) {
        device.detach();
        setState(device, ConnectionState.FAILED, detail);
        tagStore.markQuality(device.tagIds(), quality, v -> true);
    }

    /** Marks every device's tags BAD first, then closes their sessions in parallel under one deadline. */
    private void stopAll(List<ManagedDevice> stopping, String detail) {
        List<Future<?>> closes = new ArrayList<>();
        for (ManagedDevice device : stopping) {
            DeviceSession session = device.detach();
            if (device.definition().enabled()) {
                setState(device, ConnectionState.DRIVER_MISSING, detail);
                tagStore.markQuality(device.tagIds(), Quality.BAD_DRIVER_MISSING, v -> true);
            }
            if (session != null) {
                try {
                    closes.add(driverCalls.submit(session::close));
                } catch (RejectedExecutionException e) {
                    session.close();
                }
            }
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(callTimeoutMillis);
        for (Future<?> close : closes) {
            long left = Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
            await(close, left, "closing a device session");
        }
    }

    /** Sets a device's state and records a lost or restored connection in the audit trail, if there is one. */
    private void setState(ManagedDevice device, ConnectionState state, String detail) {
        ManagedDevice.Change change = device.setState(state, detail);
        AuditTrail trail = auditTrail;
        if (change == ManagedDevice.Change.NONE || trail == null) {
            return;
        }
        try {
            trail.append(new AuditEntry(
                    Instant.now(),
                    AUDIT_USER,
                    change == ManagedDevice.Change.LOST ? "device.connection_lost" : "device.connection_restored",
                    device.definition().id(),
                    change == ManagedDevice.Change.LOST ? AuditEntry.Outcome.FAILURE : AuditEntry.Outcome.SUCCESS,
                    state + ": " + detail,
                    null));
        } catch (RuntimeException e) {
            logger.warn(
                    "Audit trail refused the connection change of device '{}': {}",
                    device.definition().id(),
                    e.toString());
        }
    }

    private void checkStale() {
        try {
            long now = TagValue.nowMicros();
            for (ManagedDevice d : devices.values()) {
                if (!d.running()) {
                    continue;
                }
                List<String> candidates = d.tagIds().stream()
                        .filter(staleAfterMicros::containsKey)
                        .toList();
                // evaluated by the tag store on the value current at the moment of the change
                tagStore.markQuality(
                        candidates,
                        Quality.BAD_STALE,
                        v -> !v.quality().isBad() && now - v.receiveTime() > staleAfterMicros.get(v.tagId()));
            }
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

    private static Map<String, Long> staleLimits(VesselProject project) {
        Map<String, Long> limits = new HashMap<>();
        for (TagDefinition t : project.tags()) {
            if (t.expectedInterval() != null) {
                limits.put(t.id(), t.expectedInterval().toNanos() / 1_000L);
            }
        }
        return limits;
    }

    private long atLeast(String name, long value) {
        if (value < MIN_MILLIS) {
            logger.warn("{} = {} ms is too small; {} ms is used", name, value, MIN_MILLIS);
            return MIN_MILLIS;
        }
        return value;
    }

    private Future<?> submit(Runnable task) {
        try {
            return lifecycle.submit(task);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.completedFuture(null); // deactivated: nothing left to do
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

    private static ThreadFactory named(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    private static String bundleName(ServiceReference<?> ref) {
        Bundle b = ref.getBundle();
        return b == null ? "(unregistered)" : b.getSymbolicName() + " " + b.getVersion();
    }

    /** Carries a driver's checked exception out of the start call. */
    private static final class DriverStartFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DriverStartFailure(DriverException cause) {
            super(cause);
        }
    }
}
