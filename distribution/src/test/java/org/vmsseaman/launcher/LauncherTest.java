package org.vmsseaman.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start options and Web Console credentials. */
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
    void firstStartGeneratesAPrivatePasswordAndTheConsoleGetsOnlyItsHash() throws IOException {
        Path file = home.resolve("data/security/webconsole.properties");
        ConsoleCredentials c = ConsoleCredentials.loadOrCreate(file);
        assertThat(c.generated()).isTrue();
        assertThat(c.password()).hasSizeGreaterThanOrEqualTo(20).isNotEqualTo("admin");
        assertThat(Files.getPosixFilePermissions(file))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

        ConsoleCredentials again = ConsoleCredentials.loadOrCreate(file);
        assertThat(again.generated()).isFalse();
        assertThat(again.password()).isEqualTo(c.password());

        Map<String, Object> props = Main.frameworkProperties(Options.parse(new String[0], home), c);
        assertThat(props.get("felix.webconsole.password"))
                .isEqualTo(c.passwordHash())
                .asString()
                .startsWith("{sha-256}");
        assertThat(props.values()).doesNotContain(c.password());
        assertThat(props.get("org.osgi.service.http.port")).isEqualTo("8765");
    }

    @Test
    void aCredentialsFileReadableByOthersIsNarrowedToItsOwner() throws IOException {
        Path file = home.resolve("webconsole.properties");
        Files.writeString(file, "username=engineer\npassword=a-long-enough-secret\n");
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(ConsoleCredentials.loadOrCreate(file).username()).isEqualTo("engineer");
        assertThat(Files.getPosixFilePermissions(file))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }

    @Test
    void adminAdminIsRefusedEvenWhenConfigured() throws IOException {
        Path file = home.resolve("webconsole.properties");
        Files.writeString(file, "username=admin\npassword=admin\n");
        assertThatThrownBy(() -> ConsoleCredentials.loadOrCreate(file)).hasMessageContaining("password");
    }
}
