package org.vmsseaman.driver.nmea2000.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vmsseaman.driver.nmea2000.internal.Tags.number;

import org.junit.jupiter.api.Test;
import org.vmsseaman.api.tag.DataType;

/** A binding that cannot be used is reported for its tag only, with what is wrong. */
class BindingErrorsTest {

    @Test
    void eachBadBindingIsReportedForItsTagAndTheOthersRun() {
        TestBus bus = new TestBus(
                        number("ok.depth", "m", "pgn", 128267, "field", "depth"),
                        number("bad.pgn", "m", "pgn", 130000, "field", "depth"),
                        number("bad.nopgn", "m", "field", "depth"),
                        number("bad.field", "m", "pgn", 128267, "field", "deepness"),
                        number("bad.nofield", "m", "pgn", 128267),
                        number("bad.unit", "bar", "pgn", 128267, "field", "depth"),
                        number("bad.key", "m", "pgn", 128267, "field", "depth", "instanse", 1),
                        number("bad.source", "m", "pgn", 128267, "field", "depth", "source", 300),
                        number("bad.label", "%", "pgn", 127505, "field", "level", "type", "diesel"),
                        number("bad.filter", "%", "pgn", 127505, "field", "level", "instance", 16))
                .lines("00:30:00.942 R 15F50B24 69 BA 01 00 00 F4 01 FF");
        assertThat(bus.problems)
                .containsOnlyKeys(
                        "bad.pgn",
                        "bad.nopgn",
                        "bad.field",
                        "bad.nofield",
                        "bad.unit",
                        "bad.key",
                        "bad.source",
                        "bad.label",
                        "bad.filter");
        assertThat(bus.problems.get("bad.pgn")).contains("PGN 130000 is not decoded");
        assertThat(bus.problems.get("bad.nopgn")).contains("needs 'pgn'");
        assertThat(bus.problems.get("bad.field"))
                .contains("no field 'deepness'")
                .contains("depth, offset, range");
        assertThat(bus.problems.get("bad.nofield")).contains("needs 'field'");
        assertThat(bus.problems.get("bad.unit")).contains("'m'").contains("'bar'");
        assertThat(bus.problems.get("bad.key")).contains("unknown address key 'instanse'");
        assertThat(bus.problems.get("bad.source")).contains("'source'").contains("0..253");
        assertThat(bus.problems.get("bad.label")).contains("'diesel'").contains("fuel");
        assertThat(bus.problems.get("bad.filter")).contains("'instance'").contains("0..15");
        assertThat(bus.last("ok.depth").value()).isEqualTo(4.42);
    }

    @Test
    void addressUnitOverridesTheTagsUnitAndEnumsGiveTheirNumberOrLabel() {
        TestBus bus = new TestBus(
                        number("a.depth_ft", "", "pgn", 128267, "field", "depth", "unit", "ft"),
                        Tags.tag("a.ref", DataType.STRING, "", "pgn", 130306, "field", "reference"),
                        Tags.tag("a.ref_n", DataType.ENUM, "", "pgn", 130306, "field", "reference"))
                .lines(
                        "00:30:00.942 R 15F50B24 69 BA 01 00 00 F4 01 FF",
                        "00:30:01.132 R 09FD0220 49 7D 01 9C EB FA FF FF");
        assertThat((double) bus.last("a.depth_ft").value())
                .isCloseTo(4.42 / 0.3048, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(bus.last("a.ref").value()).isEqualTo("apparent");
        assertThat(bus.last("a.ref_n").value()).isEqualTo(2L);
    }
}
