/**
 * The alarm engine: alarm states after IEC 62682 / ISA-18.2, IMO priorities, acknowledgement,
 * shelving, escalation (engineer call, Bridge Alert Management), the watch (dead-man) timer, the
 * alarm journal and alarm KPIs. Provided by the platform; {@link org.vmsseaman.api.alarm.AlarmListener}
 * is implemented by consumers such as the WebSocket stream.
 */
@Export
@Version("1.1.0")
package org.vmsseaman.api.alarm;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
