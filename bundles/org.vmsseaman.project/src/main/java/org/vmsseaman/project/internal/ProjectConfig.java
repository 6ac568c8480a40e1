package org.vmsseaman.project.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the project loader (PID {@value ProjectLoader#PID}). */
@ObjectClassDefinition(
        name = "VMS Seaman vessel project",
        description = "Which vessel project file is loaded at start.")
public @interface ProjectConfig {

    @AttributeDefinition(
            name = "Project file",
            description = "Path of the *.vmsproj file. Empty: the framework property vmsseaman.project.file if set,"
                    + " else the built-in demo vessel.")
    String file() default "";
}
