package org.vmsseaman.devices.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vmsseaman.api.device.WriteException;
import org.vmsseaman.api.tag.DataType;
import org.vmsseaman.api.tag.HistorianPolicy;
import org.vmsseaman.api.tag.Range;
import org.vmsseaman.api.tag.TagDefinition;

/** A client's setpoint is converted only where its meaning is kept, and checked against the display range. */
class SetpointValueTest {

    private static final TagDefinition RUDDER = tag("steering.rudder_order", DataType.DOUBLE, new Range(-40, 40));
    private static final TagDefinition RPM = tag("me.rpm_setpoint", DataType.LONG, new Range(0, 120));
    private static final TagDefinition PUMP = tag("bilge.pump_run", DataType.BOOLEAN, null);
    private static final TagDefinition NOTE = tag("ship.note", DataType.STRING, null);
    private static final TagDefinition MODE = new TagDefinition(
            "steering.mode",
            "",
            "",
            "steering",
            DataType.ENUM,
            "",
            null,
            null,
            true,
            HistorianPolicy.DEFAULT,
            null,
            List.of("manual", "auto", "track"));

    @Test
    void valuesOfTheRightKindAreConverted() throws WriteException {
        assertThat(SetpointValue.convert(RUDDER, 12)).isEqualTo(12.0);
        assertThat(SetpointValue.convert(RUDDER, new BigDecimal("-3.5"))).isEqualTo(-3.5);
        assertThat(SetpointValue.convert(RPM, 80)).isEqualTo(80L);
        assertThat(SetpointValue.convert(RPM, new BigDecimal("80.0"))).isEqualTo(80L);
        assertThat(SetpointValue.convert(PUMP, true)).isEqualTo(true);
        assertThat(SetpointValue.convert(NOTE, "ok")).isEqualTo("ok");
        assertThat(SetpointValue.convert(MODE, "track")).isEqualTo(2L);
        assertThat(SetpointValue.convert(MODE, 1)).isEqualTo(1L);
    }

    @Test
    void valuesWhoseMeaningWouldChangeAreRefusedWithTheTagAndTheReason() {
        refused(RUDDER, "12", "expected a number");
        refused(RUDDER, Double.NaN, "not a finite number");
        refused(RUDDER, 40.5, "outside the display range");
        refused(RPM, 1.5, "not a whole number");
        refused(RPM, new BigInteger("99999999999999999999"), "not a whole number");
        refused(RPM, -1, "outside the display range");
        refused(PUMP, 1, "expected true or false");
        refused(PUMP, "true", "expected true or false");
        refused(NOTE, 5, "expected a string");
        refused(MODE, "sideways", "not one of its states");
        refused(MODE, 3, "not a state index");
        refused(RUDDER, null, "a value is required");
    }

    private static void refused(TagDefinition tag, Object value, String why) {
        assertThatThrownBy(() -> SetpointValue.convert(tag, value))
                .isInstanceOf(WriteException.class)
                .hasMessageContaining(tag.id())
                .hasMessageContaining(why)
                .satisfies(
                        e -> assertThat(((WriteException) e).reason()).isEqualTo(WriteException.Reason.INVALID_VALUE));
    }

    private static TagDefinition tag(String id, DataType type, Range display) {
        return new TagDefinition(
                id,
                id,
                "",
                id.substring(0, id.indexOf('.')),
                type,
                "",
                null,
                display,
                true,
                HistorianPolicy.DEFAULT,
                Duration.ofSeconds(5),
                List.of());
    }
}
