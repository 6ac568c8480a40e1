package org.vmsseaman.driver.nmea2000.internal.pgn;

import static org.vmsseaman.driver.nmea2000.internal.pgn.LayoutBuilder.fast;

import java.util.List;

/**
 * The NMEA 2000 alert PGNs (IEC 62923 / Bridge Alert Management): an alert's state and the responses to it.
 * The 64-bit NAME fields are left out.
 */
final class AlertPgns {

    private AlertPgns() {}

    static List<PgnLayout> layouts() {
        return List.of(
                identity(fast(126983, "alert"))
                        .e("temporarySilenceStatus", 128, 1, Lookups.YES_NO)
                        .e("acknowledgeStatus", 129, 1, Lookups.YES_NO)
                        .e("escalationStatus", 130, 1, Lookups.YES_NO)
                        .n("triggerCondition", 200, 4)
                        .n("thresholdStatus", 204, 4)
                        .n("alertPriority", 208, 8)
                        .e("alertState", 216, 8, Lookups.ALERT_STATE)
                        .build(),
                identity(fast(126984, "alertResponse"))
                        .e("responseCommand", 192, 2, Lookups.ALERT_RESPONSE)
                        .build());
    }

    /** The fields both PGNs start with: which alert of which system. */
    private static LayoutBuilder identity(LayoutBuilder b) {
        return b.e("alertType", 0, 4, Lookups.ALERT_TYPE)
                .e("alertCategory", 4, 4, Lookups.ALERT_CATEGORY)
                .n("alertSystem", 8, 8)
                .n("alertSubSystem", 16, 8)
                .n("alertId", 24, 16)
                .n("dataSourceInstance", 104, 8)
                .n("dataSourceIndexSource", 112, 8)
                .n("alertOccurrenceNumber", 120, 8);
    }
}
