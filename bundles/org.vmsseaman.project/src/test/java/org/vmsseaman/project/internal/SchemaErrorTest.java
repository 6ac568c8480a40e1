package org.vmsseaman.project.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vmsseaman.api.project.ProjectException;
import org.vmsseaman.api.project.ProjectProblem;

class SchemaErrorTest {
    @TempDir
    Path dir;

    private List<ProjectProblem> problems(String text) {
        Path file = ProjectFiles.write(dir, "bad.vmsproj", text);
        ProjectException e = catchThrowableOfType(ProjectException.class, () -> new ProjectReader().read(file));
        assertThat(e).as("refused").isNotNull();
        assertThat(e.problems()).allSatisfy(p -> assertThat(p.file()).isEqualTo(file.toString()));
        return e.problems();
    }

    @Test
    void unknownPropertyIsNamedAtItsKey() {
        String text = ProjectFiles.minimalWith("\"unit\": \"rpm\",", "\"unit\": \"rpm\", \"colour\": \"red\",");
        assertThat(problems(text)).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("$.tags[1].colour");
            assertThat(p.message()).isEqualTo("unknown property 'colour'");
            assertThat(p.line()).isEqualTo(ProjectFiles.lineOf(text, "\"colour\""));
            assertThat(p.column())
                    .isEqualTo(text.lines().toList().get(p.line() - 1).indexOf("\"colour\"") + 1);
        });
    }

    @Test
    void intervalsTooShortToMeanAnythingAreRefusedNotRoundedToZero() {
        String text = ProjectFiles.minimalWith(
                "\"deadband\": 0.5, \"maxIntervalSeconds\": 60", "\"deadband\": 0.5, \"maxIntervalSeconds\": 1e-10");
        assertThat(problems(text)).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("$.tags[1].historian.maxIntervalSeconds");
            assertThat(p.line()).isEqualTo(ProjectFiles.lineOf(text, "1e-10"));
        });
    }

    @Test
    void wrongTypeIsReported() {
        String text = ProjectFiles.minimalWith(
                "\"normalRange\": {\"min\": 3.5, \"max\": 5.0}", "\"normalRange\": {\"min\": 3.5, \"max\": \"five\"}");
        assertThat(problems(text)).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("$.tags[2].normalRange.max");
            assertThat(p.message()).contains("string").contains("number");
            assertThat(p.line()).isEqualTo(ProjectFiles.lineOf(text, "\"five\""));
        });
    }

    @Test
    void unknownDataTypeListsTheChoices() {
        String text = ProjectFiles.minimalWith(
                "\"type\": \"double\", \"unit\": \"rpm\"", "\"type\": \"float\", \"unit\": \"rpm\"");
        assertThat(problems(text)).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("$.tags[1].type");
            assertThat(p.message()).contains("double").contains("enum");
        });
    }

    @Test
    void missingRequiredPropertyIsReported() {
        String text = ProjectFiles.minimalWith(
                "\"system\": \"me\", \"type\": \"double\", \"unit\": \"rpm\"",
                "\"system\": \"me\", \"type\": \"double\"");
        assertThat(problems(text)).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("$.tags[1]");
            assertThat(p.message()).contains("unit");
            assertThat(p.line()).isEqualTo(ProjectFiles.lineOf(text, "\"id\": \"me.speed\"") - 1);
        });
    }

    @Test
    void limitAlarmNeedsAnOperator() {
        String text = ProjectFiles.minimalWith("\"kind\": \"limit\", \"operator\": \">\",", "\"kind\": \"limit\",");
        assertThat(problems(text)).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("$.tags[1].alarms[0]");
            assertThat(p.message()).contains("operator");
        });
    }

    @Test
    void settingsAcceptScalarsOnly() {
        String text = ProjectFiles.minimalWith("{\"tickMillis\": 500}", "{\"tickMillis\": {\"ms\": 500}}");
        assertThat(problems(text)).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("$.devices[0].settings.tickMillis");
            assertThat(p.message()).contains("object");
        });
    }

    @Test
    void badTagIdSyntaxIsReported() {
        String text = ProjectFiles.minimalWith("\"id\": \"me.speed\"", "\"id\": \"ME Speed\"");
        assertThat(problems(text)).anySatisfy(p -> {
            assertThat(p.path()).isEqualTo("$.tags[1].id");
            assertThat(p.message()).contains("pattern");
        });
    }
}
