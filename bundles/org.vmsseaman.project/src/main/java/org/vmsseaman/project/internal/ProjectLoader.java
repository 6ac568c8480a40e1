package org.vmsseaman.project.internal;

import java.nio.file.Path;
import java.util.Hashtable;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.ComponentFactory;
import org.osgi.service.component.ComponentInstance;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vmsseaman.api.project.ProjectException;
import org.vmsseaman.api.project.ProjectProblem;
import org.vmsseaman.api.project.VesselProject;

/**
 * Loads and validates the configured vessel project once per configuration, and creates the
 * {@link LoadedProject} service only if it is valid. A refused project is logged once, every
 * problem on its own line; the component itself stays active, so nothing retries and nothing that
 * needs a project is started only to fail.
 */
@Component(
        configurationPid = ProjectLoader.PID,
        immediate = true,
        service = {})
@Designate(ocd = ProjectConfig.class)
public final class ProjectLoader {
    /** Configuration PID. */
    public static final String PID = "org.vmsseaman.project";
    /** Framework property naming the project file when the configuration does not. */
    public static final String FILE_PROPERTY = "vmsseaman.project.file";
    /** The built-in project used when no file is configured. */
    public static final String DEMO_RESOURCE = "demo-vessel.vmsproj";

    private final Logger logger = LoggerFactory.getLogger(ProjectLoader.class);
    private final ComponentInstance<LoadedProject> instance; // null when the project was refused

    @Activate
    public ProjectLoader(
            ProjectConfig config,
            BundleContext context,
            @Reference(target = "(component.factory=" + LoadedProject.FACTORY + ")")
                    ComponentFactory<LoadedProject> factory) {
        VesselProject project = loadOrLog(config.file(), context.getProperty(FILE_PROPERTY));
        if (project == null) {
            instance = null;
            return;
        }
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(LoadedProject.PROJECT, project);
        properties.put("vmsseaman.project.source", project.source());
        instance = factory.newInstance(properties);
    }

    @Deactivate
    void deactivate() {
        if (instance != null) {
            instance.dispose();
        }
    }

    private VesselProject loadOrLog(String configuredFile, String frameworkFile) {
        try {
            VesselProject project = load(configuredFile, frameworkFile);
            logger.info(
                    "Loaded vessel project '{}' from {}: {} systems, {} tags, {} alarms, {} devices",
                    project.vessel().name(),
                    project.source(),
                    project.systems().size(),
                    project.tags().size(),
                    project.alarms().size(),
                    project.devices().size());
            return project;
        } catch (ProjectException e) {
            logger.error(
                    "Vessel project {} refused: {} problem(s); nothing that needs a project will start",
                    source(configuredFile, frameworkFile),
                    e.problems().size());
            for (ProjectProblem p : e.problems()) {
                logger.error("{}", p);
            }
            return null;
        }
    }

    /**
     * Reads the configured file, else the framework property's file, else the demo vessel.
     *
     * @throws ProjectException listing every problem
     */
    static VesselProject load(String configuredFile, String frameworkFile) throws ProjectException {
        String file = firstNonBlank(configuredFile, frameworkFile);
        ProjectReader reader = new ProjectReader();
        return file == null ? reader.readBuiltIn(DEMO_RESOURCE) : reader.read(Path.of(file));
    }

    private static String source(String configuredFile, String frameworkFile) {
        String file = firstNonBlank(configuredFile, frameworkFile);
        return file == null ? ProjectReader.DEMO_PREFIX + DEMO_RESOURCE : file;
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
