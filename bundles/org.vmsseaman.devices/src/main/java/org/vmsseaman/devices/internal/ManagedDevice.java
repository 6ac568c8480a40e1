package org.vmsseaman.devices.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.vmsseaman.api.device.BoundTag;
import org.vmsseaman.api.device.ConnectionState;
import org.vmsseaman.api.device.DeviceContext;
import org.vmsseaman.api.device.DeviceStatus;
import org.vmsseaman.api.device.TagSink;
import org.vmsseaman.api.driver.DeviceSession;
import org.vmsseaman.api.project.DeviceDefinition;
import org.vmsseaman.api.tag.TagDefinition;

/** One project device: its bound tags, the session of the driver serving it (if any) and its status. */
final class ManagedDevice {

    private final DeviceDefinition definition;
    private final List<BoundTag> tags;
    private final Map<String, TagDefinition> byId;
    // state, detail, since and driverBundle change together: guarded by this
    private ConnectionState state;
    private String detail;
    private Instant since = Instant.now();
    private String driverBundle = "";
    private boolean lost; // connected once, then lost and not yet restored
    // written by the manager's lifecycle thread only, read by the stale check and HTTP threads
    private volatile DeviceSink sink;
    private volatile DeviceSession session;

    ManagedDevice(DeviceDefinition definition, List<BoundTag> tags) {
        this.definition = definition;
        this.tags = List.copyOf(tags);
        this.byId = tags.stream().collect(java.util.stream.Collectors.toMap(BoundTag::id, BoundTag::definition));
        this.state = definition.enabled() ? ConnectionState.DRIVER_MISSING : ConnectionState.DISABLED;
        this.detail = definition.enabled()
                ? "no driver for protocol '" + definition.protocol() + "'"
                : "disabled in the project";
    }

    DeviceDefinition definition() {
        return definition;
    }

    List<String> tagIds() {
        return tags.stream().map(BoundTag::id).toList();
    }

    Map<String, TagDefinition> tagsById() {
        return byId;
    }

    DeviceSession session() {
        return session;
    }

    BoundTag boundTag(String tagId) {
        return tags.stream().filter(t -> t.id().equals(tagId)).findFirst().orElseThrow();
    }

    boolean running() {
        return session != null;
    }

    /** What a state change meant for the device's connection, as the audit trail records it. */
    enum Change {
        NONE,
        /** It was connected and is not any more. */
        LOST,
        /** It is connected again after a loss. */
        RESTORED
    }

    /** Sets the state; says whether the connection was just lost or restored. */
    synchronized Change setState(ConnectionState newState, String newDetail) {
        if (newState != state || !newDetail.equals(detail)) {
            since = Instant.now();
        }
        Change change = Change.NONE;
        if (state == ConnectionState.CONNECTED && newState != ConnectionState.CONNECTED) {
            change = Change.LOST;
            lost = true;
        } else if (state != ConnectionState.CONNECTED && newState == ConnectionState.CONNECTED && lost) {
            change = Change.RESTORED;
            lost = false;
        }
        state = newState;
        detail = newDetail;
        return change;
    }

    /** A context for a new session; the sink reports status back into this device. */
    DeviceContext newContext(DeviceSink newSink, String bundle) {
        this.sink = newSink;
        synchronized (this) {
            this.driverBundle = bundle;
        }
        DeviceDefinition def = definition;
        List<BoundTag> bound = tags;
        return new DeviceContext() {
            @Override
            public DeviceDefinition device() {
                return def;
            }

            @Override
            public List<BoundTag> tags() {
                return bound;
            }

            @Override
            public TagSink sink() {
                return newSink;
            }
        };
    }

    void started(DeviceSession newSession) {
        this.session = newSession;
    }

    /**
     * Detaches the session and closes the sink, so nothing the driver still sends reaches the tag store;
     * the caller closes the returned session (null if none was running).
     */
    DeviceSession detach() {
        DeviceSession s = session;
        session = null;
        DeviceSink old = sink;
        if (old != null) {
            old.close();
        }
        synchronized (this) {
            driverBundle = "";
        }
        return s;
    }

    synchronized DeviceStatus status() {
        DeviceSink s = sink;
        return new DeviceStatus(
                definition.id(),
                definition.protocol(),
                state,
                detail,
                since,
                tags.size(),
                s == null ? 0 : s.updates(),
                s == null ? 0 : s.rejected(),
                driverBundle);
    }
}
