package org.vmsseaman.security.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.apache.felix.webconsole.spi.SecurityProvider;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.vmsseaman.api.security.AuthenticationException;
import org.vmsseaman.api.security.Role;
import org.vmsseaman.api.security.SecurityService;
import org.vmsseaman.api.security.UserSession;

/**
 * The Web Console's security provider: only administrators get in, with the session the
 * {@link AuthenticationPreprocessor} found or with Basic credentials of a VMS Seaman user. Its id
 * ({@value #ID}) is required by the launcher ({@code felix.webconsole.security.providers}), so the console
 * stays unregistered while this provider is missing and its built-in admin/admin never applies.
 */
@Component(
        service = SecurityProvider.class,
        property = {SecurityProvider.PROPERTY_ID + "=" + WebConsoleSecurity.ID, "service.ranking:Integer=1000"})
public final class WebConsoleSecurity implements SecurityProvider {

    static final String ID = "vmsseaman";

    private final SecurityService security;

    @Activate
    public WebConsoleSecurity(@Reference SecurityService security) {
        this.security = security;
    }

    @Override
    public Object authenticate(HttpServletRequest req, HttpServletResponse resp) {
        try {
            Optional<UserSession> session = req.getAttribute(UserSession.REQUEST_ATTRIBUTE) instanceof UserSession s
                    ? Optional.of(s)
                    : HttpCredentials.authenticate(security, req, resp);
            if (session.isEmpty()) {
                HttpCredentials.unauthorized(resp, true, "the Web Console needs an administrator's credentials");
                return null;
            }
            if (!session.get().role().includes(Role.ADMIN)) {
                HttpCredentials.error(resp, 403, "Forbidden", "the Web Console needs role admin", Role.ADMIN.label());
                return null;
            }
            return session.get();
        } catch (AuthenticationException e) {
            try {
                HttpCredentials.unauthorized(resp, true, e.getMessage());
            } catch (IOException io) {
                throw new UncheckedIOException(io);
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean authorize(Object user, String role) {
        return user instanceof UserSession s && s.role().includes(Role.ADMIN);
    }

    @Override
    public void logout(HttpServletRequest req, HttpServletResponse resp) {
        if (req.getAttribute(UserSession.REQUEST_ATTRIBUTE) instanceof UserSession s) {
            security.logout(s.token());
        }
    }
}
