package org.vmsseaman.project.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vmsseaman.api.project.ProjectException;
import org.vmsseaman.api.project.ProjectProblem;

class SyntaxErrorTest {
    @TempDir
    Path dir;

    private ProjectProblem onlyProblem(String text) {
        Path file = ProjectFiles.write(dir, "broken.vmsproj", text);
        ProjectException e = catchThrowableOfType(ProjectException.class, () -> new ProjectReader().read(file));
        assertThat(e).as("refused").isNotNull();
        assertThat(e.problems()).hasSize(1);
        ProjectProblem p = e.problems().get(0);
        assertThat(p.file()).isEqualTo(file.toString());
        return p;
    }

    @Test
    void brokenJsonIsReportedAtItsLineAndColumn() {
        String text = "{\n  \"schemaVersion\": 1,\n  \"vessel\": {\"name\": \"X\",},\n  \"systems\": []\n}\n";
        ProjectProblem p = onlyProblem(text);
        assertThat(p.line()).isEqualTo(3);
        assertThat(p.column()).isEqualTo(26);
        assertThat(p.path()).isEqualTo("$.vessel.name");
        assertThat(p.message()).startsWith("invalid JSON").contains("'}'");
    }

    @Test
    void missingClosingBraceIsReported() {
        ProjectProblem p = onlyProblem("{\n  \"schemaVersion\": 1,\n  \"tags\": [\n");
        assertThat(p.line()).isGreaterThanOrEqualTo(3);
        assertThat(p.message()).startsWith("invalid JSON");
    }

    @Test
    void duplicateJsonKeyIsRefused() {
        String text = ProjectFiles.minimalWith("\"unit\": \"rpm\",", "\"unit\": \"rpm\", \"unit\": \"1/min\",");
        ProjectProblem p = onlyProblem(text);
        assertThat(p.message()).contains("Duplicate field 'unit'");
        assertThat(p.line()).isEqualTo(ProjectFiles.lineOf(text, "\"unit\": \"1/min\""));
        assertThat(p.column()).isGreaterThan(1);
        assertThat(p.path()).isEqualTo("$.tags[1].unit");
    }

    @Test
    void tooDeepNestingIsRefused() {
        String deep = "{\"schemaVersion\": 1, \"x\": " + "[".repeat(100) + "]".repeat(100) + "}";
        ProjectProblem p = onlyProblem(deep);
        assertThat(p.message()).containsIgnoringCase("nesting depth");
    }

    @Test
    void missingFileIsOneProblem() {
        ProjectException e = catchThrowableOfType(
                ProjectException.class, () -> new ProjectReader().read(dir.resolve("nope.vmsproj")));
        assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.message())
                .isEqualTo("file not found"));
    }

    @Test
    void documentThatIsNotAnObjectIsRefused() {
        ProjectProblem p = onlyProblem("[1, 2]");
        assertThat(p.path()).isEqualTo("$");
        assertThat(p.message()).contains("JSON object");
    }
}
