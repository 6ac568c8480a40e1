/**
 * What the platform hands a driver for each device (configuration and a sink for values and status), and the device status service.
 */
@Export
@Version("1.0.0")
package org.vmsseaman.api.device;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
