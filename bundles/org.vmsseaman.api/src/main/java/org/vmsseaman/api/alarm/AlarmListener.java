package org.vmsseaman.api.alarm;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Whiteboard service told of every alarm journal entry as it happens, e.g. to push alarms to
 * screens. Register it as an OSGi service; the alarm engine calls it on its own notifier thread, in
 * journal order, never concurrently for one listener. A slow listener delays only itself; an
 * exception is logged and the events count as delivered.
 */
@ConsumerType
public interface AlarmListener {

    /** Journal entries, in order. */
    void onAlarmEvents(List<AlarmEvent> events);
}
