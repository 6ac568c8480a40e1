package org.vmsseaman.alarm.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vmsseaman.api.alarm.AlarmEvent;
import org.vmsseaman.api.alarm.AlarmState;
import org.vmsseaman.api.alarm.Transition;
import org.vmsseaman.api.project.AlarmPriority;

class JournalCodecTest {

    private static final Instant TIME = Instant.parse("2026-11-21T10:15:30.123456Z");

    static Stream<Object> values() {
        return Stream.of(
                null,
                true,
                false,
                3L,
                -3L,
                Long.MAX_VALUE,
                Long.MIN_VALUE,
                3.0,
                -0.0,
                0.1,
                1.0e21,
                1.0e-7,
                Double.MAX_VALUE,
                Double.MIN_VALUE,
                Double.NaN,
                Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY,
                "",
                "3",
                "3.0",
                "true",
                "null",
                "NaN",
                "Infinity",
                "-Infinity");
    }

    @ParameterizedTest
    @MethodSource("values")
    void valueKeepsItsJavaType(Object value) {
        AlarmEvent decoded = roundTrip(event(value, "operator", "reason"));

        assertThat(decoded.value()).isEqualTo(value);
        if (value != null) {
            assertThat(decoded.value()).isExactlyInstanceOf(value.getClass());
        }
    }

    @Test
    void doublesAreWrittenAsFloatingNumbersAndNonFiniteOnesAsStrings() {
        assertThat(line(event(3.0, "u", "d"))).contains("\"value\":3.0,");
        assertThat(line(event(3L, "u", "d"))).contains("\"value\":3,");
        assertThat(line(event(Double.NaN, "u", "d"))).contains("\"value\":\"NaN\",");
        assertThat(line(event(Double.NEGATIVE_INFINITY, "u", "d"))).contains("\"value\":\"-Infinity\",");
        assertThat(line(event("NaN", "u", "d"))).contains("\"value\":\"NaN\",\"valueType\":\"string\"");
    }

    @Test
    void smallerJavaNumbersComeBackAsLongOrDouble() {
        assertThat(roundTrip(event(7, "u", "d")).value()).isEqualTo(7L);
        assertThat(roundTrip(event((short) 7, "u", "d")).value()).isEqualTo(7L);
        assertThat(roundTrip(event(1.5f, "u", "d")).value()).isEqualTo(1.5);
    }

    @Test
    void textWithUnicodeQuotesAndLineBreaksStaysOnOneLine() {
        String user = "Øystein \"Chief\" Ålesund ⚓ 𝄞";
        String detail =
                "line one\nline two\r\n\ttab \\ backslash \u0000 nul \u2028 sep, lone \uD800 surrogate, 'single' \"double\" {\"json\":1}";
        byte[] line = JournalCodec.encodeLine(event(null, user, detail));

        assertThat(indexesOf(line, (byte) '\n')).containsExactly(line.length - 1);
        AlarmEvent decoded = JournalCodec.decodeLine(line, 0, line.length);
        assertThat(decoded.user()).isEqualTo(user);
        assertThat(decoded.detail()).isEqualTo(detail);
    }

    @Test
    void everyFieldRoundTrips() {
        AlarmEvent event = new AlarmEvent(
                42,
                TIME,
                "me.lube_oil.inlet_pressure",
                17,
                Transition.SHELVED,
                AlarmState.RTN_UNACKNOWLEDGED,
                AlarmPriority.WARNING,
                1.25,
                "chief",
                "sensor under repair",
                16,
                Instant.parse("2026-11-21T18:00:00Z"));

        assertThat(roundTrip(event)).isEqualTo(event);
        assertThat(line(event))
                .contains("\"time\":\"2026-11-21T10:15:30.123456Z\"")
                .contains("\"transition\":\"shelved\"")
                .contains("\"state\":\"rtn_unacknowledged\"")
                .contains("\"priority\":\"warning\"");
    }

