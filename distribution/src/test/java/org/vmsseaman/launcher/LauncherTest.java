package org.vmsseaman.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start options and framework properties. */
class LauncherTest {

    @TempDir
    Path home;

    @Test
    void defaultsFollowTheReferenceRuntime() {
        Options o = Options.parse(new String[0], home);
        assertThat(o.port()).isEqualTo(8765);
        assertThat(o.host()).isEqualTo("127.0.0.1");
        assertThat(o.vmsproj()).isNull();
        assertThat(o.db()).isEqualTo(home.resolve("data/historian.duckdb"));
    }

    @Test
    void parsesTheReferenceOptionsInBothForms() {
        Options o = Options.parse(
                new String[] {"--vmsproj", "ship.vmsproj", "--host=0.0.0.0", "--port", "9000", "--db", "x.duckdb"},
                home);
        assertThat(o.vmsproj()).isEqualTo(Path.of("ship.vmsproj").toAbsolutePath());
        assertThat(o.host()).isEqualTo("0.0.0.0");
        assertThat(o.port()).isEqualTo(9000);
        assertThat(o.db()).isEqualTo(Path.of("x.duckdb").toAbsolutePath());
    }

    @Test
    void badOptionsAreNamed() {
        assertThatThrownBy(() -> Options.parse(new String[] {"--port", "99999"}, home))
                .hasMessageContaining("--port");
        assertThatThrownBy(() -> Options.parse(new String[] {"--vmsproj"}, home))
                .hasMessageContaining("--vmsproj needs a value");
        assertThatThrownBy(() -> Options.parse(new String[] {"--colour"}, home))
                .hasMessageContaining("unknown option '--colour'");
    }

    @Test
    void theWebConsoleWaitsForTheVmsSeamanSecurityProviderAndGetsNoPassword() {
        Map<String, Object> props = Main.frameworkProperties(Options.parse(new String[0], home));
        assertThat(props.get("felix.webconsole.security.providers")).isEqualTo(Main.WEBCONSOLE_SECURITY_PROVIDER);
        assertThat(props).doesNotContainKeys("felix.webconsole.username", "felix.webconsole.password");
        assertThat(props.get("org.osgi.service.http.port")).isEqualTo("8765");
    }
}
