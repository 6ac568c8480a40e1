package org.vmsseaman.driver.simulator.internal.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.vmsseaman.api.device.BoundTag;
import org.vmsseaman.api.tag.DataType;

/**
 * The simulated process of one device: a signal per usable tag, stepped in dependency order so
 * that a follower sees its leader's value of the same step. Deterministic for a given seed and
 * sequence of steps; not thread-safe (one ticker thread drives it).
 */
public final class SimulationModel {

    private final List<SimulatedTag> tags;
    private final List<Signal> stepOrder;
    private final Track track;
    private final List<ConfigProblem> problems;

    private SimulationModel(
            List<SimulatedTag> tags, List<Signal> stepOrder, Track track, List<ConfigProblem> problems) {
        this.tags = List.copyOf(tags);
        this.stepOrder = List.copyOf(stepOrder);
        this.track = track;
        this.problems = List.copyOf(problems);
    }

    /**
     * Builds the model for a device's bound tags. A tag whose binding cannot be used (unknown
     * profile, unknown or cyclic {@code follows}, wrong type) is left out and listed in
     * {@link #problems()}; the others run.
     */
    public static SimulationModel create(List<BoundTag> bound, long seed) {
        return new Builder(bound, seed).build();
    }

    /** Advances every signal by {@code dtSeconds} of simulated time. */
    public void step(double dtSeconds) {
        if (track != null) {
            track.step(dtSeconds);
        }
        for (Signal s : stepOrder) {
            s.step(dtSeconds);
        }
    }

    /** The simulated tags in binding order. */
    public List<SimulatedTag> tags() {
        return tags;
    }

    /** Bindings that could not be used. */
    public List<ConfigProblem> problems() {
        return problems;
    }

    /** The current values by tag id, in binding order. */
    public Map<String, Object> values() {
        Map<String, Object> values = new LinkedHashMap<>();
        for (SimulatedTag t : tags) {
            values.put(t.id(), t.value());
        }
        return values;
    }

    /** Resolves {@code follows} depth-first so that leaders are created (and stepped) before followers. */
    private static final class Builder {
        private final long seed;
        private final Map<String, BoundTag> byId = new LinkedHashMap<>();
        private final Map<String, Signal> created = new HashMap<>();
        private final Map<String, String> failed = new LinkedHashMap<>();
        private final List<String> inProgress = new ArrayList<>();
        private final List<Signal> stepOrder = new ArrayList<>();
        private final List<ConfigProblem> problems = new ArrayList<>();
        private Track track;

        Builder(List<BoundTag> bound, long seed) {
            this.seed = seed;
            for (BoundTag b : bound) {
                if (byId.putIfAbsent(b.id(), b) != null) {
                    problems.add(new ConfigProblem(b.id(), "tag is bound to the device more than once"));
                }
            }
        }

        SimulationModel build() {
            List<SimulatedTag> tags = new ArrayList<>();
            for (BoundTag b : byId.values()) {
                Signal s = resolve(b.id());
                if (s != null) {
                    var hints = AddressHints.parse(b.address());
                    var profile = SignalFactory.effectiveProfile(b.definition(), hints);
                    var type = b.definition().dataType();
                    var range = profile == null || type == DataType.BOOLEAN || type == DataType.ENUM
                            ? null
                            : SignalFactory.range(b.definition(), profile, hints);
                    tags.add(new SimulatedTag(b.id(), type, range, s));
                }
            }
            failed.forEach((id, message) -> problems.add(new ConfigProblem(id, message)));
            return new SimulationModel(tags, stepOrder, track, problems);
        }

        private Signal resolve(String id) {
            if (created.containsKey(id)) {
                return created.get(id);
            }
            if (failed.containsKey(id)) {
                return null;
            }
            BoundTag b = byId.get(id);
            try {
                AddressHints hints = AddressHints.parse(b.address());
                Signal leader = hints.follows() == null ? null : leader(id, hints.follows(), "follows");
                Signal reference = hints.reference() == null ? null : leader(id, hints.reference(), "reference");
                Signal s = SignalFactory.create(b.definition(), hints, leader, reference, random(id), this::track);
                created.put(id, s);
                stepOrder.add(s);
                return s;
            } catch (IllegalArgumentException e) {
                failed.put(id, e.getMessage());
                return null;
            }
        }

        private Signal leader(String id, String follows, String key) {
            if (follows.equals(id)) {
                throw new IllegalArgumentException(key + " names the tag itself");
            }
            BoundTag lead = byId.get(follows);
            if (lead == null) {
                throw new IllegalArgumentException(key + " '" + follows + "', which is not a tag of this device");
            }
            if (lead.definition().dataType() == DataType.STRING) {
                throw new IllegalArgumentException(key + " '" + follows + "', a string tag");
            }
            if (inProgress.contains(follows)) {
                throw new IllegalArgumentException(key + " '" + follows + "', which follows it back (cycle)");
            }
            inProgress.add(id);
            try {
                Signal s = resolve(follows);
                if (s == null) {
                    throw new IllegalArgumentException(
                            key + " '" + follows + "', whose binding has an error: " + failed.get(follows));
                }
                return s;
            } finally {
                inProgress.remove(id);
            }
        }

        private Track track() {
            if (track == null) {
                track = new Track(new Random(Numbers.mix(seed ^ 0x7261636bL)));
            }
            return track;
        }

        /** One generator per tag, so adding a tag does not change the others' sequences. */
        private Random random(String id) {
            return new Random(Numbers.mix(seed + Numbers.mix(id.hashCode())));
        }
    }
}
