package org.vmsseaman.driver.nmea2000.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vmsseaman.api.driver.DriverException;
import org.vmsseaman.api.project.DeviceDefinition;

/** Unusable device settings refuse the device with a message naming the setting. */
class SettingsTest {

    @TempDir
    Path home;

    private BusSettings of(Map<String, Object> settings) throws DriverException {
        return BusSettings.of(new DeviceDefinition("gw", "nmea2000", "gw", true, settings), home);
    }

    @Test
    void defaultsAreTcpToTheYachtDevicesPort() throws DriverException {
        BusSettings s = of(Map.of("host", "192.168.4.1"));
        assertThat(s.describe()).isEqualTo("tcp 192.168.4.1:1457");
        assertThat(of(Map.of("transport", "UDP")).describe()).isEqualTo("udp 0.0.0.0:1456");
        assertThat(s.discover()).isFalse();
    }

    @Test
    void errorsNameTheDeviceAndTheSetting() {
        assertThatThrownBy(() -> of(Map.of())).hasMessage("device 'gw': setting 'host' is required");
        assertThatThrownBy(() -> of(Map.of("host", "h", "port", 70000)))
                .hasMessageContaining("setting 'port' must be an integer 1..65535, was '70000'");
        assertThatThrownBy(() -> of(Map.of("transport", "can")))
                .hasMessageContaining("setting 'transport' must be one of [file, ngt1, socketcan, tcp, udp]");
        assertThatThrownBy(() -> of(Map.of("host", "h", "hots", "x")))
                .hasMessageContaining("setting 'hots' is not a setting of this driver");
        assertThatThrownBy(() -> of(Map.of("transport", "file", "file", "missing.log")))
                .hasMessageContaining("setting 'file' names")
                .hasMessageContaining("cannot be read");
        assertThatThrownBy(() -> of(Map.of("transport", "file", "file", "x", "speed", -1)))
                .isInstanceOf(DriverException.class);
        assertThatThrownBy(() -> of(Map.of("host", "h", "discover", "yes")))
                .hasMessageContaining("setting 'discover' must be true or false");
    }

    @Test
    void startRefusesTheDeviceBeforeStartingAThread() {
        RecordingSink sink = new RecordingSink();
        assertThatThrownBy(() -> new Nmea2000Driver(home).start(FakeContext.of("gw", Map.of(), List.of(), sink)))
                .isInstanceOf(DriverException.class);
        assertThat(sink.statuses()).isEmpty();
        assertThat(Thread.getAllStackTraces().keySet())
                .noneMatch(t -> t.getName().equals(BusSession.THREAD_PREFIX + "gw"));
    }
}
