package org.vmsseaman.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vmsseaman.api.security.AuditEntry;
import org.vmsseaman.api.security.AuditTrail;
import org.vmsseaman.api.security.AuthenticationException;
import org.vmsseaman.api.security.Role;
import org.vmsseaman.api.security.UserManagementException;
import org.vmsseaman.api.security.UserSession;

/** The security service: first start, login, lockout, sessions, user management and audit. */
class SecurityServiceTest {

    private static final String PW = "Engine-Room-42";

    @TempDir
    Path dir;

    private final TestSupport.MutableClock clock = new TestSupport.MutableClock();
    private SecurityServiceImpl service;
    private UserSession admin;

    /** An audit trail that keeps entries in a list. */
    static final class ListTrail implements AuditTrail {
        final List<AuditEntry> entries = new ArrayList<>();

        @Override
        public synchronized void append(AuditEntry entry) {
            entries.add(entry);
        }

        @Override
        public synchronized List<AuditEntry> read(java.time.Instant since, java.time.Instant until, int limit) {
            return entries.stream()
                    .filter(e -> !e.time().isBefore(since) && e.time().isBefore(until))
                    .limit(limit)
                    .toList();
        }

        synchronized List<String> actions() {
            return entries.stream().map(e -> e.action() + ":" + e.outcome()).toList();
        }
    }

    @BeforeEach
    void start() throws Exception {
        service = TestSupport.service(dir, clock);
        admin = service.login("admin", initialPassword(), "10.0.0.1");
    }

    private String initialPassword() throws Exception {
        return Files.readString(dir.resolve("initial-admin-password")).strip();
    }

    @Test
    void firstStartCreatesAnAdminWithARandomPasswordInAnOwnerOnlyFile() throws Exception {
        Path file = dir.resolve("initial-admin-password");
        assertThat(initialPassword()).hasSizeGreaterThanOrEqualTo(20).isNotEqualTo("admin");
        assertThat(Files.getPosixFilePermissions(file))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(admin.role()).isEqualTo(Role.ADMIN);
        assertThatThrownBy(() -> service.login("admin", "admin", "10.0.0.1"))
                .isInstanceOf(AuthenticationException.class);
        assertThat(Files.readString(dir.resolve("users.json"))).doesNotContain(initialPassword());

        SecurityServiceImpl restarted = TestSupport.service(dir, clock);
        assertThat(restarted.login("admin", initialPassword(), "10.0.0.1").user())
                .isEqualTo("admin");

        service.changePassword(admin, initialPassword(), PW);
        assertThat(file).doesNotExist();
        assertThat(TestSupport.service(dir, clock).login("admin", PW, "x").role())
                .isEqualTo(Role.ADMIN);
    }

