package org.vmsseaman.driver.simulator.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.vmsseaman.api.device.ConnectionState;
import org.vmsseaman.api.device.TagSink;
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

    String deviceId() {
        return deviceId;
    }
}
