package org.vmsseaman.driver.nmea2000.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vmsseaman.api.device.DeviceContext;
import org.vmsseaman.api.driver.DeviceSession;
import org.vmsseaman.api.driver.Driver;
import org.vmsseaman.api.driver.DriverException;
import org.vmsseaman.api.driver.DriverProtocol;
import org.vmsseaman.driver.nmea2000.internal.binding.BindingCompiler;
import org.vmsseaman.driver.nmea2000.internal.binding.FieldBinding;
import org.vmsseaman.driver.nmea2000.internal.bus.BusDecoder;
import org.vmsseaman.driver.nmea2000.internal.bus.BusInventory;
import org.vmsseaman.driver.nmea2000.internal.bus.DiscoveryReport;
import org.vmsseaman.driver.nmea2000.internal.can.ActisenseReader;
import org.vmsseaman.driver.nmea2000.internal.pgn.PgnCatalog;
import org.vmsseaman.driver.nmea2000.internal.transport.CandumpProcessConnection;
import org.vmsseaman.driver.nmea2000.internal.transport.FileConnection;
import org.vmsseaman.driver.nmea2000.internal.transport.SerialConnection;
import org.vmsseaman.driver.nmea2000.internal.transport.TcpConnection;
import org.vmsseaman.driver.nmea2000.internal.transport.UdpConnection;

/**
 * The {@code nmea2000} driver: NMEA 2000 and J1939 traffic from a CAN gateway (Yacht Devices RAW over TCP or
 * UDP), a Linux SocketCAN interface (through can-utils candump) or a recorded candump / RAW log, decoded into
 * tags. One device per bus connection.
 */
@Component(service = Driver.class)
@DriverProtocol(Nmea2000Driver.PROTOCOL)
public final class Nmea2000Driver implements Driver {

    /** The protocol name devices use to select this driver. */
    public static final String PROTOCOL = "nmea2000";

    static final String HOME_PROPERTY = "vmsseaman.home";

    private final Logger logger = LoggerFactory.getLogger(Nmea2000Driver.class);
    private final Set<BusSession> sessions = ConcurrentHashMap.newKeySet();
    private final Path home;

    @Activate
    public Nmea2000Driver() {
        this(Path.of(System.getProperty(HOME_PROPERTY, ".")));
    }

    /** A driver resolving relative replay files and writing discover summaries under {@code home}. */
    Nmea2000Driver(Path home) {
        this.home = home.toAbsolutePath();
    }

    @Override
    public DeviceSession start(DeviceContext context) throws DriverException {
        String deviceId = context.device().id();
        BusSettings settings = BusSettings.of(context.device(), home);
        if (settings.transport().equals(BusSettings.NGT1) && !SerialConnection.available()) {
            throw new DriverException("device '" + deviceId + "': setting 'transport' ngt1 needs the jSerialComm"
                    + " bundle (package com.fazecast.jSerialComm), which is not installed");
        }
        PgnCatalog catalog = PgnCatalog.standard();
        List<FieldBinding> bindings =
                new BindingCompiler(catalog).compile(context.tags(), context.sink()::configurationError);
        BusInventory inventory = settings.discover() ? new BusInventory(catalog) : null;
        DiscoveryReport discovery = inventory == null
                ? null
                : new DiscoveryReport(deviceId, inventory, home.resolve("data").resolve("nmea2000"));
        BusDecoder decoder = new BusDecoder(catalog, bindings, inventory);
        BusSession session = new BusSession(
                deviceId, settings, connector(settings), context.sink(), decoder, discovery, sessions::remove);
        sessions.add(session);
        session.start();
        logger.info(
                "Device '{}': {} of {} tags bound, {}{}",
                deviceId,
                bindings.size(),
                context.tags().size(),
                settings.describe(),
                discovery == null ? "" : ", discover mode: " + discovery.file());
        return session;
    }

    private static BusSession.Connector connector(BusSettings s) {
        return switch (s.transport()) {
            case BusSettings.TCP -> () -> TcpConnection.open(s.host(), s.port(), s.connectTimeoutMillis());
            case BusSettings.UDP -> () -> UdpConnection.open(s.bindAddress(), s.port());
            case BusSettings.FILE -> () -> FileConnection.open(s.file(), s.loop());
            case BusSettings.SOCKETCAN -> () -> CandumpProcessConnection.open(s.candump(), s.canInterface());
            default -> () -> SerialConnection.open(s.serialPort(), s.baudRate(), ActisenseReader.startupCommand());
        };
    }

    /** Closes sessions the platform left open, so that stopping the bundle never leaks a thread. */
    @Deactivate
    void deactivate() {
        for (BusSession s : sessions) {
            s.close();
        }
    }
}
