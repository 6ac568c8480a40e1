package org.vmsseaman.rest.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.vmsseaman.api.device.DeviceRegistry;
import org.vmsseaman.api.driver.Driver;

/**
 * Driver and device status (any role).
 *
 * <ul>
 *   <li>{@code GET /devices}, {@code GET /devices/{id}} — each project device's connection state, detail, since
 *       when, tag count, values accepted and refused, and the driver bundle serving it
 *   <li>{@code GET /drivers} — the installed driver bundles: every bundle that registers a {@link Driver} or was
 *       installed from the {@code deploy/} folder, with version, bundle state, the protocols it serves and whether
 *       it is the one in use for each
 * </ul>
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern({"/devices", "/devices/*", "/drivers"})
@HttpWhiteboardServletName("vmsseaman-devices")
public final class DevicesServlet extends JsonServlet {
    private static final long serialVersionUID = 1L;

    /** FileInstall's bundle locations of the hot-swappable folder end in {@code /deploy/<file>.jar}. */
    private static final String DEPLOY_FOLDER = "/deploy/";

    private final transient BundleContext context;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile DeviceRegistry registry;

    @Activate
    public DevicesServlet(BundleContext context) {
        this.context = context;
    }

    @Override
    Set<String> parameters(HttpServletRequest req) {
        return Set.of();
    }

    @Override
    void get(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (req.getServletPath().equals("/drivers")) {
            if (req.getPathInfo() != null && !req.getPathInfo().equals("/")) {
                throw new NotFound("no resource " + req.getRequestURI());
            }
            Json.write(resp, 200, drivers());
            return;
        }
        DeviceRegistry r = registry;
        if (r == null) {
            throw new Unavailable("device binding is not running");
        }
        String path = req.getPathInfo();
        if (path == null || path.equals("/")) {
            ArrayNode out = Json.array();
            r.devices().forEach(d -> out.add(Json.device(d)));
            Json.write(resp, 200, out);
            return;
        }
        String id = path.substring(1);
        Json.write(resp, 200, Json.device(r.device(id).orElseThrow(() -> new NotFound("unknown device '" + id + "'"))));
    }

    private ArrayNode drivers() {
        Map<Long, ObjectNode> byBundle = new TreeMap<>();
        Map<String, ServiceReference<Driver>> inUse = new TreeMap<>();
        for (ServiceReference<Driver> ref : driverServices()) {
            Bundle b = ref.getBundle();
            if (b == null) {
                continue; // unregistered meanwhile
            }
            ObjectNode n = byBundle.computeIfAbsent(b.getBundleId(), id -> bundle(b));
            Object protocol = ref.getProperty(Driver.PROTOCOL);
            ObjectNode p = ((ArrayNode) n.get("protocols")).addObject();
            p.put("protocol", String.valueOf(protocol));
            p.put("serviceId", (Long) ref.getProperty(org.osgi.framework.Constants.SERVICE_ID));
            if (protocol instanceof String name) {
                inUse.merge(name, ref, (a, c) -> a.compareTo(c) >= 0 ? a : c);
            }
        }
        for (Bundle b : context.getBundles()) {
            if (b.getLocation().contains(DEPLOY_FOLDER)
                    || b.getSymbolicName() != null && b.getSymbolicName().startsWith("org.vmsseaman.driver.")) {
                byBundle.computeIfAbsent(b.getBundleId(), id -> bundle(b));
            }
        }
        // the platform uses the highest-ranked driver per protocol (Driver's contract)
        for (ObjectNode n : byBundle.values()) {
            for (var p : n.get("protocols")) {
                ServiceReference<Driver> used = inUse.get(p.get("protocol").asText());
                ((ObjectNode) p)
                        .put(
                                "inUse",
                                used != null
                                        && used.getProperty(org.osgi.framework.Constants.SERVICE_ID)
                                                .equals(p.get("serviceId").asLong()));
            }
        }
        ArrayNode out = Json.array();
        byBundle.values().stream()
                .sorted(Comparator.comparing(n -> n.get("symbolicName").asText()))
                .forEach(out::add);
        return out;
    }

    private java.util.Collection<ServiceReference<Driver>> driverServices() {
        try {
            return context.getServiceReferences(Driver.class, null);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e); // no filter given
        }
    }

    private static ObjectNode bundle(Bundle b) {
        ObjectNode n = Json.object();
        n.put("symbolicName", b.getSymbolicName());
        n.put("version", b.getVersion().toString());
        n.put("bundleId", b.getBundleId());
        n.put("state", HealthServlet.state(b.getState()));
        n.put("location", b.getLocation().contains(DEPLOY_FOLDER) ? "deploy" : "bundle");
        n.put(
                "lastModified",
                java.time.Instant.ofEpochMilli(b.getLastModified()).toString());
        n.putArray("protocols");
        return n;
    }
}
