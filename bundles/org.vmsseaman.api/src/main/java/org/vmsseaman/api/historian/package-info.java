/**
 * The historian: every recorded value of every tag, queried raw or in aggregated buckets. Provided by
 * the platform.
 */
@Export
@Version("1.3.0")
package org.vmsseaman.api.historian;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
