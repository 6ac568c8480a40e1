package org.vmsseaman.api.tag;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The static description of a tag, as the vessel project defines it.
 *
 * @param id stable dotted identifier, e.g. {@code me.lube_oil.pressure}: lower-case letters,
 *     digits and underscores in segments separated by dots
 * @param name short human name, e.g. "ME lube oil inlet pressure"
 * @param description longer text, may be empty
 * @param system id of the system/group the tag belongs to, e.g. {@code me}
 * @param dataType type of the tag's values
 * @param unit SI (or customary marine) unit symbol, e.g. {@code bar}, {@code degC}; empty if none
 * @param normalRange range the value stays in during normal operation; null if not numeric
 * @param displayRange engineering range for gauges and trends; null if not numeric
 * @param writable whether clients may write setpoints to this tag
 * @param historian how the historian records the tag
 * @param expectedInterval a value older than this turns {@link Quality#BAD_STALE}; null disables
 * @param states labels for {@link DataType#ENUM} values by index (or false/true for booleans); empty otherwise
 */
public record TagDefinition(
        String id,
        String name,
        String description,
        String system,
        DataType dataType,
        String unit,
        Range normalRange,
        Range displayRange,
        boolean writable,
        HistorianPolicy historian,
        Duration expectedInterval,
        List<String> states) {

    /** The syntax every tag id must match. */
    public static final Pattern ID_PATTERN = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z0-9_]+)*");

    public TagDefinition {
        Objects.requireNonNull(id, "id");
        if (!ID_PATTERN.matcher(id).matches()) {
            throw new IllegalArgumentException(
                    "invalid tag id '" + id + "': expected dotted lower-case segments such as me.lube_oil.pressure");
        }
        Objects.requireNonNull(dataType, "dataType");
        name = name == null || name.isEmpty() ? id : name;
        description = description == null ? "" : description;
        system = system == null ? "" : system;
        unit = unit == null ? "" : unit;
        historian = historian == null ? HistorianPolicy.DEFAULT : historian;
        states = states == null ? List.of() : List.copyOf(states);
    }

    /** {@code true} for DOUBLE and LONG tags. */
    public boolean isNumeric() {
        return dataType == DataType.DOUBLE || dataType == DataType.LONG;
    }
}
