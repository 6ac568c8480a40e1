package org.vmsseaman.project.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vmsseaman.api.project.ProjectException;
import org.vmsseaman.api.project.ProjectProblem;

class SemanticErrorTest {
    @TempDir
    Path dir;

    private ProjectProblem onlyProblem(String text) {
        Path file = ProjectFiles.write(dir, "bad.vmsproj", text);
        ProjectException e = catchThrowableOfType(ProjectException.class, () -> new ProjectReader().read(file));
        assertThat(e).as("refused").isNotNull();
        assertThat(e.problems()).hasSize(1);
        ProjectProblem p = e.problems().get(0);
        assertThat(p.file()).isEqualTo(file.toString());
        assertThat(p.line()).isPositive();
        assertThat(p.column()).isPositive();
        return p;
    }

    @Test
    void duplicateTagIdNamesTheFirstDefinition() {
        String text = ProjectFiles.minimalWith("\"id\": \"me.speed\"", "\"id\": \"me.stopped\"");
        ProjectProblem p = onlyProblem(text);
        assertThat(p.path()).isEqualTo("$.tags[1].id");
        assertThat(p.message()).isEqualTo("duplicate tag id 'me.stopped' (first defined at $.tags[0])");
        assertThat(p.line()).isEqualTo(ProjectFiles.lineOf(text, "\"id\": \"me.stopped\", \"name\": \"ME speed\""));
    }

    @Test
    void duplicateAlarmIdIsReported() {
        String text = ProjectFiles.minimalWith("\"id\": \"me.speed.hh\"", "\"id\": \"me.lube_oil.inlet_pressure.l\"");
        ProjectProblem p = onlyProblem(text);
        assertThat(p.path()).isEqualTo("$.tags[2].alarms[0].id");
        assertThat(p.message()).startsWith("duplicate alarm id 'me.lube_oil.inlet_pressure.l'");
    }

    @Test
    void unknownSystemListsTheDefinedOnes() {
        String text = ProjectFiles.minimalWith(
                "\"id\": \"me.speed\", \"name\": \"ME speed\", \"system\": \"me\"",
                "\"id\": \"me.speed\", \"name\": \"ME speed\", \"system\": \"mee\"");
        ProjectProblem p = onlyProblem(text);
        assertThat(p.path()).isEqualTo("$.tags[1].system");
        assertThat(p.message()).isEqualTo("unknown system 'mee' (defined: me)");
    }

    @Test
    void unknownDeviceIsReported() {
        String text = ProjectFiles.minimalWith(
                "{\"device\": \"sim\", \"address\": {\"profile\": \"speed\"}}",
                "{\"device\": \"plc1\", \"address\": {\"profile\": \"speed\"}}");
        ProjectProblem p = onlyProblem(text);
        assertThat(p.path()).isEqualTo("$.tags[1].source.device");
        assertThat(p.message()).isEqualTo("unknown device 'plc1' (defined: sim)");
    }

    @Test
    void rangeWithMinAboveMaxIsReportedAtMax() {
        String text = ProjectFiles.minimalWith(
                "\"normalRange\": {\"min\": 3.5, \"max\": 5.0}", "\"normalRange\": {\"min\": 3.5, \"max\": 2.0}");
        ProjectProblem p = onlyProblem(text);
        assertThat(p.path()).isEqualTo("$.tags[2].normalRange.max");
        assertThat(p.message()).isEqualTo("normalRange max 2 is below min 3.5");
    }

    @Test
    void normalRangeMustLieInsideDisplayRange() {
        String text = ProjectFiles.minimalWith(
                "\"normalRange\": {\"min\": 3.5, \"max\": 5.0}", "\"normalRange\": {\"min\": 3.5, \"max\": 12.0}");
        ProjectProblem p = onlyProblem(text);
        assertThat(p.path()).isEqualTo("$.tags[2].normalRange.max");
        assertThat(p.message()).contains("above displayRange max 10");
    }

    @Test
    void rangesOnlyOnNumericTags() {
        String text = ProjectFiles.minimalWith(
                "\"states\": [\"running\", \"stopped\"],",
                "\"states\": [\"running\", \"stopped\"], \"normalRange\": {\"min\": 0, \"max\": 1},");
        ProjectProblem p = onlyProblem(text);
        assertThat(p.path()).isEqualTo("$.tags[0].normalRange");
        assertThat(p.message()).contains("numeric");
    }

    @Test
    void enumWithoutStatesIsReported() {
        String text = ProjectFiles.minimalWith(
                "\"type\": \"boolean\", \"unit\": \"\",\n      \"states\": [\"running\", \"stopped\"],",
                "\"type\": \"enum\", \"unit\": \"\",");
        Path file = ProjectFiles.write(dir, "bad.vmsproj", text);
        ProjectException e = catchThrowableOfType(ProjectException.class, () -> new ProjectReader().read(file));
        assertThat(e.problems()).anySatisfy(p -> {
            assertThat(p.path()).isEqualTo("$.tags[0]");
            assertThat(p.line()).isEqualTo(ProjectFiles.lineOf(text, "\"id\": \"me.stopped\"") - 1);
            assertThat(p.message()).contains("enum tag needs 'states'");
        });
    }

    @Test
    void booleanWithMoreThanTwoStatesIsReported() {
        String text = ProjectFiles.minimalWith("[\"running\", \"stopped\"]", "[\"running\", \"stopped\", \"blocked\"]");
        ProjectProblem p = onlyProblem(text);
        assertThat(p.path()).isEqualTo("$.tags[0].states");
        assertThat(p.message()).contains("at most 2 states");
    }

    @Test
    void orderingOperatorOnBooleanIsReported() {
        String text = ProjectFiles.minimalWith(
                "\"states\": [\"running\", \"stopped\"],",
                "\"states\": [\"running\", \"stopped\"], \"alarms\": [{\"id\": \"me.stopped.alm\", \"kind\": \"discrete\","
                        + " \"operator\": \">=\", \"setpoint\": 1, \"priority\": \"warning\"}],");
        ProjectProblem p = onlyProblem(text);
        assertThat(p.path()).isEqualTo("$.tags[0].alarms[0].operator");
        assertThat(p.message()).isEqualTo("operator '>=' is not valid for a boolean tag (valid: ==, !=)");
    }

    @Test
    void suppressedByMustBeABooleanTag() {
        String text = ProjectFiles.minimalWith("\"suppressedBy\": \"me.stopped\"", "\"suppressedBy\": \"me.speed\"");
        ProjectProblem p = onlyProblem(text);
        assertThat(p.path()).isEqualTo("$.tags[2].alarms[0].suppressedBy");
        assertThat(p.message()).contains("must be a boolean tag");
    }

    @Test
    void suppressedByMustExist() {
        String text = ProjectFiles.minimalWith("\"suppressedBy\": \"me.stopped\"", "\"suppressedBy\": \"me.stoped\"");
        ProjectProblem p = onlyProblem(text);
        assertThat(p.message()).startsWith("unknown tag 'me.stoped'").contains("me.stopped");
    }

    @Test
    void deviationAlarmNeedsAReferenceTag() {
        String text = ProjectFiles.minimalWith(
                "\"kind\": \"limit\", \"operator\": \"<\", \"setpoint\": 3.2",
                "\"kind\": \"deviation\", \"setpoint\": 0.5");
        ProjectProblem p = onlyProblem(text);
        assertThat(p.path()).isEqualTo("$.tags[2].alarms[0].referenceTag");
        assertThat(p.message()).contains("needs a 'referenceTag'");
    }
}