    @Test
    void fiveFailuresLockTheUserOutForFifteenMinutes() throws Exception {
        service.createUser(admin, "anna", Role.OPERATOR, PW);
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> service.login("anna", "Wrong-Password-1", "10.0.0.2"))
                    .isInstanceOf(AuthenticationException.class)
                    .extracting(e -> ((AuthenticationException) e).reason())
                    .isEqualTo(AuthenticationException.Reason.BAD_CREDENTIALS);
        }
        assertThatThrownBy(() -> service.login("anna", PW, "10.0.0.3"))
                .extracting(e -> ((AuthenticationException) e).reason())
                .isEqualTo(AuthenticationException.Reason.LOCKED_OUT);
        assertThat(service.users(admin).stream().filter(u -> u.name().equals("anna")))
                .singleElement()
                .extracting(u -> u.lockedUntil())
                .isNotNull();

        clock.advance(Duration.ofMinutes(15));
        assertThat(service.login("anna", PW, "10.0.0.3").role()).isEqualTo(Role.OPERATOR);
    }

    @Test
    void anAdministratorCanLiftALockout() throws Exception {
        service.createUser(admin, "anna", Role.OPERATOR, PW);
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> service.login("anna", "nope", "10.0.0.2"))
                    .isInstanceOf(AuthenticationException.class);
        }
        service.unlock(admin, "anna");
        assertThat(service.login("anna", PW, "10.0.0.2").user()).isEqualTo("anna");
    }

    @Test
    void oneAddressTryingManyUsersIsLockedOut() {
        for (int i = 0; i < 20; i++) {
            String user = "user" + i;
            assertThatThrownBy(() -> service.login(user, "nope", "10.6.6.6"))
                    .isInstanceOf(AuthenticationException.class);
        }
        assertThatThrownBy(() -> service.login("admin", "whatever", "10.6.6.6"))
                .extracting(e -> ((AuthenticationException) e).reason())
                .isEqualTo(AuthenticationException.Reason.LOCKED_OUT);
    }

    @Test
    void sessionsExpireWhenIdleAndAfterTheirLifetime() throws Exception {
        String token = admin.token();
        clock.advance(Duration.ofMinutes(14));
        assertThat(service.session(token)).isPresent(); // used: the idle time starts again
        clock.advance(Duration.ofMinutes(14));
        assertThat(service.session(token)).isPresent();
        clock.advance(Duration.ofMinutes(15));
        assertThat(service.session(token)).isEmpty();

        String busy = service.login("admin", initialPassword(), "x").token();
        for (int i = 0; i < 12 * 6; i++) {
            clock.advance(Duration.ofMinutes(10));
            if (i < 12 * 6 - 1) {
                assertThat(service.session(busy))
                        .as("after %d min", (i + 1) * 10)
                        .isPresent();
            }
        }
        assertThat(service.session(busy)).as("absolute lifetime of 12 h").isEmpty();
    }

    @Test
    void logoutInvalidatesTheToken() {
        assertThat(service.session(admin.token())).isPresent();
        service.logout(admin.token());
        assertThat(service.session(admin.token())).isEmpty();
        service.logout("no-such-token");
    }

    @Test
    void tokensAreLongAndRandom() throws Exception {
        UserSession other = service.login("admin", initialPassword(), "x");
        assertThat(other.token()).isNotEqualTo(admin.token()).hasSize(43); // 256 bits, base64url
    }

    @Test
    void theLastAdministratorCanBeNeitherDeletedNorDemoted() {
        assertThatThrownBy(() -> service.deleteUser(admin, "admin"))
                .extracting(e -> ((UserManagementException) e).reason())
                .isEqualTo(UserManagementException.Reason.CONFLICT);
        assertThatThrownBy(() -> service.changeRole(admin, "admin", Role.ENGINEER))
                .hasMessageContaining("last administrator");
        service.createUser(admin, "chief", Role.ADMIN, PW);
        service.changeRole(admin, "admin", Role.ENGINEER);
        assertThat(service.session(admin.token()).orElseThrow().role()).isEqualTo(Role.ENGINEER);
    }

    @Test
    void onlyAdministratorsManageUsers() throws Exception {
        service.createUser(admin, "eddie", Role.ENGINEER, PW);
        UserSession eddie = service.login("eddie", PW, "x");
        assertThatThrownBy(() -> service.createUser(eddie, "mallory", Role.ADMIN, PW))
                .extracting(e -> ((UserManagementException) e).reason())
                .isEqualTo(UserManagementException.Reason.FORBIDDEN);
        assertThatThrownBy(() -> service.createUser(admin, "eddie", Role.VIEWER, PW))
                .hasMessageContaining("exists");
        assertThatThrownBy(() -> service.createUser(admin, "weak", Role.VIEWER, "password"))
                .hasMessageContaining("at least 12");
        assertThatThrownBy(() -> service.createUser(admin, "../etc", Role.VIEWER, PW))
                .hasMessageContaining("user name");

        service.setPassword(admin, "eddie", "Another-Pass-7");
        assertThat(service.session(eddie.token()))
                .as("sessions end when the password is reset")
                .isEmpty();
        service.deleteUser(admin, "eddie");
        assertThatThrownBy(() -> service.login("eddie", "Another-Pass-7", "x"))
                .isInstanceOf(AuthenticationException.class);
    }

    @Test
    void auditEntriesWaitForATrailAndArriveInOrder() throws Exception {
        assertThatThrownBy(() -> service.login("admin", "nope", "10.0.0.9"))
                .isInstanceOf(AuthenticationException.class);
        service.logout(admin.token());
        ListTrail trail = new ListTrail();
        service.bindAuditTrail(trail);
        assertThat(service.pendingAuditEntries()).isZero();
        assertThat(trail.actions())
                .containsExactly("user.create:SUCCESS", "login:SUCCESS", "login:FAILURE", "logout:SUCCESS");
        assertThat(trail.entries.get(2).remoteAddress()).isEqualTo("10.0.0.9");

        service.createUser(service.login("admin", initialPassword(), "x"), "anna", Role.VIEWER, PW);
        assertThat(trail.actions()).endsWith("login:SUCCESS", "user.create:SUCCESS");
        service.unbindAuditTrail(trail);
        service.logout("none");
        assertThatThrownBy(() -> service.login("anna", "nope", "x")).isInstanceOf(AuthenticationException.class);
        assertThat(service.pendingAuditEntries()).isEqualTo(1);
    }
}
