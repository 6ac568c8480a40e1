package org.vmsseaman.driver.modbus.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vmsseaman.api.driver.DriverException;
import org.vmsseaman.api.project.DeviceDefinition;
import org.vmsseaman.api.tag.DataType;

class BindingAndSettingsTest {

    private static ModbusSettings settings(Transport t, Map<String, Object> s) throws DriverException {
        return ModbusSettings.of(t, new DeviceDefinition("plc", t.protocol(), "PLC", true, s));
    }

    @Test
    void defaults() throws Exception {
        ModbusSettings s = settings(Transport.TCP, Map.of("host", "10.0.0.5"));
        assertThat(s.port()).isEqualTo(502);
        assertThat(s.unitId()).isEqualTo(1);
        assertThat(s.timeoutMillis()).isEqualTo(1000);
        assertThat(s.pollIntervalMillis()).isEqualTo(1000);
        assertThat(s.maxRegisters()).isEqualTo(125);
        assertThat(s.maxBits()).isEqualTo(2000);
        assertThat(s.endpoint()).isEqualTo("10.0.0.5:502");
        ModbusSettings rtu = settings(Transport.RTU, Map.of("serialPort", "/dev/ttyUSB0", "parity", "none"));
        assertThat(rtu.endpoint()).isEqualTo("/dev/ttyUSB0 9600 8N1");
    }

    @Test
    void aBadSettingIsNamedWithDeviceAndValue() {
        assertThatThrownBy(() -> settings(Transport.TCP, Map.of("host", "h", "port", 99999)))
                .isInstanceOf(DriverException.class)
                .hasMessage("device 'plc': setting port must be an integer from 1 to 65535, was '99999'");
        assertThatThrownBy(() -> settings(Transport.TCP, Map.of()))
                .hasMessage("device 'plc': setting host is required");
        assertThatThrownBy(() -> settings(Transport.RTU, Map.of("serialPort", "COM3", "parity", "mark")))
                .hasMessageContaining("setting parity must be one of none, even, odd");
        assertThatThrownBy(() -> settings(Transport.TCP, Map.of("host", "h", "timeoutMs", "fast")))
                .hasMessageContaining("setting timeoutMs");
        assertThatThrownBy(() -> settings(Transport.TCP, Map.of("host", "h", "pollGroup.fast", 100)))
                .hasMessageContaining("pollGroup.<name>.intervalMs");
        assertThatThrownBy(() ->
                        settings(Transport.TCP, Map.of("host", "h", "backoffInitialMs", 5000, "backoffMaxMs", 1000)))
                .hasMessageContaining("setting backoffMaxMs");
    }

    @Test
    void pollGroupIntervals() throws Exception {
        ModbusSettings s = settings(Transport.TCP, Map.of("host", "h", "pollGroup.slow.intervalMs", "10000"));
        assertThat(s.intervalOf("slow")).isEqualTo(10000);
        assertThat(s.intervalOf("")).isEqualTo(1000);
        assertThat(s.intervalOf("other")).isNull();
    }

    @Test
    void bindingsParseWithDefaults() throws Exception {
        TagAddress a =
                TagAddress.parse(Fixtures.bound("t.a", DataType.DOUBLE, "function", "input_register", "address", 7));
        assertThat(a.type()).isEqualTo(ValueType.UINT16);
        assertThat(a.count()).isEqualTo(1);
        TagAddress c = TagAddress.parse(Fixtures.bound("t.c", DataType.BOOLEAN, "function", "coil", "address", "12"));
        assertThat(c.type()).isEqualTo(ValueType.BOOL);
        TagAddress s = TagAddress.parse(Fixtures.bound(
                "t.s",
                DataType.STRING,
                "function",
                "holding_register",
                "address",
                0,
                "dataType",
                "string",
                "length",
                9));
        assertThat(s.count()).isEqualTo(5);
    }

    @Test
    void badBindingsNameTheKey() {
        assertThatThrownBy(() -> TagAddress.parse(Fixtures.bound("t.a", DataType.DOUBLE, "address", 1)))
                .hasMessageContaining("'function' must be one of coil");
        assertThatThrownBy(() -> TagAddress.parse(
                        Fixtures.bound("t.a", DataType.DOUBLE, "function", "holding_register", "address", 70000)))
                .hasMessageContaining("'address' must be a protocol address 0..65535");
        assertThatThrownBy(() -> TagAddress.parse(Fixtures.bound(
                        "t.a", DataType.DOUBLE, "function", "holding_register", "address", 1, "dataType", "int24")))
                .hasMessageContaining("'dataType' must be one of bool, bit, int16");
        assertThatThrownBy(() -> TagAddress.parse(Fixtures.bound(
                        "t.a", DataType.DOUBLE, "function", "coil", "address", 1, "dataType", "float32")))
                .hasMessageContaining("coil holds single bits");
        assertThatThrownBy(() -> TagAddress.parse(Fixtures.bound(
                        "t.a", DataType.BOOLEAN, "function", "holding_register", "address", 1, "dataType", "bit")))
                .hasMessageContaining("'bit' must be 0..15");
        assertThatThrownBy(() -> TagAddress.parse(Fixtures.bound(
                        "t.a",
                        DataType.DOUBLE,
                        "function",
                        "holding_register",
                        "address",
                        65535,
                        "dataType",
                        "float32")))
                .hasMessageContaining("run past the last address");
        assertThatThrownBy(() -> TagAddress.parse(Fixtures.bound(
                        "t.a", DataType.DOUBLE, "function", "holding_register", "address", 1, "regster", 1)))
                .hasMessageContaining("unknown Modbus address key 'regster'");
        assertThatThrownBy(() -> TagAddress.parse(Fixtures.bound(
                        "t.a", DataType.DOUBLE, "function", "holding_register", "address", 1, "wordOrder", "middle")))
                .hasMessageContaining("'wordOrder' must be big or little");
    }

    @Test
    void theDevicePlanReportsBadBindingsPerTagAndKeepsTheOthers() throws Exception {
        RecordingSink sink = new RecordingSink();
        ModbusSettings s = settings(Transport.TCP, Map.of("host", "h", "maxRegistersPerRequest", 3));
        DevicePlan plan = DevicePlan.build(
                List.of(
                        Fixtures.bound("t.ok", DataType.DOUBLE, "function", "holding_register", "address", 0),
                        Fixtures.bound("t.bad", DataType.DOUBLE, "function", "register", "address", 0),
                        Fixtures.bound(
                                "t.group",
                                DataType.DOUBLE,
                                "function",
                                "holding_register",
                                "address",
                                1,
                                "pollGroup",
                                "fast"),
                        Fixtures.bound(
                                "t.wide",
                                DataType.DOUBLE,
                                "function",
                                "holding_register",
                                "address",
                                2,
                                "dataType",
                                "float64",
                                "wordOrder",
                                "little")),
                s,
                sink);
        assertThat(plan.addresses()).containsOnlyKeys("t.ok");
        assertThat(sink.configurationErrors()).containsOnlyKeys("t.bad", "t.group", "t.wide");
        assertThat(sink.configurationErrors().get("t.group")).contains("pollGroup.fast.intervalMs");
        assertThat(sink.configurationErrors().get("t.wide")).contains("maxRegistersPerRequest 3");
    }
}
