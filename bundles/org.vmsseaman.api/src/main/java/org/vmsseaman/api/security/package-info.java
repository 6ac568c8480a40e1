/**
 * Users, roles, sessions and the audit trail (IACS UR E27: user identification, role-based access, session
 * lock, audit records). {@link org.vmsseaman.api.security.SecurityService} authenticates and manages users;
 * {@link org.vmsseaman.api.security.AuditTrail} stores who did what. Both are provided by the platform.
 */
@Export
@Version("1.0.0")
package org.vmsseaman.api.security;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
