package org.vmsseaman.project.internal;

import java.nio.file.Path;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vmsseaman.api.project.ProjectException;
import org.vmsseaman.api.project.ProjectProblem;
import org.vmsseaman.api.project.ProjectService;
import org.vmsseaman.api.project.VesselProject;

/**
 * Loads and validates the vessel project on activation and provides it as the
 * {@link ProjectService}. An invalid project fails activation, so the service is never registered
 * half-configured.
 */
@Component(service = ProjectService.class, configurationPid = ProjectLoader.PID, immediate = true)
@Designate(ocd = ProjectConfig.class)
public final class ProjectLoader implements ProjectService {
    /** Configuration PID. */
    public static final String PID = "org.vmsseaman.project";
    /** Framework property naming the project file when the configuration does not. */
    public static final String FILE_PROPERTY = "vmsseaman.project.file";
    /** The built-in project used when no file is configured. */
    public static final String DEMO_RESOURCE = "demo-vessel.vmsproj";

    private final Logger logger = LoggerFactory.getLogger(ProjectLoader.class);
    private final ProjectReader reader = new ProjectReader();
    private final VesselProject project;

    @Activate
    public ProjectLoader(ProjectConfig config, BundleContext context) throws ProjectException {
        this(config.file(), context.getProperty(FILE_PROPERTY));
    }

    /**
     * Loads the configured file, else the framework property's file, else the demo vessel.
     *
     * @throws ProjectException after logging every problem at ERROR
     */
    ProjectLoader(String configuredFile, String frameworkFile) throws ProjectException {
        String file = firstNonBlank(configuredFile, frameworkFile);
        String source = file == null ? ProjectReader.DEMO_PREFIX + DEMO_RESOURCE : file;
        try {
            project = file == null ? reader.readBuiltIn(DEMO_RESOURCE) : reader.read(Path.of(file));
        } catch (ProjectException e) {
            logger.error("Vessel project {} refused: {} problem(s); nothing that needs a project will start",
                    source, e.problems().size());
            for (ProjectProblem p : e.problems()) {
                logger.error("{}", p);
            }
            throw e;
        }
        logger.info("Loaded vessel project '{}' from {}: {} systems, {} tags, {} alarms, {} devices",
                project.vessel().name(), project.source(), project.systems().size(), project.tags().size(),
                project.alarms().size(), project.devices().size());
    }

    @Override
    public VesselProject project() {
        return project;
    }

    @Override
    public VesselProject validate(Path file) throws ProjectException {
        return reader.read(file);
    }

    private static String firstNonBlank(String... candidates) {
        for (String c : candidates) {
            if (c != null && !c.isBlank()) {
                return c.trim();
            }
        }
        return null;
    }
}
