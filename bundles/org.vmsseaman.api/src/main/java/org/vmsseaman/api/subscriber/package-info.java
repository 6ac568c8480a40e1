/**
 * Callbacks implemented by tag store subscribers (historian, alarm engine, screens, bridges).
 */
@Export
@Version("1.0.0")
package org.vmsseaman.api.subscriber;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
