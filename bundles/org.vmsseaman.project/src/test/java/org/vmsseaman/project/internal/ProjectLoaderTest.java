package org.vmsseaman.project.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vmsseaman.api.project.ProjectException;
import org.vmsseaman.api.project.VesselProject;

class ProjectLoaderTest {
    @TempDir
    Path dir;

    @Test
    void withoutAFileTheDemoVesselIsLoaded() throws Exception {
        VesselProject project = ProjectLoader.load("", null);
        assertThat(project.source()).isEqualTo("demo:demo-vessel.vmsproj");
        assertThat(project.tags()).hasSizeGreaterThanOrEqualTo(200);
    }

    @Test
    void frameworkPropertyIsUsedWhenTheConfigurationIsEmpty() throws Exception {
        Path file = ProjectFiles.write(dir, "ship.vmsproj", ProjectFiles.builtIn("minimal.vmsproj"));
        VesselProject project = ProjectLoader.load(" ", file.toString());
        assertThat(project.source()).isEqualTo(file.toString());
        assertThat(project.tags()).hasSize(3);
    }

    @Test
    void configuredFileWinsOverTheFrameworkProperty() throws Exception {
        Path configured = ProjectFiles.write(dir, "a.vmsproj", ProjectFiles.builtIn("minimal.vmsproj"));
        VesselProject project = ProjectLoader.load(
                configured.toString(), dir.resolve("missing.vmsproj").toString());
        assertThat(project.source()).isEqualTo(configured.toString());
    }

    @Test
    void invalidProjectIsRefusedWithEveryProblem() {
        Path file = ProjectFiles.write(
                dir,
                "bad.vmsproj",
                ProjectFiles.minimalWith(
                        "\"system\": \"me\", \"type\": \"double\"", "\"system\": \"x\", \"type\": \"doubl\""));
        assertThatThrownBy(() -> ProjectLoader.load(file.toString(), null))
                .isInstanceOf(ProjectException.class)
                .satisfies(e -> assertThat(((ProjectException) e).problems()).hasSize(2));
    }

    @Test
    void validateChecksAFileWithoutLoadingIt() throws Exception {
        LoadedProject loader = new LoadedProject(ProjectLoader.load("", null));
        VesselProject before = loader.project();
        Path good = ProjectFiles.write(dir, "good.vmsproj", ProjectFiles.builtIn("minimal.vmsproj"));
        Path bad = ProjectFiles.write(dir, "bad.vmsproj", "{\"schemaVersion\": 2}");

        assertThat(loader.validate(good).tags()).hasSize(3);
        ProjectException e = catchThrowableOfType(ProjectException.class, () -> loader.validate(bad));

        assertThat(e.problems())
                .extracting(p -> p.message())
                .anySatisfy(m -> assertThat(m).contains("vessel"))
                .anySatisfy(m -> assertThat(m).contains("1"));
        assertThat(loader.project()).isSameAs(before);
    }
}
