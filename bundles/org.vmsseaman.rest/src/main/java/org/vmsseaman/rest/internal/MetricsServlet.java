package org.vmsseaman.rest.internal;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.vmsseaman.api.alarm.Alarm;
import org.vmsseaman.api.alarm.AlarmKpi;
import org.vmsseaman.api.alarm.AlarmService;
import org.vmsseaman.api.alarm.AlarmState;
import org.vmsseaman.api.device.ConnectionState;
import org.vmsseaman.api.device.DeviceRegistry;
import org.vmsseaman.api.device.DeviceStatus;
import org.vmsseaman.api.historian.Historian;
import org.vmsseaman.api.historian.HistorianStats;
import org.vmsseaman.api.project.AlarmPriority;
import org.vmsseaman.api.tag.Quality;
import org.vmsseaman.api.tagstore.SubscriberStats;
import org.vmsseaman.api.tagstore.TagStore;
import org.vmsseaman.api.tagstore.TagStoreStats;

/**
 * {@code GET /metrics} (any role): the runtime's figures in Prometheus text format — tag store (tags by quality,
 * updates, subscribers' lag and losses), historian (samples in and committed, backlog, commit age and duration,
 * file size, bytes per sample, oldest sample), alarms (by state and priority, KPIs), devices (state, values),
 * realtime connections and the JVM. A part whose service is not running is left out; {@code vmsseaman_up}
 * says which.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/metrics")
@HttpWhiteboardServletName("vmsseaman-metrics")
public final class MetricsServlet extends JsonServlet {
    private static final long serialVersionUID = 1L;

    private final transient TagStore tagStore;
    private final transient RealtimeHub realtime;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Historian historian;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile AlarmService alarms;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile DeviceRegistry devices;

    @Activate
    public MetricsServlet(@Reference TagStore tagStore, @Reference RealtimeHub realtime) {
        this.tagStore = tagStore;
        this.realtime = realtime;
    }

    @Override
    Set<String> parameters(HttpServletRequest req) {
        return Set.of();
    }

    @Override
    void get(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        byte[] body = render().getBytes(StandardCharsets.UTF_8);
        resp.setStatus(200);
        resp.setContentType(PrometheusText.CONTENT_TYPE);
        resp.setHeader("Cache-Control", "no-store");
        resp.setContentLength(body.length);
        resp.getOutputStream().write(body);
    }

    String render() {
        PrometheusText m = new PrometheusText();
        Historian h = historian;
        AlarmService a = alarms;
        DeviceRegistry d = devices;
        m.family("vmsseaman_up", "gauge", "1 if the part is running, 0 if not");
        m.sample("vmsseaman_up", 1, "part", "tagstore");
        m.sample("vmsseaman_up", h == null ? 0 : 1, "part", "historian");
        m.sample("vmsseaman_up", a == null ? 0 : 1, "part", "alarms");
        m.sample("vmsseaman_up", d == null ? 0 : 1, "part", "devices");
        tagStore(m, tagStore.stats());
        if (h != null) {
            historian(m, h.stats());
        }
        if (a != null) {
            alarms(m, a);
        }
        if (d != null) {
            devices(m, d);
        }
        m.gauge(
                "vmsseaman_realtime_connections",
                "WebSocket connections, including those inside their resume window",
                realtime.connectionCount());
        jvm(m);
        return m.toString();
    }

    private static void tagStore(PrometheusText m, TagStoreStats s) {
        m.gauge("vmsseaman_tags", "Defined tags", s.tagCount());
        m.family("vmsseaman_tags_by_quality", "gauge", "Tags by current quality");
        for (Quality q : Quality.values()) {
            m.sample("vmsseaman_tags_by_quality", s.byQuality().getOrDefault(q, 0), "quality", q.name());
        }
        m.counter("vmsseaman_tagstore_updates_total", "Updates accepted by the tag store", s.updates());
        m.counter("vmsseaman_tagstore_rejected_total", "Updates refused by the tag store", s.rejected());
        m.gauge("vmsseaman_tagstore_update_rate", "Updates accepted per second, recent average", s.updateRate());
        m.family("vmsseaman_subscriber_delivered_total", "counter", "Updates delivered to a subscriber");
        m.family("vmsseaman_subscriber_lag", "gauge", "Updates waiting for a subscriber");
        m.family("vmsseaman_subscriber_dropped_total", "counter", "Updates a subscriber lost");
        m.family(
                "vmsseaman_subscriber_coalesced_total", "counter", "Updates replaced by a newer value before delivery");
        m.family("vmsseaman_subscriber_failures_total", "counter", "Deliveries that threw");
        for (SubscriberStats sub : s.subscribers()) {
            String[] l = {"subscriber", sub.name(), "mode", sub.mode().name()};
            m.sample("vmsseaman_subscriber_delivered_total", sub.delivered(), l);
            m.sample("vmsseaman_subscriber_lag", sub.lag(), l);
            m.sample("vmsseaman_subscriber_dropped_total", sub.dropped(), l);
            m.sample("vmsseaman_subscriber_coalesced_total", sub.coalesced(), l);
            m.sample("vmsseaman_subscriber_failures_total", sub.failures(), l);
        }
    }

    private static void historian(PrometheusText m, HistorianStats s) {
        m.counter("vmsseaman_historian_received_total", "Samples the historian accepted", s.received());
        m.counter("vmsseaman_historian_stored_total", "Samples committed to the database", s.stored());
        m.counter("vmsseaman_historian_lost_total", "Samples lost (never expected to be above 0)", s.lost());
        m.gauge("vmsseaman_historian_backlog", "Samples accepted and not yet committed", s.backlog());
        m.gauge("vmsseaman_historian_received_rate", "Samples accepted per second", s.receivedPerSecond());
        m.gauge("vmsseaman_historian_stored_rate", "Samples committed per second", s.storedPerSecond());
        if (s.lastCommitTime() > 0) {
            m.gauge(
                    "vmsseaman_historian_last_commit_timestamp_seconds",
                    "Time of the last commit",
                    s.lastCommitTime() / 1e6);
        }
        m.gauge(
                "vmsseaman_historian_last_commit_duration_seconds",
                "How long the last commit took",
                s.lastCommitMillis() / 1e3);
        m.gauge("vmsseaman_historian_file_bytes", "Size of the database file", s.fileBytes());
        m.gauge("vmsseaman_historian_samples", "Samples stored", s.totalSamples());
        m.gauge("vmsseaman_historian_bytes_per_sample", "File size divided by samples stored", s.fileBytesPerSample());
        if (s.totalSamples() > 0) {
            m.gauge(
                    "vmsseaman_historian_oldest_sample_timestamp_seconds",
                    "Time of the oldest sample kept",
                    s.oldestSample() / 1e6);
        }
    }

    private static void alarms(PrometheusText m, AlarmService a) {
        Map<AlarmState, Map<AlarmPriority, Integer>> counts = new EnumMap<>(AlarmState.class);
        for (Alarm alarm : a.alarms()) {
            counts.computeIfAbsent(alarm.state(), s -> new EnumMap<>(AlarmPriority.class))
                    .merge(alarm.priority(), 1, Integer::sum);
        }
        m.family("vmsseaman_alarms", "gauge", "Alarms not normal, by state and priority");
        for (AlarmState state : AlarmState.values()) {
            if (state == AlarmState.NORMAL) {
                continue;
            }
            for (AlarmPriority p : AlarmPriority.values()) {
                int n = counts.getOrDefault(state, Map.of()).getOrDefault(p, 0);
                m.sample("vmsseaman_alarms", n, "state", state.name(), "priority", p.name());
            }
        }
        AlarmKpi k = a.kpi();
        m.gauge("vmsseaman_alarm_activations_10m", "Alarm activations in the last 10 minutes", k.last10Minutes());
        m.gauge("vmsseaman_alarm_activations_24h", "Alarm activations in the last 24 hours", k.last24Hours());
        m.gauge("vmsseaman_alarm_flood", "1 during an alarm flood (more than 10 in 10 minutes)", k.flood() ? 1 : 0);
        m.gauge(
                "vmsseaman_alarm_chattering",
                "Chattering alarms",
                k.chattering().size());
        m.gauge("vmsseaman_alarm_standing", "Standing alarms", k.standing().size());
        m.gauge("vmsseaman_alarm_unacknowledged", "Unacknowledged alarms", k.unacknowledged());
        m.gauge(
                "vmsseaman_engineer_call_stage",
                "Engineer call stage: 0 none, 1 duty engineer, 2 all engineers and the bridge",
                a.engineerCall().stage().ordinal());
    }

    private static void devices(PrometheusText m, DeviceRegistry r) {
        m.family("vmsseaman_device_state", "gauge", "1 for the device's current connection state");
        m.family("vmsseaman_device_updates_total", "counter", "Values accepted from the device");
        m.family("vmsseaman_device_rejected_total", "counter", "Values refused from the device");
        for (DeviceStatus d : r.devices()) {
            for (ConnectionState s : ConnectionState.values()) {
                m.sample("vmsseaman_device_state", d.state() == s ? 1 : 0, "device", d.deviceId(), "state", s.name());
            }
            m.sample("vmsseaman_device_updates_total", d.updates(), "device", d.deviceId());
            m.sample("vmsseaman_device_rejected_total", d.rejected(), "device", d.deviceId());
        }
    }

    private static void jvm(PrometheusText m) {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        m.gauge("jvm_memory_heap_used_bytes", "Heap in use", heap.getUsed());
        m.gauge("jvm_memory_heap_max_bytes", "Maximum heap", heap.getMax());
        m.gauge(
                "jvm_threads",
                "Live threads",
                ManagementFactory.getThreadMXBean().getThreadCount());
        m.gauge(
                "process_uptime_seconds",
                "Time since the JVM started",
                ManagementFactory.getRuntimeMXBean().getUptime() / 1e3);
    }
}
