package org.vmsseaman.rest.internal;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/** Answers any path no other servlet serves with a JSON 404 that lists the endpoints. */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/")
@HttpWhiteboardServletName("vmsseaman-not-found")
public final class NotFoundServlet extends JsonServlet {
    private static final long serialVersionUID = 1L;

    @Override
    Set<String> parameters(HttpServletRequest req) {
        return Set.of();
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Json.error(
                resp,
                404,
                "Not Found",
                "no resource " + req.getRequestURI()
                        + " (endpoints: /health, /auth/login, /auth/me, /auth/logout, /project, /tags, /tags/{id},"
                        + " /tags/{id}/history, /history, /history/export, /alarms, /audit, /users, /ws/realtime, /system/console)",
                null);
    }

    @Override
    void get(HttpServletRequest req, HttpServletResponse resp) {
        // service() answers everything
    }
}
