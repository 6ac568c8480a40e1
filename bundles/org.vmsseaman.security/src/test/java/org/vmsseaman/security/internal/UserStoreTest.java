package org.vmsseaman.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vmsseaman.api.security.Role;

/** users.json: a round trip, owner-only permissions, no temporary file left behind. */
class UserStoreTest {

    @TempDir
    Path dir;

    @Test
    void usersSurviveARoundTripInAnOwnerOnlyFile() throws Exception {
        UserStore store = new UserStore(dir.resolve("security/users.json"));
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        List<StoredUser> users = List.of(
                new StoredUser("admin", Role.ADMIN, "$2b$04$abc", t, t),
                new StoredUser("anna", Role.OPERATOR, "$2b$04$def", t, t.plusSeconds(5)));
        store.save(users);
        assertThat(new UserStore(store.file()).load()).isEqualTo(users);
        assertThat(Files.getPosixFilePermissions(store.file()))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(Files.getPosixFilePermissions(store.file().getParent()))
                .containsExactlyInAnyOrder(
                        PosixFilePermission.OWNER_READ,
                        PosixFilePermission.OWNER_WRITE,
                        PosixFilePermission.OWNER_EXECUTE);
        try (var files = Files.list(store.file().getParent())) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("users.json");
        }
    }

    @Test
    void aFileOthersCanReadIsNarrowedOnLoad() throws Exception {
        UserStore store = new UserStore(dir.resolve("users.json"));
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        store.save(List.of(new StoredUser("admin", Role.ADMIN, "$2b$04$abc", t, t)));
        Files.setPosixFilePermissions(store.file(), PosixFilePermissions.fromString("rw-r--r--"));
        store.load();
        assertThat(Files.getPosixFilePermissions(store.file()))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }
}
