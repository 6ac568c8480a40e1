package org.vmsseaman.rest.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.Set;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.vmsseaman.api.device.ConnectionState;
import org.vmsseaman.api.device.DeviceRegistry;
import org.vmsseaman.api.device.DeviceStatus;
import org.vmsseaman.api.project.ProjectService;
import org.vmsseaman.api.project.VesselProject;
import org.vmsseaman.api.tag.Quality;
import org.vmsseaman.api.tagstore.SubscriberStats;
import org.vmsseaman.api.tagstore.TagStore;
import org.vmsseaman.api.tagstore.TagStoreStats;

/**
 * {@code GET /health}: OK, DEGRADED (a device not connected, a driver missing, a subscriber dropping data,
 * a bundle or component not active) or DOWN (no project, no tag store); 503 only when DOWN. It keeps
 * answering whatever else is missing, and reveals nothing sensitive.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/health")
@HttpWhiteboardServletName("vmsseaman-health")
public final class HealthServlet extends JsonServlet {
    private static final long serialVersionUID = 1L;

    private final transient BundleContext context;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile TagStore tagStore;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ProjectService projectService;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile DeviceRegistry deviceRegistry;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ServiceComponentRuntime scr;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile org.vmsseaman.api.historian.Historian historian;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile org.vmsseaman.api.alarm.AlarmService alarmService;

    @Activate
    public HealthServlet(BundleContext context) {
        this.context = context;
    }

    @Override
    boolean open(HttpServletRequest req) {
        return true;
    }

    @Override
    Set<String> parameters(HttpServletRequest req) {
        return Set.of();
    }

    @Override
    void get(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Status status = new Status();
        ObjectNode body = Json.object();
        body.put("status", "OK"); // placeholder keeps "status" first; replaced below
        body.put("time", Instant.now().toString());
        body.put("uptimeSeconds", ManagementFactory.getRuntimeMXBean().getUptime() / 1000);
        body.put("version", context.getBundle().getVersion().toString());
        body.set("project", project(status));
        body.set("tags", tags(status));
        body.set("devices", devices(status));
        body.set("alarms", alarms(status));
        body.set("historian", historian(status));
        body.set("bundles", bundles(status));
        body.set("components", components(status));
        body.set("problems", status.problems);
        body.put("status", status.level());
        if (session(req) == null) {
            // public: the state only; devices, addresses, versions and problems need a login
            ObjectNode open = Json.object();
            open.put("status", status.level());
            open.put("time", body.get("time").asText());
            open.put("problems", status.problems.size());
            open.put("detail", "log in (POST /auth/login) for the details");
            Json.write(resp, status.down ? 503 : 200, open);
            return;
        }
        Json.write(resp, status.down ? 503 : 200, body);
    }

    private ObjectNode project(Status status) {
        ObjectNode n = Json.object();
        ProjectService ps = projectService;
        if (ps == null) {
            n.put("loaded", false);
            status.down("no vessel project loaded (see the runtime log for the problems in the project file)");
            return n;
        }
        VesselProject p = ps.project();
        n.put("loaded", true);
        n.put("source", p.source());
        n.put("vessel", p.vessel().name());
        n.put("tags", p.tags().size());
        n.put("devices", p.devices().size());
        n.put("alarms", p.alarms().size());
        return n;
    }

    private ObjectNode alarms(Status status) {
        ObjectNode n = Json.object();
        org.vmsseaman.api.alarm.AlarmService a = alarmService;
        n.put("running", a != null);
        if (a == null) {
            if (projectService != null) {
                status.down("alarm engine not running: alarms are not monitored");
            }
            return n;
        }
        org.vmsseaman.api.alarm.AlarmKpi kpi = a.kpi();
        n.put("unacknowledged", kpi.unacknowledged());
        n.put("shelved", kpi.shelved());
        n.put("suppressed", kpi.suppressed());
        n.put("outOfService", kpi.outOfService());
        n.put("last10Minutes", kpi.last10Minutes());
        n.put("flood", kpi.flood());
        n.put("engineerCall", a.engineerCall().stage().label());
        return n;
    }

    private ObjectNode historian(Status status) {
        ObjectNode n = Json.object();
        org.vmsseaman.api.historian.Historian h = historian;
        n.put("running", h != null);
        if (h == null) {
            status.degraded("historian not running: values are not recorded");
            return n;
        }
        org.vmsseaman.api.historian.HistorianStats s = h.stats();
        n.put("received", s.received());
        n.put("stored", s.stored());
        n.put("receivedPerSecond", Math.round(s.receivedPerSecond()));
        n.put("storedPerSecond", Math.round(s.storedPerSecond()));
        n.put("backlog", s.backlog());
        n.put("lost", s.lost());
        n.put("lastCommit", Json.time(s.lastCommitTime()));
        n.put("lastCommitMillis", s.lastCommitMillis());
        n.put("fileBytes", s.fileBytes());
        n.put("samples", s.totalSamples());
        if (s.totalSamples() > 0 && s.fileBytes() > 0) {
            n.put("fileBytesPerSample", Math.round(100.0 * s.fileBytesPerSample()) / 100.0);
        }
        n.put("oldestSample", Json.time(s.oldestSample()));
        if (s.lastEvictionTime() != 0) {
            n.put("lastEviction", Json.time(s.lastEvictionTime()));
            n.put("evictedFrom", Json.time(s.evictedFrom()));
            n.put("evictedUntil", Json.time(s.evictedUntil()));
        }
        if (s.lost() > 0) {
            status.degraded("historian lost " + s.lost() + " updates (it fell behind the tag store)");
        }
        h.recovery().ifPresent(r -> {
            ObjectNode rn = n.putObject("recovery");
            rn.put("at", r.at().toString());
            rn.put("databaseKept", r.databaseKept());
            rn.put("lostFrom", r.lostFrom() == null ? null : r.lostFrom().toString());
            rn.put("lostUntil", r.lostUntil().toString());
            rn.putPOJO("keptAside", r.keptAside());
            rn.put("detail", r.describe());
        });
        s.commitOverdue(org.vmsseaman.api.tag.TagValue.nowMicros()).ifPresent(status::degraded);
        return n;
    }

    private ObjectNode tags(Status status) {
        ObjectNode n = Json.object();
        TagStore ts = tagStore;
        if (ts == null) {
            status.down("tag store not running");
            return n;
        }
        TagStoreStats stats = ts.stats();
        n.put("total", stats.tagCount());
        for (Quality.Level level : Quality.Level.values()) {
            n.put(
                    level.name().toLowerCase(java.util.Locale.ROOT),
                    stats.byLevel().getOrDefault(level, 0));
        }
        ObjectNode byQuality = n.putObject("byQuality");
        stats.byQuality().forEach((q, count) -> byQuality.put(q.name(), count));
        n.put("updates", stats.updates());
        n.put("rejected", stats.rejected());
        n.put("updateRate", Math.round(stats.updateRate() * 10) / 10.0);
        ArrayNode subs = n.putArray("subscribers");
        for (SubscriberStats s : stats.subscribers()) {
            subs.add(Json.MAPPER.valueToTree(s));
            if (s.dropped() > 0) {
                status.degraded("subscriber '" + s.name() + "' dropped " + s.dropped() + " updates");
            }
        }
        return n;
    }

    private ArrayNode devices(Status status) {
        ArrayNode out = Json.array();
        DeviceRegistry registry = deviceRegistry;
        if (registry == null) {
            if (projectService != null) {
                status.degraded("device binding not running");
            }
            return out;
        }
        for (DeviceStatus d : registry.devices()) {
            out.add(Json.device(d));
            if (d.state() != ConnectionState.CONNECTED && d.state() != ConnectionState.DISABLED) {
                status.degraded("device '" + d.deviceId() + "' is " + d.state() + ": " + d.detail());
            }
        }
        return out;
    }

    private ObjectNode bundles(Status status) {
        ObjectNode n = Json.object();
        Bundle[] all = context.getBundles();
        int active = 0;
        ArrayNode notActive = Json.array();
        for (Bundle b : all) {
            boolean fragment = b.getHeaders("").get(Constants.FRAGMENT_HOST) != null;
            if (b.getState() == Bundle.ACTIVE || (fragment && b.getState() == Bundle.RESOLVED)) {
                active++;
            } else {
                notActive.add(b.getSymbolicName() + " " + b.getVersion() + " " + state(b.getState()));
            }
        }
        n.put("total", all.length);
        n.put("active", active);
        n.set("notActive", notActive);
        if (!notActive.isEmpty()) {
            status.degraded(notActive.size() + " bundle(s) not active");
        }
        return n;
    }

    private ObjectNode components(Status status) {
        ObjectNode n = Json.object();
        ServiceComponentRuntime runtime = scr;
        if (runtime == null) {
            return n;
        }
        int total = 0;
        ArrayNode unsatisfied = Json.array();
        for (ComponentDescriptionDTO d : runtime.getComponentDescriptionDTOs()) {
            if (!d.name.startsWith("org.vmsseaman.")) {
                continue;
            }
            for (ComponentConfigurationDTO c : runtime.getComponentConfigurationDTOs(d)) {
                total++;
                if (c.state == ComponentConfigurationDTO.UNSATISFIED_REFERENCE
                        || c.state == ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION
                        || c.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
                    unsatisfied.add(d.name
                            + (c.state == ComponentConfigurationDTO.FAILED_ACTIVATION
                                    ? " (failed: " + firstLine(c.failure) + ")"
                                    : " (unsatisfied)"));
                }
            }
        }
        n.put("total", total);
        n.set("notRunning", unsatisfied);
        if (!unsatisfied.isEmpty()) {
            status.degraded(unsatisfied.size() + " VMS Seaman component(s) not running");
        }
        return n;
    }

    /** SCR's failure text is a whole stack trace: /health is public, so only its first line is shown. */
    private static String firstLine(String failure) {
        return failure == null ? "" : failure.lines().findFirst().orElse("");
    }

    static String state(int s) {
        return switch (s) {
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.UNINSTALLED -> "UNINSTALLED";
            default -> "ACTIVE";
        };
    }

    /** Collects the worst state and the reasons. */
    private static final class Status {
        final ArrayNode problems = Json.array();
        boolean down;
        boolean degraded;

        void down(String why) {
            down = true;
            problems.add(why);
        }

        void degraded(String why) {
            degraded = true;
            problems.add(why);
        }

        String level() {
            return down ? "DOWN" : degraded ? "DEGRADED" : "OK";
        }
    }
}
