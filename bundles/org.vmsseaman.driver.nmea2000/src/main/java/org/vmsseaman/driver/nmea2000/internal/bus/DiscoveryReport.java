package org.vmsseaman.driver.nmea2000.internal.bus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Discover mode's output: the bus inventory written to {@code <folder>/<device>-discover.txt} and, whenever a
 * new PGN or sender appears, logged at INFO.
 */
public final class DiscoveryReport {

    private final Logger logger = LoggerFactory.getLogger(DiscoveryReport.class);
    private final String deviceId;
    private final BusInventory inventory;
    private final Path file;
    private int reportedSize = -1;
    private boolean writeFailureLogged;

    public DiscoveryReport(String deviceId, BusInventory inventory, Path folder) {
        this.deviceId = deviceId;
        this.inventory = inventory;
        this.file = folder.resolve(deviceId + "-discover.txt");
    }

    /** The file the inventory is written to. */
    public Path file() {
        return file;
    }

    /** Writes the inventory now (and logs it if something new was seen). */
    public void write() {
        String table = inventory.render();
        if (inventory.size() != reportedSize) {
            reportedSize = inventory.size();
            logger.info(
                    "Device '{}' discover: {} PGN/source pairs on the bus (also in {}):\n{}",
                    deviceId,
                    reportedSize,
                    file,
                    table);
        }
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, table, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (!writeFailureLogged) {
                writeFailureLogged = true;
                logger.warn("Device '{}': cannot write the discover summary to {}: {}", deviceId, file, e.toString());
            }
        }
    }
}
