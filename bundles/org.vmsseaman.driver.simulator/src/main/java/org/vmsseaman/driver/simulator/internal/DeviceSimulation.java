package org.vmsseaman.driver.simulator.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.vmsseaman.api.device.ConnectionState;
import org.vmsseaman.api.device.TagSink;
import org.vmsseaman.api.driver.DriverException;
import org.vmsseaman.api.tag.TagValue;
import org.vmsseaman.driver.simulator.internal.fault.FaultEngine;
import org.vmsseaman.driver.simulator.internal.fault.SimulatedFault;
import org.vmsseaman.driver.simulator.internal.model.ConfigProblem;
import org.vmsseaman.driver.simulator.internal.model.SimulatedTag;
import org.vmsseaman.driver.simulator.internal.model.SimulationModel;

/**
 * One simulated device without threads: each {@link #tick(double)} advances the model, applies the
 * faults and publishes one batch. Driven by {@link SimulatorSession} or directly by tests.
 */
final class DeviceSimulation {

    private final String deviceId;
    private final SimulationModel model;
    private final TagSink sink;
    private final Supplier<List<SimulatedFault>> faults;
    private final FaultEngine engine;
    private final Map<String, Object> lastPublished = new HashMap<>();
    private double time;
    private boolean offline;

    DeviceSimulation(String deviceId, SimulationModel model, TagSink sink, Supplier<List<SimulatedFault>> faults) {
        this.deviceId = deviceId;
        this.model = model;
        this.sink = sink;
        this.faults = faults;
        this.engine = new FaultEngine(deviceId);
    }

    /** Reports the unusable bindings and that the device is connected. */
    void start() {
        for (ConfigProblem p : model.problems()) {
            sink.configurationError(p.tagId(), p.message());
        }
        sink.status(ConnectionState.CONNECTED, "simulating " + model.tags().size() + " tags");
    }

    /** Advances the simulation by {@code dtSeconds} and publishes the tick's batch (unless offline). */
    void tick(double dtSeconds) {
        time += dtSeconds;
        model.step(dtSeconds);
        engine.beginTick(faults.get(), time);
        boolean nowOffline = engine.offline();
        if (nowOffline != offline) {
            offline = nowOffline;
            sink.status(
                    offline ? ConnectionState.DISCONNECTED : ConnectionState.CONNECTED,
                    offline ? "simulated offline" : "simulated offline ended");
        }
        if (offline || model.tags().isEmpty()) {
            return;
        }
        List<TagValue> batch = new ArrayList<>(model.tags().size());
        for (SimulatedTag tag : model.tags()) {
            TagValue v = TagValue.good(tag.id(), tag.value(), 0L);
            if (engine.anyInEffect()) {
                v = engine.apply(v, tag.dataType(), tag.range(), lastPublished.get(tag.id()));
            }
            lastPublished.put(tag.id(), v.value());
            batch.add(v);
        }
        sink.publish(batch);
    }

    /**
     * Holds a written setpoint as the tag's value and publishes it at once.
     *
     * @throws DriverException if the tag is not simulated (its binding has an error) or the device is offline
     */
    void write(String tagId, Object value) throws DriverException {
        SimulatedTag tag = model.tags().stream()
                .filter(t -> t.id().equals(tagId))
                .findFirst()
                .orElseThrow(() -> new DriverException("tag '" + tagId + "' is not simulated (see its binding error)"));
        if (offline) {
            throw new DriverException("simulated device '" + deviceId + "' is offline");
        }
        try {
            tag.hold(value);
        } catch (IllegalArgumentException e) {
            throw new DriverException(e.getMessage(), e);
        }
        lastPublished.put(tagId, value);
        sink.publish(List.of(TagValue.good(tagId, value, 0L)));
    }

    String deviceId() {
        return deviceId;
    }
}
