package org.vmsseaman.driver.nmea2000.internal.pgn;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The PGNs this driver decodes. Layouts follow the public NMEA 2000 PGN descriptions (the CANboat database
 * was the reference) and SAE J1939-71; they are written here by hand, field by field.
 */
public final class PgnCatalog {

    private static final PgnCatalog STANDARD = new PgnCatalog(all());

    private final Map<Integer, PgnLayout> byPgn = new TreeMap<>();

    PgnCatalog(Collection<PgnLayout> layouts) {
        for (PgnLayout l : layouts) {
            if (byPgn.put(l.pgn(), l) != null) {
                throw new IllegalArgumentException("PGN " + l.pgn() + " defined twice");
            }
        }
    }

    /** The catalog of every PGN the driver knows. */
    public static PgnCatalog standard() {
        return STANDARD;
    }

    /** The layout of {@code pgn}, or null if the driver does not decode it. */
    public PgnLayout layout(int pgn) {
        return byPgn.get(pgn);
    }

    /** Every layout, by PGN. */
    public Collection<PgnLayout> layouts() {
        return byPgn.values();
    }

    private static List<PgnLayout> all() {
        List<PgnLayout> all = new ArrayList<>();
        all.addAll(NavigationPgns.layouts());
        all.addAll(MachineryPgns.layouts());
        all.addAll(PowerPgns.layouts());
        all.addAll(EnvironmentPgns.layouts());
        all.addAll(AlertPgns.layouts());
        return all;
    }
}