    @Test
    void nullFieldsRoundTrip() {
        AlarmEvent event = new AlarmEvent(1, TIME, null, 0, null, null, null, null, null, null, 0, null);

        assertThat(roundTrip(event)).isEqualTo(event);
    }

    @Test
    void timeIsKeptToTheMicrosecond() {
        AlarmEvent event = new AlarmEvent(
                1,
                Instant.parse("2026-11-21T10:15:30.123456789Z"),
                "a",
                0,
                null,
                null,
                null,
                null,
                null,
                null,
                0,
                null);

        assertThat(roundTrip(event).time()).isEqualTo(Instant.parse("2026-11-21T10:15:30.123456Z"));
    }

    @Test
    void unknownFieldsAreIgnored() {
        String json = "{\"seq\":5,\"future\":{\"a\":[1,2,{\"b\":null}]},\"time\":\"2026-11-21T10:00:00Z\","
                + "\"alarmId\":\"x\",\"transition\":\"raised\",\"more\":[true],\"priority\":\"alarm\"}";

        AlarmEvent decoded = decode(json);

        assertThat(decoded.seq()).isEqualTo(5);
        assertThat(decoded.alarmId()).isEqualTo("x");
        assertThat(decoded.transition()).isEqualTo(Transition.RAISED);
        assertThat(decoded.priority()).isEqualTo(AlarmPriority.ALARM);
    }

    @Test
    void linesThatAreNotWholeEntriesAreRefused() {
        String whole = line(event(1L, "u", "d")).trim();
        Stream.of(
                        "",
                        "garbage",
                        "[1,2]",
                        whole.substring(0, whole.length() / 2),
                        whole.substring(0, whole.length() - 1),
                        whole + whole,
                        "{\"time\":\"2026-11-21T10:00:00Z\"}",
                        "{\"seq\":1}",
                        "{\"seq\":\"1\",\"time\":\"2026-11-21T10:00:00Z\"}",
                        "{\"seq\":1,\"time\":\"yesterday\"}",
                        "{\"seq\":1,\"time\":\"2026-11-21T10:00:00Z\",\"transition\":\"exploded\"}",
                        "{\"seq\":1,\"time\":\"2026-11-21T10:00:00Z\",\"value\":[1]}",
                        "{\"seq\":99999999999999999999,\"time\":\"2026-11-21T10:00:00Z\"}")
                .forEach(text ->
                        assertThatThrownBy(() -> decode(text)).as(text).isInstanceOf(IllegalArgumentException.class));
    }

    @Test
    void unsupportedValueTypesAndMissingTimeAreRefusedWhenEncoding() {
        assertThatThrownBy(() -> JournalCodec.encodeLine(event(TIME, "u", "d")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JournalCodec.encodeLine(
                        new AlarmEvent(1, null, "a", 0, null, null, null, null, null, null, 0, null)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static AlarmEvent event(Object value, String user, String detail) {
        return new AlarmEvent(
                7,
                TIME,
                "me.jacket_water.temperature",
                3,
                Transition.RAISED,
                AlarmState.UNACKNOWLEDGED,
                AlarmPriority.ALARM,
                value,
                user,
                detail,
                0,
                null);
    }

    private static AlarmEvent roundTrip(AlarmEvent event) {
        byte[] line = JournalCodec.encodeLine(event);
        assertThat(line[line.length - 1]).isEqualTo((byte) '\n');
        return JournalCodec.decodeLine(line, 0, line.length);
    }

    private static String line(AlarmEvent event) {
        return new String(JournalCodec.encodeLine(event), StandardCharsets.UTF_8);
    }

    private static AlarmEvent decode(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        return JournalCodec.decodeLine(bytes, 0, bytes.length);
    }

    private static int[] indexesOf(byte[] bytes, byte b) {
        return java.util.stream.IntStream.range(0, bytes.length)
                .filter(i -> bytes[i] == b)
                .toArray();
    }
}
