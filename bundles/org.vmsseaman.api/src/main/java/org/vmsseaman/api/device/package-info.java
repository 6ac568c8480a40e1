/**
 * What the platform hands a driver for each device (configuration and a sink for values and status), the device
 * status service and setpoint writes ({@link org.vmsseaman.api.device.TagWriter}).
 */
@Export
@Version("1.1.0")
package org.vmsseaman.api.device;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
