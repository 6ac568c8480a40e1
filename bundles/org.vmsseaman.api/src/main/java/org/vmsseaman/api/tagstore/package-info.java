/**
 * The live tag store service: current values, definitions, subscriptions and statistics. Provided by the platform.
 */
@Export
@Version("1.1.0")
package org.vmsseaman.api.tagstore;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
