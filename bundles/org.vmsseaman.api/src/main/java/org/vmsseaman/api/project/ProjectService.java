package org.vmsseaman.api.project;

import java.nio.file.Path;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Holds the loaded vessel project. The service is registered only once a project has been loaded
 * and validated, so nothing starts half-configured: a component that references it starts with a
 * complete project or not at all.
 */
@ProviderType
public interface ProjectService {

    /** The loaded project. */
    VesselProject project();

    /**
     * Parses and validates a project file without loading it.
     *
     * @throws ProjectException listing every problem, each with file, JSON path, line and message
     */
    VesselProject validate(Path file) throws ProjectException;
}
