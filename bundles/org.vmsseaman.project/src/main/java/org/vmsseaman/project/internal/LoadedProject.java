package org.vmsseaman.project.internal;

import java.nio.file.Path;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.vmsseaman.api.project.ProjectException;
import org.vmsseaman.api.project.ProjectService;
import org.vmsseaman.api.project.VesselProject;

/**
 * The {@link ProjectService} of a project that passed validation. A factory component: only
 * {@link ProjectLoader} creates it, and only for a valid project, so the service never exists for
 * an invalid one and nothing that needs a project starts half-configured.
 */
@Component(factory = LoadedProject.FACTORY, service = ProjectService.class)
public final class LoadedProject implements ProjectService {
    /** The component factory name. */
    static final String FACTORY = "org.vmsseaman.project.loaded";
    /** Component property carrying the project; the leading dot keeps it out of the service properties. */
    static final String PROJECT = ".project";

    private final ProjectReader reader = new ProjectReader();
    private final VesselProject project;

    @Activate
    public LoadedProject(Map<String, Object> properties) {
        this((VesselProject) properties.get(PROJECT));
    }

    LoadedProject(VesselProject project) {
        this.project = project;
    }

    @Override
    public VesselProject project() {
        return project;
    }

    @Override
    public VesselProject validate(Path file) throws ProjectException {
        return reader.read(file);
    }
}
