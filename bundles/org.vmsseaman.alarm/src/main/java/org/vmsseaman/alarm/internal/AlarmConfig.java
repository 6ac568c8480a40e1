package org.vmsseaman.alarm.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the alarm engine (PID {@code org.vmsseaman.alarm}). */
@ObjectClassDefinition(
        name = "VMS Seaman alarm engine",
        description = "Alarm states, escalation (engineer call, Bridge Alert Management), watch timer and journal.")
public @interface AlarmConfig {

    @AttributeDefinition(
            name = "Journal folder",
            description = "Folder of the alarm journal. Empty: <vmsseaman.home>/data/alarms, else ./data/alarms.")
    String journalDirectory() default "";

    @AttributeDefinition(
            name = "Engineer call after (s)",
            description = "An alarm or emergency alarm not acknowledged within this time calls the duty engineer.")
    long engineerCallDelaySeconds() default 180;

    @AttributeDefinition(
            name = "Engineer call per group",
            description = "Times that differ per alarm group, as group=seconds, e.g. fire=60.")
    String[] groupEngineerCallDelays() default {};

    @AttributeDefinition(
            name = "All engineers and bridge after (s)",
            description = "Time the duty engineer has before all engineers and the bridge are called.")
    long allEngineersDelaySeconds() default 120;

    @AttributeDefinition(
            name = "Warning escalation after (s)",
            description = "A warning not acknowledged within this time becomes an alarm (Bridge Alert Management).")
    long warningEscalationSeconds() default 300;

    @AttributeDefinition(name = "Longest shelving (min)", description = "Longest time an alarm can be shelved for.")
    long maxShelveMinutes() default 480;

    @AttributeDefinition(name = "Watch period (min)", description = "Period of the engineer's watch (dead-man) timer.")
    long watchPeriodMinutes() default 27;

    @AttributeDefinition(
            name = "Watch pre-warning (min)",
            description = "How long before the end of the watch period the pre-warning comes.")
    long watchPrewarningMinutes() default 3;

    @AttributeDefinition(
            name = "Sensor-fault alarms",
            description = "Give every tag with alarms an automatic alarm on sensor failure or wire break.")
    boolean sensorFaultAlarms() default true;

    @AttributeDefinition(
            name = "Communication-fault alarms",
            description = "Give every enabled device an automatic alarm when it stops communicating.")
    boolean communicationFaultAlarms() default true;
}
