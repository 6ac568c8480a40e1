package org.vmsseaman.project.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.vmsseaman.api.project.ProjectException;
import org.vmsseaman.api.project.ProjectProblem;

/** Collects the problems of one project file, locating each by its JSON path. */
final class Problems {
    private final String file;
    private final JsonLocations locations;
    private final Set<ProjectProblem> problems = new LinkedHashSet<>();

    Problems(String file, JsonLocations locations) {
        this.file = file;
        this.locations = locations;
    }

    void add(String path, String message) {
        JsonLocations.Position at = locations.find(path);
        problems.add(new ProjectProblem(file, path, at.line(), at.column(), message));
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    /** Throws a {@link ProjectException} with every problem in file order, if there is any. */
    void throwIfAny() throws ProjectException {
        if (problems.isEmpty()) {
            return;
        }
        List<ProjectProblem> sorted = new ArrayList<>(problems);
        sorted.sort(Comparator.comparingInt((ProjectProblem p) -> p.line() == 0 ? Integer.MAX_VALUE : p.line())
                .thenComparingInt(ProjectProblem::column));
        throw new ProjectException(sorted);
    }
}
