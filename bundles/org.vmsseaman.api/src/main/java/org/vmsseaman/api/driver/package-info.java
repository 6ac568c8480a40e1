/**
 * Driver SPI: what a protocol driver bundle implements. See {@link org.vmsseaman.api.driver.Driver} for the full contract.
 */
@Export
@Version("1.1.0")
package org.vmsseaman.api.driver;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
