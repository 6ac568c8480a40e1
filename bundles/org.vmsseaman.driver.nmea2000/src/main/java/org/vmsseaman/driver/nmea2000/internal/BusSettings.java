package org.vmsseaman.driver.nmea2000.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Pattern;
import org.vmsseaman.api.driver.DriverException;
import org.vmsseaman.api.project.DeviceDefinition;

/**
 * An NMEA 2000 / J1939 bus connection's settings (one device per connection); see the bundle README.
 *
 * @param transport {@code tcp}, {@code udp}, {@code file}, {@code socketcan} or {@code ngt1}
 * @param host gateway host (tcp)
 * @param port gateway port (tcp) or listening port (udp)
 * @param bindAddress address to listen on (udp)
 * @param file log to replay (file)
 * @param speed replay speed factor; 0 as fast as possible (file)
 * @param loop replay again from the start at the end (file)
 * @param canInterface SocketCAN interface, e.g. {@code can0} (socketcan)
 * @param candump the can-utils candump executable (socketcan)
 * @param serialPort the serial port of an Actisense NGT-1 (ngt1)
 * @param baudRate its speed (ngt1)
 * @param connectTimeoutMillis TCP connect timeout
 * @param reconnectMaxSeconds longest wait between two connection attempts
 * @param silenceSeconds no frames for this long is reported in the status detail
 * @param statusSeconds how often the status detail (counters) is refreshed
 * @param discover record what is on the bus and write it out every {@code discoverSeconds}
 * @param discoverSeconds interval of the discover summary
 */
record BusSettings(
        String transport,
        String host,
        int port,
        String bindAddress,
        Path file,
        double speed,
        boolean loop,
        String canInterface,
        String candump,
        String serialPort,
        int baudRate,
        int connectTimeoutMillis,
        int reconnectMaxSeconds,
        int silenceSeconds,
        int statusSeconds,
        boolean discover,
        int discoverSeconds) {

    static final String TCP = "tcp";
    static final String UDP = "udp";
    static final String FILE = "file";
    static final String SOCKETCAN = "socketcan";
    static final String NGT1 = "ngt1";
    /** Default ports; a gateway's RAW server port is configured on the gateway. */
    static final int DEFAULT_TCP_PORT = 1457;

    static final int DEFAULT_UDP_PORT = 1456;

    /** Linux interface names: at most 15 characters, no blanks or slashes. */
    private static final Pattern INTERFACE = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.:-]{0,14}");

    private static final Set<String> KNOWN = Set.of(
            "transport",
            "host",
            "port",
            "bindAddress",
            "file",
            "speed",
            "loop",
            "interface",
            "candump",
            "serialPort",
            "baudRate",
            "connectTimeoutMillis",
            "reconnectMaxSeconds",
            "silenceSeconds",
            "statusSeconds",
            "discover",
            "discoverSeconds");

    /** A short description of the connection for logs and status, e.g. {@code tcp 10.0.0.5:1457}. */
    String describe() {
        return switch (transport) {
            case TCP -> "tcp " + host + ":" + port;
            case UDP -> "udp " + bindAddress + ":" + port;
            case FILE -> "file " + file.getFileName();
            case SOCKETCAN -> "socketcan " + canInterface;
            default -> "ngt1 " + serialPort;
        };
    }

    /**
     * Reads and checks a device's settings.
     *
     * @param home folder relative replay files are resolved against
     * @throws DriverException naming the setting that is missing or invalid
     */
    static BusSettings of(DeviceDefinition device, Path home) throws DriverException {
        SettingsReader r = new SettingsReader(device);
        r.onlyKnown(KNOWN);
        String transport = r.choice("transport", TCP, Set.of(TCP, UDP, FILE, SOCKETCAN, NGT1));
        String host = transport.equals(TCP) ? r.string("host", null) : "";
        int defaultPort = transport.equals(UDP) ? DEFAULT_UDP_PORT : DEFAULT_TCP_PORT;
        int port = (int) r.integer("port", defaultPort, 1, 65535);
        String bind = r.string("bindAddress", "0.0.0.0");
        Path file = null;
        if (transport.equals(FILE)) {
            file = home.resolve(r.string("file", null)).normalize();
            if (!Files.isReadable(file)) {
                throw r.error("file", "names " + file + ", which cannot be read");
            }
        }
        double speed = r.number("speed", 1.0, 0, 1e6);
        boolean loop = r.bool("loop", false);
        String canInterface = "";
        String candump = "candump";
        if (transport.equals(SOCKETCAN)) {
            canInterface = r.string("interface", null);
            if (!INTERFACE.matcher(canInterface).matches()) {
                throw r.error("interface", "must be a network interface name such as can0, was '" + canInterface + "'");
            }
            candump = r.string("candump", candump);
            Path exe = Path.of(candump).getFileName();
            if (exe == null || !exe.toString().equals("candump")) {
                throw r.error(
                        "candump",
                        "must name the can-utils candump program (a path ending in /candump), was '" + candump + "'");
            }
        }
        String serialPort = transport.equals(NGT1) ? r.string("serialPort", null) : "";
        int baudRate = (int) r.integer("baudRate", 115_200, 1200, 4_000_000);
        return new BusSettings(
                transport,
                host,
                port,
                bind,
                file,
                speed,
                loop,
                canInterface,
                candump,
                serialPort,
                baudRate,
                (int) r.integer("connectTimeoutMillis", 5000, 100, 120_000),
                (int) r.integer("reconnectMaxSeconds", 30, 1, 3600),
                (int) r.integer("silenceSeconds", 10, 1, 86_400),
                (int) r.integer("statusSeconds", 10, 1, 3600),
                r.bool("discover", false),
                (int) r.integer("discoverSeconds", 60, 1, 86_400));
    }
}
