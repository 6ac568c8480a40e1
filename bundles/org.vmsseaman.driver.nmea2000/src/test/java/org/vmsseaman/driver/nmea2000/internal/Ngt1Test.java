package org.vmsseaman.driver.nmea2000.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vmsseaman.api.driver.DriverException;

/**
 * The Actisense NGT-1 transport without the hardware: its settings, and a serial port that does not exist
 * (the device retries, DISCONNECTED with the reason). The byte protocol is covered by ActisenseReaderTest.
 */
class Ngt1Test {

    @TempDir
    Path home;

    @Test
    void aSerialPortThatCannotBeOpenedIsDisconnectedWithTheReason() throws Exception {
        String detail = Waits.firstDisconnect(home, Map.of("transport", "ngt1", "serialPort", "/dev/ttyNoSuchPort9"));
        assertThat(detail).startsWith("ngt1 /dev/ttyNoSuchPort9: ").contains("serial port /dev/ttyNoSuchPort9");
    }

    @Test
    void theSerialPortIsRequired() {
        assertThatThrownBy(() -> new Nmea2000Driver(home)
                        .start(FakeContext.of("ngt", Map.of("transport", "ngt1"), List.of(), new RecordingSink())))
                .isInstanceOf(DriverException.class)
                .hasMessage("device 'ngt': setting 'serialPort' is required");
    }
}
