package org.vmsseaman.rest.internal;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * {@code GET /openapi.json} (any role): the OpenAPI 3 description of the REST API, kept beside the servlets
 * ({@code openapi/openapi.json} in this bundle) and checked against what is actually served by the
 * integration test {@code OpenApiIT}.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/openapi.json")
@HttpWhiteboardServletName("vmsseaman-openapi")
public final class OpenApiServlet extends JsonServlet {
    private static final long serialVersionUID = 1L;

    static final String RESOURCE = "/openapi/openapi.json";

    @Override
    Set<String> parameters(HttpServletRequest req) {
        return Set.of();
    }

    @Override
    void get(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        byte[] doc;
        try (InputStream in = OpenApiServlet.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the bundle");
            }
            doc = in.readAllBytes();
        }
        resp.setStatus(200);
        resp.setContentType("application/json");
        resp.setCharacterEncoding("UTF-8");
        resp.setContentLength(doc.length);
        resp.getOutputStream().write(doc);
    }
}
