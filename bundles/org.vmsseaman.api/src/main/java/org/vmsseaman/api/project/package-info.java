/**
 * The vessel project model (vessel, systems, tags, alarms, devices, bindings) and the service that holds the loaded project.
 */
@Export
@Version("1.0.0")
package org.vmsseaman.api.project;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
