package org.vmsseaman.api.driver;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Component property type that sets {@value Driver#PROTOCOL} on a driver component:
 * {@code @Component(service = Driver.class) @DriverProtocol("modbus-tcp")}.
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface DriverProtocol {
    /** Prefix that turns the annotation name into the property {@value Driver#PROTOCOL}. */
    String PREFIX_ = "vmsseaman.";

    /** The protocol name. */
    String value();
}
