package org.vmsseaman.driver.simulator.internal.fault;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.vmsseaman.api.tag.Quality;

/** Configuration of one simulated fault (factory PID {@value #PID}). */
@ObjectClassDefinition(
        id = FaultConfig.PID,
        name = "VMS Seaman simulated fault",
        description = "A fault the simulator driver injects into simulated devices, for testing alarms and screens.")
public @interface FaultConfig {

    /** The factory configuration PID. */
    String PID = "org.vmsseaman.driver.simulator.fault";

    @AttributeDefinition(
            name = "Device",
            description = "Id of the simulated device the fault applies to; empty for every simulator device.")
    String device() default "";

    @AttributeDefinition(
            name = "Tags",
            description =
                    "Glob of the tag ids the fault applies to ('*' any characters, '?' one), e.g. me.exhaust.*; empty for all tags of the device. Ignored by OFFLINE.")
    String tags() default "";

    @AttributeDefinition(name = "Type", description = "FROZEN, SPIKE, OUT_OF_RANGE, BAD_QUALITY, OFFLINE or CHATTER.")
    FaultType type() default FaultType.FROZEN;

    @AttributeDefinition(
            name = "Start delay (s)",
            description = "Seconds of simulated time after the device first sees the fault before it takes effect.")
    double startDelaySeconds() default 0;

    @AttributeDefinition(
            name = "Duration (s)",
            description = "Seconds the fault lasts once started; 0 until the configuration is removed.")
    double durationSeconds() default 0;

    @AttributeDefinition(
            name = "Magnitude",
            description =
                    "SPIKE: height above the normal maximum, in normal spans. OUT_OF_RANGE: target as a fraction of the normal range (2 = one span above the maximum, -0.5 = half a span below the minimum).")
    double magnitude() default 2.0;

    @AttributeDefinition(
            name = "Period (s)",
            description =
                    "SPIKE: seconds between spikes (0 = a single spike). OUT_OF_RANGE: seconds of the ramp to the target (0 = jump).")
    double periodSeconds() default 10;

    @AttributeDefinition(
            name = "Quality",
            description = "BAD_QUALITY: the quality published with the last value; must not be GOOD.")
    Quality quality() default Quality.BAD_SENSOR_FAILURE;
}
