/**
 * Tag model: definitions, values, quality and data types. Immutable values that cross bundles.
 */
@Export
@Version("1.0.0")
package org.vmsseaman.api.tag;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
