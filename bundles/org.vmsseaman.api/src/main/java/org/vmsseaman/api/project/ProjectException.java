package org.vmsseaman.api.project;

import java.util.List;
import java.util.stream.Collectors;

/** A project file was refused; {@link #problems()} lists everything found wrong, not just the first. */
public class ProjectException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient List<ProjectProblem> problems;

    public ProjectException(List<ProjectProblem> problems) {
        super(problems.size() + " problem(s) in the project file:\n  "
                + problems.stream().map(ProjectProblem::toString).collect(Collectors.joining("\n  ")));
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, in file order where known. */
    public List<ProjectProblem> problems() {
        return problems;
    }
}
