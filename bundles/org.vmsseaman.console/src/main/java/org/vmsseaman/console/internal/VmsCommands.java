package org.vmsseaman.console.internal;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.vmsseaman.api.alarm.Alarm;
import org.vmsseaman.api.alarm.AlarmCommandException;
import org.vmsseaman.api.alarm.AlarmService;
import org.vmsseaman.api.device.DeviceRegistry;
import org.vmsseaman.api.device.DeviceStatus;
import org.vmsseaman.api.security.AuditEntry;
import org.vmsseaman.api.security.AuditTrail;
import org.vmsseaman.api.tag.TagDefinition;
import org.vmsseaman.api.tag.TagValue;
import org.vmsseaman.api.tagstore.TagStore;

/**
 * Gogo shell commands in scope {@code vms}, for the engineer at the runtime's own console ({@code --console}):
 * {@code tags [prefix or 'glob']}, {@code tag <id>}, {@code alarms}, {@code ack <alarm>}, {@code devices}. The console is
 * the local operating-system session that started the runtime, so an acknowledgement is given as
 * {@code console:<os user>} and recorded in the audit trail like one over REST. Each command returns its text;
 * a failure is a one-line message, never a stack trace.
 */
@Component(
        service = VmsCommands.class,
        property = {
            "osgi.command.scope=vms",
            "osgi.command.function=tags",
            "osgi.command.function=tag",
            "osgi.command.function=alarms",
            "osgi.command.function=ack",
            "osgi.command.function=devices"
        })
public final class VmsCommands {

    private final TagStore tagStore;

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

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile AuditTrail auditTrail;

    @Activate
    public VmsCommands(@Reference TagStore tagStore) {
        this.tagStore = tagStore;
    }

    /** Every tag: id, value with unit, quality. */
    public String tags() {
        return tags("*");
    }

    /**
     * The tags whose id starts with {@code pattern} ({@code me.lube_oil}), or matches it as a glob with {@code *}
     * and {@code ?} ({@code '*pressure*'}: quote a glob, or the shell expands it as file names first).
     */
    public String tags(String pattern) {
        Pattern p = glob(pattern.contains("*") || pattern.contains("?") ? pattern : pattern + "*");
        StringBuilder out = new StringBuilder();
        List<TagDefinition> defs = tagStore.definitions().stream()
                .filter(d -> p.matcher(d.id()).matches())
                .sorted(Comparator.comparing(TagDefinition::id))
                .toList();
        for (TagDefinition d : defs) {
            TagValue v = tagStore.get(d.id()).orElse(null);
            out.append(String.format(
                    Locale.ROOT, "%-48s %16s %-6s %s%n", d.id(), value(v), d.unit(), v == null ? "" : v.quality()));
        }
        out.append(defs.size()).append(" tag(s)");
        return out.toString();
    }

    /** One tag: definition and live value. */
    public String tag(String id) {
        TagDefinition d = tagStore.definition(id).orElse(null);
        if (d == null) {
            return "no tag '" + id + "' (list them with: vms:tags <pattern>)";
        }
        TagValue v = tagStore.get(id).orElse(null);
        return String.join(
                System.lineSeparator(),
                d.id() + "  " + d.name(),
                "  system      " + d.system(),
                "  type        " + d.dataType().label() + (d.unit().isEmpty() ? "" : " [" + d.unit() + "]"),
                "  normal      "
                        + (d.normalRange() == null
                                ? "-"
                                : d.normalRange().min() + " .. "
                                        + d.normalRange().max()),
                "  writable    " + d.writable(),
                "  value       " + value(v),
                "  quality     " + (v == null ? "-" : v.quality()),
                "  received    " + (v == null || v.receiveTime() == 0 ? "-" : TagValue.toInstant(v.receiveTime())));
    }

    /** Alarms not normal, highest priority first. */
    public String alarms() {
        AlarmService a = alarms;
        if (a == null) {
            return "the alarm engine is not running";
        }
        List<Alarm> list = a.alarms();
        StringBuilder out = new StringBuilder();
        for (Alarm al : list) {
            out.append(String.format(
                    Locale.ROOT,
                    "#%-6d %-40s %-10s %-26s %s%n",
                    al.occurrence(),
                    al.id(),
                    al.priority().label(),
                    al.state().label(),
                    al.message()));
        }
        out.append(list.size()).append(" alarm(s) not normal");
        return out.toString();
    }

    /** Acknowledges an alarm (by id or occurrence number) as the console's user. */
    public String ack(String alarm) {
        AlarmService a = alarms;
        if (a == null) {
            return "the alarm engine is not running";
        }
        String user = consoleUser();
        try {
            Alarm done = a.acknowledge(alarm, user);
            audit(user, alarm, AuditEntry.Outcome.SUCCESS, null);
            return "acknowledged #" + done.occurrence() + " " + done.id() + " as " + user + ": "
                    + done.state().label();
        } catch (AlarmCommandException e) {
            audit(user, alarm, AuditEntry.Outcome.FAILURE, e.getMessage());
            return "not acknowledged: " + e.getMessage();
        }
    }

    /** Each device's connection state and the driver serving it. */
    public String devices() {
        DeviceRegistry r = devices;
        if (r == null) {
            return "device binding is not running";
        }
        StringBuilder out = new StringBuilder();
        for (DeviceStatus d : r.devices()) {
            out.append(String.format(
                    Locale.ROOT,
                    "%-20s %-16s %-15s %6d tags  %s  (%s, since %s)%n",
                    d.deviceId(),
                    d.protocol(),
                    d.state(),
                    d.tagCount(),
                    d.driverBundle().isEmpty() ? "no driver" : d.driverBundle(),
                    d.detail(),
                    d.since()));
        }
        out.append(r.devices().size()).append(" device(s)");
        return out.toString();
    }

    static String consoleUser() {
        return "console:" + System.getProperty("user.name", "unknown");
    }

    private void audit(String user, String alarm, AuditEntry.Outcome outcome, String detail) {
        AuditTrail t = auditTrail;
        if (t != null) {
            try {
                t.append(new AuditEntry(Instant.now(), user, "alarm.ack", alarm, outcome, detail, null));
            } catch (RuntimeException e) {
                // the acknowledgement stands; the trail's own health is reported by the historian
            }
        }
    }

    private static String value(TagValue v) {
        if (v == null || v.value() == null) {
            return "-";
        }
        if (v.value() instanceof Double d) {
            return String.format(Locale.ROOT, "%.3f", d);
        }
        return v.value().toString();
    }

    /** A glob with {@code *} and {@code ?} as a regular expression over the whole id. */
    static Pattern glob(String glob) {
        StringBuilder re = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> re.append(".*");
                case '?' -> re.append('.');
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString());
    }
}
