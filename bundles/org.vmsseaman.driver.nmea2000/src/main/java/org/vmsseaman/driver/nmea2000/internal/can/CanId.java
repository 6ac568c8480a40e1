package org.vmsseaman.driver.nmea2000.internal.can;

/**
 * ISO 11783 / SAE J1939 29-bit identifiers, as NMEA 2000 uses them: priority (3 bits), extended data
 * page, data page, PDU format (PF), PDU specific (PS) and source address (8 bits).
 *
 * <p>PDU1 (PF &lt; 240) is addressed: PS is the destination and not part of the PGN. PDU2 (PF &ge; 240) is
 * broadcast: PS is the group extension and part of the PGN, the destination is global (255).
 */
public final class CanId {

    /** The global (broadcast) destination address. */
    public static final int GLOBAL = 255;

    private CanId() {}

    /** Priority 0 (highest) .. 7. */
    public static int priority(int id) {
        return (id >>> 26) & 0x7;
    }

    /** The parameter group number (18 bits: EDP, DP, PF and, for PDU2, PS). */
    public static int pgn(int id) {
        int pf = (id >>> 16) & 0xFF;
        int pgn = (id >>> 8) & 0x3FFFF;
        return pf < 240 ? pgn & 0x3FF00 : pgn;
    }

    /** The source address 0..255. */
    public static int source(int id) {
        return id & 0xFF;
    }

    /** The destination address: PS for PDU1 PGNs, {@link #GLOBAL} for PDU2. */
    public static int destination(int id) {
        int pf = (id >>> 16) & 0xFF;
        return pf < 240 ? (id >>> 8) & 0xFF : GLOBAL;
    }

    /** Builds an identifier (for tests and tools): PDU1 PGNs take {@code destination} as PS. */
    public static int of(int priority, int pgn, int source, int destination) {
        int pf = (pgn >>> 8) & 0xFF;
        int ps = pf < 240 ? destination & 0xFF : pgn & 0xFF;
        return ((priority & 0x7) << 26) | ((pgn & 0x3FF00) << 8) | (ps << 8) | (source & 0xFF);
    }
}
