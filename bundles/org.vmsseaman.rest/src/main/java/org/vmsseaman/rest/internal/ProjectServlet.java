package org.vmsseaman.rest.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.vmsseaman.api.project.AlarmDefinition;
import org.vmsseaman.api.project.DeviceDefinition;
import org.vmsseaman.api.project.ProjectService;
import org.vmsseaman.api.project.SystemGroup;
import org.vmsseaman.api.project.TagBinding;
import org.vmsseaman.api.project.VesselProject;
import org.vmsseaman.api.tag.TagDefinition;

/** {@code GET /project}: the loaded vessel project (vessel, systems, devices, tags with bindings, alarms). */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/project")
@HttpWhiteboardServletName("vmsseaman-project")
public final class ProjectServlet extends JsonServlet {
    private static final long serialVersionUID = 1L;

    private final transient ProjectService projectService;

    @Activate
    public ProjectServlet(@Reference ProjectService projectService) {
        this.projectService = projectService;
    }

    @Override
    Set<String> parameters(HttpServletRequest req) {
        return Set.of();
    }

    @Override
    void get(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Json.write(resp, 200, render(projectService.project()));
    }

    static ObjectNode render(VesselProject p) {
        ObjectNode n = Json.object();
        n.put("schemaVersion", p.schemaVersion());
        n.put("source", p.source());
        n.set("vessel", Json.MAPPER.valueToTree(p.vessel()));
        ArrayNode systems = n.putArray("systems");
        for (SystemGroup s : p.systems()) {
            systems.add(Json.MAPPER.valueToTree(s));
        }
        ArrayNode devices = n.putArray("devices");
        for (DeviceDefinition d : p.devices()) {
            devices.add(Json.MAPPER.valueToTree(d));
        }
        Map<String, TagBinding> bindings = new HashMap<>();
        p.bindings().forEach(b -> bindings.put(b.tagId(), b));
        ArrayNode tags = n.putArray("tags");
        for (TagDefinition t : p.tags()) {
            ObjectNode tag = Json.tag(t, null);
            ObjectNode historian = tag.putObject("historian");
            historian.put("enabled", t.historian().enabled());
            historian.put("deadband", t.historian().deadband());
            historian.put("maxIntervalSeconds", Json.seconds(t.historian().maxInterval()));
            tag.put("expectedIntervalSeconds", Json.seconds(t.expectedInterval()));
            TagBinding b = bindings.get(t.id());
            if (b != null) {
                ObjectNode source = tag.putObject("source");
                source.put("device", b.deviceId());
                source.set("address", Json.MAPPER.valueToTree(b.address()));
            }
            tags.add(tag);
        }
        ArrayNode alarms = n.putArray("alarms");
        for (AlarmDefinition a : p.alarms()) {
            ObjectNode alarm = alarms.addObject();
            alarm.put("id", a.id());
            alarm.put("tagId", a.tagId());
            alarm.put("kind", a.kind().label());
            alarm.put("operator", a.operator());
            alarm.put("setpoint", a.setpoint());
            alarm.put("referenceTag", a.referenceTag());
            alarm.put("priority", a.priority().label());
            alarm.put("group", a.group());
            alarm.put("onDelaySeconds", Json.seconds(a.onDelay()));
            alarm.put("offDelaySeconds", Json.seconds(a.offDelay()));
            alarm.put("deadband", a.deadband());
            alarm.put("ackRequired", a.ackRequired());
            alarm.put("message", a.message());
            alarm.put("suppressedBy", a.suppressedBy());
        }
        return n;
    }
}
