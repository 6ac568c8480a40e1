package org.vmsseaman.driver.simulator.internal.model;

import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.vmsseaman.api.tag.DataType;
import org.vmsseaman.api.tag.Range;
import org.vmsseaman.api.tag.TagDefinition;

/** Builds the signal for one tag from its definition and address hints. */
final class SignalFactory {

    private static final Range DEFAULT_RANGE = new Range(0, 100);
    private static final Range ANGLE_RANGE = new Range(0, 360);
    private static final Range LATITUDE_RANGE = new Range(-90, 90);
    private static final Range LONGITUDE_RANGE = new Range(-180, 180);

    private SignalFactory() {}

    /** The profile a tag runs: the address's, else {@code random_walk} for numbers and none (a constant) otherwise. */
    static Profile effectiveProfile(TagDefinition tag, AddressHints hints) {
        if (hints.profile() != null) {
            return hints.profile();
        }
        return tag.isNumeric() ? Profile.RANDOM_WALK : null;
    }

    /**
     * The range a numeric tag's values move in: its normal range, else its display range, else a
     * default for the profile (0..360 for angles, ±90 / ±180 for positions, 0..100 otherwise).
     */
    static Range range(TagDefinition tag, Profile profile, AddressHints hints) {
        if (tag.normalRange() != null) {
            return tag.normalRange();
        }
        if (tag.displayRange() != null) {
            return tag.displayRange();
        }
        if (profile == Profile.ANGLE) {
            return ANGLE_RANGE;
        }
        if (profile == Profile.POSITION) {
            return "lon".equals(hints.axis()) ? LONGITUDE_RANGE : LATITUDE_RANGE;
        }
        return DEFAULT_RANGE;
    }

    /**
     * Creates the signal.
     *
     * @param leader the followed tag's signal, or null
     * @param reference the signal of the {@code reference} tag, or null
     * @throws IllegalArgumentException saying what is wrong with the binding
     */
    static Signal create(
            TagDefinition tag,
            AddressHints hints,
            Signal leader,
            Signal reference,
            Random random,
            Supplier<Track> track) {
        Profile profile = effectiveProfile(tag, hints);
        DataType type = tag.dataType();
        if (profile == null) {
            return constant(tag, hints.value());
        }
        if (!profile.accepts(type)) {
            throw new IllegalArgumentException("profile '" + profile.label() + "' does not apply to a " + type.label()
                    + " tag (it takes " + profile.typeLabels() + ")");
        }
        Signal lead = profile.usesLeader() ? leader : null;
        Range range = type == DataType.BOOLEAN || type == DataType.ENUM ? null : range(tag, profile, hints);
        double period = hints.periodOr(profile);
        return switch (profile) {
            case LOAD -> new LoadSignal(type, range, random, period, lead);
            case THERMAL -> new LagSignal(type, range, tag.displayRange(), random, LagSignal.THERMAL, lead);
            case PRESSURE -> new LagSignal(type, range, tag.displayRange(), random, LagSignal.PRESSURE, lead);
            case SPEED -> new LagSignal(type, range, tag.displayRange(), random, LagSignal.SPEED, lead);
            case LEVEL -> new LevelSignal(type, range, random, period);
            case SWITCH -> new SwitchSignal(type, tag.states().size(), random, period, onSeconds(hints, period));
            case CONSTANT_BOOL -> constantBool(hints.value());
            case POSITION -> new PositionSignal(type, range, random, axis(hints), track.get());
            case ANGLE -> new AngleSignal(type, range, random, period, lead);
            case RANDOM_WALK -> new RandomWalkSignal(type, range, random, period, lead);
            case DIFFERENCE -> difference(type, range, leader, reference);
        };
    }

    private static Signal difference(DataType type, Range range, Signal minuend, Signal subtrahend) {
        if (minuend == null || subtrahend == null) {
            throw new IllegalArgumentException(
                    "profile 'difference' needs 'follows' and 'reference' (value = follows - reference)");
        }
        if (!(minuend.value() instanceof Number) || !(subtrahend.value() instanceof Number)) {
            throw new IllegalArgumentException("profile 'difference' needs numeric 'follows' and 'reference' tags");
        }
        return new DifferenceSignal(type, range, minuend, subtrahend);
    }

    private static double onSeconds(AddressHints hints, double period) {
        if (!Double.isNaN(hints.onSeconds()) && hints.onSeconds() >= period) {
            throw new IllegalArgumentException(
                    "onSeconds (" + hints.onSeconds() + ") must be shorter than periodSeconds (" + period + ")");
        }
        return hints.onSeconds();
    }

    private static PositionSignal.Axis axis(AddressHints hints) {
        if ("lat".equals(hints.axis())) {
            return PositionSignal.Axis.LAT;
        }
        if ("lon".equals(hints.axis())) {
            return PositionSignal.Axis.LON;
        }
        throw new IllegalArgumentException("profile 'position' needs axis 'lat' or 'lon', was "
                + (hints.axis() == null ? "missing" : "'" + hints.axis() + "'"));
    }

    private static Signal constantBool(Object value) {
        if (value == null) {
            throw new IllegalArgumentException("profile 'constant_bool' needs a boolean 'value'");
        }
        return booleanConstant(value);
    }

    private static Signal booleanConstant(Object value) {
        Boolean b;
        try {
            b = (Boolean) DataType.BOOLEAN.coerce(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'value' must be true or false, was '" + value + "'");
        }
        return new ConstantSignal(b, b ? 1.0 : 0.0);
    }

    /** A tag without a profile: boolean {@code value} (default false), enum state (index or label, default 0), string text (default the tag's name). */
    private static Signal constant(TagDefinition tag, Object value) {
        switch (tag.dataType()) {
            case BOOLEAN:
                return booleanConstant(value == null ? Boolean.FALSE : value);
            case ENUM:
                List<String> states = tag.states();
                long index = value == null ? 0 : enumIndex(states, value);
                return new ConstantSignal(index, states.size() > 1 ? (double) index / (states.size() - 1) : 0.0);
            default:
                return new ConstantSignal(value == null ? tag.name() : value.toString(), 0.0);
        }
    }

    private static long enumIndex(List<String> states, Object value) {
        int byLabel = states.indexOf(value.toString());
        if (byLabel >= 0) {
            return byLabel;
        }
        try {
            long index = (Long) DataType.ENUM.coerce(value);
            if (index >= 0 && (states.isEmpty() || index < states.size())) {
                return index;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new IllegalArgumentException("'value' must be a state label or an index 0.."
                + Math.max(0, states.size() - 1) + ", was '" + value + "'");
    }
}
