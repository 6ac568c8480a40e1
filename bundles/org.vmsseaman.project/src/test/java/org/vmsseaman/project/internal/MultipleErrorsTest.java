package org.vmsseaman.project.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vmsseaman.api.project.ProjectException;
import org.vmsseaman.api.project.ProjectProblem;

class MultipleErrorsTest {
    @TempDir
    Path dir;

    @Test
    void everyProblemIsReportedInFileOrder() {
        String text = ProjectFiles.minimalWith("\"imo\": \"9700002\"", "\"imo\": \"97\"")
                .replace(
                        "\"system\": \"me\", \"type\": \"double\", \"unit\": \"rpm\"",
                        "\"system\": \"mee\", \"type\": \"double\", \"unit\": \"rpm\", \"color\": 1")
                .replace("\"normalRange\": {\"min\": 3.5, \"max\": 5.0}", "\"normalRange\": {\"min\": 6, \"max\": 5.0}")
                .replace("\"suppressedBy\": \"me.stopped\"", "\"suppressedBy\": \"me.speed\"");
        Path file = ProjectFiles.write(dir, "many.vmsproj", text);

        ProjectException e = catchThrowableOfType(ProjectException.class, () -> new ProjectReader().read(file));

        List<ProjectProblem> problems = e.problems();
        assertThat(problems)
                .extracting(ProjectProblem::path)
                .containsExactly(
                        "$.vessel.imo",
                        "$.tags[1].system",
                        "$.tags[1].color",
                        "$.tags[2].normalRange.max",
                        "$.tags[2].alarms[0].suppressedBy");
        assertThat(problems).allSatisfy(p -> {
            assertThat(p.file()).isEqualTo(file.toString());
            assertThat(p.line()).isPositive();
            assertThat(p.message()).isNotBlank();
        });
        assertThat(problems).extracting(ProjectProblem::line).isSorted();
        assertThat(e.getMessage())
                .startsWith("5 problem(s)")
                .contains(file + ":" + problems.get(0).line() + ":");
    }
}
