package org.vmsseaman.rest.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.vmsseaman.api.security.AuditEntry;
import org.vmsseaman.api.security.AuditTrail;
import org.vmsseaman.api.security.Role;

/**
 * {@code GET /audit?since&until&limit} (role engineer): the audit trail, oldest first, default the last 24 hours
 * and 1000 entries. Read only: every other method is answered 405.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/audit")
@HttpWhiteboardServletName("vmsseaman-audit")
public final class AuditServlet extends JsonServlet {
    private static final long serialVersionUID = 1L;

    static final int DEFAULT_LIMIT = 1000;
    private static final Set<String> PARAMETERS = Set.of("since", "until", "limit");

    private final transient AuditTrail trail;

    /**
     * The audit trail is a static optional reference: this servlet, which serves nothing else, is re-registered
     * when it comes or goes, and answers 503 while there is none.
     */
    @Activate
    public AuditServlet(
            @Reference(
                            name = "auditTrail",
                            cardinality = ReferenceCardinality.OPTIONAL,
                            policyOption = ReferencePolicyOption.GREEDY)
                    AuditTrail trail) {
        this.trail = trail;
    }

    @Override
    Set<String> parameters(HttpServletRequest req) {
        return PARAMETERS;
    }

    @Override
    void get(HttpServletRequest req, HttpServletResponse resp) throws IOException, BadRequest {
        require(req, Role.ENGINEER, "reading the audit trail");
        HistoryQuery.Window w = HistoryQuery.window(req, Duration.ofHours(24), DEFAULT_LIMIT);
        if (trail == null) {
            throw new Unavailable("the audit trail (kept by the historian) is not running");
        }
        ArrayNode out = Json.array();
        for (AuditEntry e : trail.read(w.since(), w.until(), w.limit())) {
            out.add(entry(e));
        }
        Json.write(resp, 200, out);
    }

    private static ObjectNode entry(AuditEntry e) {
        ObjectNode n = Json.object();
        n.put("time", e.time().toString());
        n.put("user", e.user());
        n.put("action", e.action());
        n.put("target", e.target());
        n.put("outcome", e.outcome().name());
        n.put("detail", e.detail());
        n.put("remoteAddress", e.remoteAddress());
        return n;
    }
}
