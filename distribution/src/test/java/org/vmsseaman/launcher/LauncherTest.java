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
    void tlsTakesAKeystoreAndAPasswordFileAndTurnsPlainHttpOff() throws Exception {
        Path store = java.nio.file.Files.writeString(home.resolve("server.p12"), "not read here");
        java.nio.file.Files.createDirectories(home.resolve("conf"));
        java.nio.file.Files.writeString(home.resolve("conf/tls-keystore-password"), "s3cret\n");
        Options o = Options.parse(new String[] {"--tls-keystore", store.toString(), "--port", "8443"}, home);
        assertThat(o.tlsPasswordFile()).isEqualTo(home.resolve("conf/tls-keystore-password"));
        Map<String, Object> p = Main.frameworkProperties(o);
        assertThat(p)
                .containsEntry("org.osgi.service.http.enabled", "false")
                .containsEntry("org.osgi.service.http.secure.enabled", "true")
                .containsEntry("org.osgi.service.http.port.secure", "8443")
                .containsEntry("org.ops4j.pax.web.ssl.keystore.type", "PKCS12")
                .containsEntry("org.ops4j.pax.web.ssl.keystore.password", "s3cret");
        assertThat(Main.frameworkProperties(Options.parse(new String[0], home)))
                .doesNotContainKey("org.osgi.service.http.secure.enabled");
    }

    @Test
    void tlsProblemsNameTheFile() {
        assertThatThrownBy(() -> Main.frameworkProperties(Options.parse(
                        new String[] {
                            "--tls-keystore", home.resolve("missing.p12").toString()
                        },
                        home)))
                .hasMessageContaining("missing.p12");
        assertThatThrownBy(() -> Options.parse(new String[] {"--tls-password-file", "pw"}, home))
                .hasMessageContaining("--tls-keystore");
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

    @Test
    void anUnpackedDuckDbLibraryMustBeOnTheLibraryPath() throws Exception {
        assertThat(Main.nativeLibraryProblem(home, ""))
                .as("no lib/native: nothing to check")
                .isNull();
        Path platform = java.nio.file.Files.createDirectories(home.resolve("lib/native/linux_amd64"));
        assertThat(Main.nativeLibraryProblem(home, "/usr/lib"))
                .contains("duckdb_java")
                .contains("bin/vmsseaman")
                .contains(home.resolve("lib/native").toString());
        java.nio.file.Files.writeString(platform.resolve(System.mapLibraryName("duckdb_java")), "not loaded here");
        assertThat(Main.nativeLibraryProblem(home, "/usr/lib" + java.io.File.pathSeparator + platform))
                .isNull();
    }
}
