package org.vmsseaman.driver.modbus.internal;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vmsseaman.api.driver.DriverException;
import org.vmsseaman.api.project.DeviceDefinition;

/**
 * A Modbus device's typed settings, read from the project's {@code settings} map. See the bundle README for the
 * table of keys and defaults.
 *
 * @param transport how the device is reached
 * @param host TCP host (TCP transports)
 * @param port TCP port (TCP transports)
 * @param serial serial line parameters ({@link Transport#RTU})
 * @param unitId Modbus unit (slave) id
 * @param timeoutMillis how long to wait for a reply
 * @param retries how often a failed request is repeated before its tags turn BAD
 * @param pollIntervalMillis interval of the default poll group
 * @param groupIntervals intervals of named poll groups
 * @param maxGap unused addresses a merged request may span
 * @param maxRegisters registers per read request
 * @param maxBits coils or discrete inputs per read request
 * @param backoffInitialMillis first reconnect delay
 * @param backoffMaxMillis longest reconnect delay
 * @param alwaysWriteMultiple write single registers with function 16 instead of 6
 */
record ModbusSettings(
        Transport transport,
        String host,
        int port,
        SerialSettings serial,
        int unitId,
        int timeoutMillis,
        int retries,
        int pollIntervalMillis,
        Map<String, Integer> groupIntervals,
        int maxGap,
        int maxRegisters,
        int maxBits,
        int backoffInitialMillis,
        int backoffMaxMillis,
        boolean alwaysWriteMultiple) {

    static final String HOST = "host";
    static final String PORT = "port";
    static final String SERIAL_PORT = "serialPort";
    static final String BAUD_RATE = "baudRate";
    static final String PARITY = "parity";
    static final String DATA_BITS = "dataBits";
    static final String STOP_BITS = "stopBits";
    static final String UNIT_ID = "unitId";
    static final String TIMEOUT = "timeoutMs";
    static final String RETRIES = "retries";
    static final String POLL_INTERVAL = "pollIntervalMs";
    static final String MAX_GAP = "maxGap";
    static final String MAX_REGISTERS = "maxRegistersPerRequest";
    static final String MAX_BITS = "maxBitsPerRequest";
    static final String BACKOFF_INITIAL = "backoffInitialMs";
    static final String BACKOFF_MAX = "backoffMaxMs";
    static final String ALWAYS_WRITE_MULTIPLE = "alwaysWriteMultiple";
    /** {@code pollGroup.<name>.intervalMs}. */
    static final Pattern GROUP_INTERVAL = Pattern.compile("pollGroup\\.([A-Za-z0-9_-]+)\\.intervalMs");

    static final int MIN_INTERVAL = 10;
    static final int MAX_INTERVAL = 86_400_000;

    /** Serial line parameters of a {@link Transport#RTU} device. */
    record SerialSettings(String portName, int baudRate, String parity, int dataBits, int stopBits) {
        @Override
        public String toString() {
            return portName + " " + baudRate + " " + dataBits
                    + parity.toUpperCase().charAt(0) + stopBits;
        }
    }

    /** Interval of a poll group ("" is the default group), or null if it has none. */
    Integer intervalOf(String group) {
        return group.isEmpty() ? Integer.valueOf(pollIntervalMillis) : groupIntervals.get(group);
    }

    /** Where the device is, for messages: {@code host:port} or the serial line. */
    String endpoint() {
        return transport.overTcp() ? host + ":" + port : serial.toString();
    }

    /**
     * Reads and checks a device's settings.
     *
     * @throws DriverException naming the first setting that is missing or invalid
     */
    static ModbusSettings of(Transport transport, DeviceDefinition device) throws DriverException {
        SettingReader r = new SettingReader(device.id(), device.settings());
        String host = null;
        int port = 0;
        SerialSettings serial = null;
        if (transport.overTcp()) {
            host = r.string(HOST, null);
            port = r.integer(PORT, 502, 1, 65535);
        } else {
            serial = new SerialSettings(
                    r.string(SERIAL_PORT, null),
                    r.integer(BAUD_RATE, 9600, 300, 4_000_000),
                    r.choice(PARITY, "even", "none", "even", "odd"),
                    r.integer(DATA_BITS, 8, 7, 8),
                    r.integer(STOP_BITS, 1, 1, 2));
        }
        int unitId = r.integer(UNIT_ID, 1, 0, 255);
        int timeout = r.integer(TIMEOUT, 1000, 10, 60_000);
        int retries = r.integer(RETRIES, 1, 0, 10);
        int poll = r.integer(POLL_INTERVAL, 1000, MIN_INTERVAL, MAX_INTERVAL);
        int maxGap = r.integer(MAX_GAP, 0, 0, 1999);
        int maxRegisters = r.integer(MAX_REGISTERS, 125, 1, 125);
        int maxBits = r.integer(MAX_BITS, 2000, 1, 2000);
        int backoffInitial = r.integer(BACKOFF_INITIAL, 1000, 10, 600_000);
        int backoffMax = r.integer(BACKOFF_MAX, Math.max(30_000, backoffInitial), backoffInitial, 3_600_000);
        boolean multiple = r.bool(ALWAYS_WRITE_MULTIPLE, false);
        Map<String, Integer> groups = new TreeMap<>();
        for (String key : device.settings().keySet()) {
            Matcher m = GROUP_INTERVAL.matcher(key);
            if (m.matches()) {
                groups.put(m.group(1), r.integer(key, 0, MIN_INTERVAL, MAX_INTERVAL));
            } else if (key.startsWith("pollGroup")) {
                throw new DriverException("device '" + device.id() + "': setting " + key
                        + " is not of the form pollGroup.<name>.intervalMs (name: letters, digits, _ and -)");
            }
        }
        return new ModbusSettings(
                transport,
                host,
                port,
                serial,
                unitId,
                timeout,
                retries,
                poll,
                Map.copyOf(groups),
                maxGap,
                maxRegisters,
                maxBits,
                backoffInitial,
                backoffMax,
                multiple);
    }
}
