package org.vmsseaman.driver.nmea2000.internal;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The recorded bus data in the shared folder beside the checkout ({@code ../shared/data/nmea2000}), found by
 * walking up from the working directory; never copied into the repository.
 */
public final class SharedData {

    private SharedData() {}

    /** The file {@code name} of {@code shared/data/nmea2000}. */
    public static Path nmea2000(String name) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/data/nmea2000").resolve(name);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("shared/data/nmea2000/" + name + " not found above "
                + Path.of("").toAbsolutePath());
    }
}
