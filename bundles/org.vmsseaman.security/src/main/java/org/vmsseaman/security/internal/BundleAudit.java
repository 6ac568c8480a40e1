package org.vmsseaman.security.internal;

import java.time.Instant;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.vmsseaman.api.security.AuditEntry;
import org.vmsseaman.api.security.AuditTrail;

/**
 * Records every bundle installed, updated or uninstalled (from {@code deploy/}, the Web Console or the shell)
 * in the audit trail as {@code bundle.installed}, {@code bundle.updated} and {@code bundle.uninstalled}, with
 * the bundle's symbolic name and version as target and its location as detail (IACS UR E27: software changes
 * are audited). The framework does not say who asked, so the user is {@code system}; the Web Console's own
 * requests are audited with their user by the login that preceded them.
 */
@Component(immediate = true)
public final class BundleAudit implements BundleListener {

    static final String USER = "system";

    private final BundleContext context;
    private final AuditBuffer audit = new AuditBuffer();

    @Activate
    public BundleAudit(BundleContext context) {
        this.context = context;
        context.addBundleListener(this);
    }

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindAuditTrail(AuditTrail trail) {
        audit.trail(trail);
    }

    void unbindAuditTrail(AuditTrail trail) {
        audit.noTrail(trail);
    }

    @Deactivate
    void deactivate() {
        context.removeBundleListener(this);
    }

    @Override
    public void bundleChanged(BundleEvent event) {
        String action =
                switch (event.getType()) {
                    case BundleEvent.INSTALLED -> "bundle.installed";
                    case BundleEvent.UPDATED -> "bundle.updated";
                    case BundleEvent.UNINSTALLED -> "bundle.uninstalled";
                    default -> null;
                };
        if (action == null) {
            return;
        }
        Bundle b = event.getBundle();
        audit.append(new AuditEntry(
                Instant.now(),
                USER,
                action,
                b.getSymbolicName() + " " + b.getVersion(),
                AuditEntry.Outcome.SUCCESS,
                b.getLocation(),
                null));
    }
}
