package org.vmsseaman.security.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vmsseaman.api.security.AuditEntry;
import org.vmsseaman.api.security.AuditEntry.Outcome;
import org.vmsseaman.api.security.AuditTrail;
import org.vmsseaman.api.security.AuthenticationException;
import org.vmsseaman.api.security.Role;
import org.vmsseaman.api.security.SecurityService;
import org.vmsseaman.api.security.UserInfo;
import org.vmsseaman.api.security.UserManagementException;
import org.vmsseaman.api.security.UserManagementException.Reason;
import org.vmsseaman.api.security.UserSession;

/**
 * Users in {@code <home>/data/security/users.json} (bcrypt hashes), sessions in memory, lockout per user and
 * per address, every security event handed to the audit trail. With no users file, creates {@code admin}
 * with a random password written to {@code data/security/initial-admin-password}.
 */
@Component(service = SecurityService.class, configurationPid = "org.vmsseaman.security")
@Designate(ocd = SecurityConfig.class)
public final class SecurityServiceImpl implements SecurityService {

    static final String INITIAL_ADMIN = "admin";
    static final String INITIAL_PASSWORD_FILE = "initial-admin-password";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final Logger logger = LoggerFactory.getLogger(SecurityServiceImpl.class);
    private final Clock clock;
    private final SecureRandom random;
    private final PasswordPolicy policy;
    private final PasswordHasher hasher;
    private final Sessions sessions;
    private final Lockout userLockout;
    private final Lockout addressLockout;
    private final UserStore store;
    private final Path initialPasswordFile;
    private final AuditBuffer audit = new AuditBuffer();
    private final Object changes = new Object();
    private volatile Map<String, StoredUser> users;

    @Activate
    public SecurityServiceImpl(SecurityConfig config, BundleContext context) throws IOException {
        this(config, home(context).resolve("data").resolve("security"), Clock.systemUTC(), new SecureRandom());
    }

    SecurityServiceImpl(SecurityConfig config, Path dir, Clock clock, SecureRandom random) throws IOException {
        this.clock = clock;
        this.random = random;
        this.policy = new PasswordPolicy(config.passwordMinLength(), config.passwordCharacterClasses());
        this.hasher = new PasswordHasher(random, Math.max(4, Math.min(31, config.bcryptCost())));
        this.sessions = new Sessions(
                random,
                Duration.ofMinutes(config.idleTimeoutMinutes()),
                Duration.ofHours(config.sessionLifetimeHours()));
        Duration lock = Duration.ofMinutes(config.lockoutMinutes());
        this.userLockout = new Lockout(config.lockoutFailures(), lock);
        this.addressLockout = new Lockout(config.addressLockoutFailures(), lock);
        this.store = new UserStore(dir.resolve("users.json"));
        this.initialPasswordFile = dir.resolve(INITIAL_PASSWORD_FILE);
        if (store.exists()) {
            users = index(store.load());
        } else {
            createInitialAdmin();
        }
    }

    private static Path home(BundleContext context) {
        String home = context.getProperty("vmsseaman.home");
        return Path.of(home == null ? "." : home);
    }

    private void createInitialAdmin() throws IOException {
        String password;
        do {
            byte[] bytes = new byte[18];
            random.nextBytes(bytes);
            password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        } while (policy.problem(INITIAL_ADMIN, password).isPresent());
        Instant now = clock.instant();
        StoredUser admin = new StoredUser(INITIAL_ADMIN, Role.ADMIN, hasher.hash(password), now, now);
        OwnerOnlyFiles.write(initialPasswordFile, (password + "\n").getBytes(StandardCharsets.UTF_8));
        store.save(List.of(admin));
        users = index(List.of(admin));
        logger.warn(
                "No users yet: created user '{}' with a random password, which is in {} (readable by this account only)."
                        + " Log in and change it; the file is deleted when you do.",
                INITIAL_ADMIN,
                initialPasswordFile);
        record(INITIAL_ADMIN, "user.create", INITIAL_ADMIN, Outcome.SUCCESS, "initial administrator", null);
    }

    private static Map<String, StoredUser> index(List<StoredUser> list) {
        Map<String, StoredUser> m = new LinkedHashMap<>();
        list.stream().sorted(Comparator.comparing(StoredUser::name)).forEach(u -> m.put(u.name(), u));
        return Map.copyOf(m);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindAuditTrail(AuditTrail trail) {
        audit.trail(trail);
    }

    void unbindAuditTrail(AuditTrail trail) {
        audit.noTrail(trail);
    }

    int pendingAuditEntries() {
        return audit.pending();
    }

    private void record(String user, String action, String target, Outcome outcome, String detail, String remote) {
        audit.append(new AuditEntry(clock.instant(), user, action, target, outcome, detail, remote));
    }

    // --- authentication

    @Override
    public UserSession login(String user, String password, String remoteAddress) throws AuthenticationException {
        Instant now = clock.instant();
        String name = user == null ? "" : user.strip();
        String address = remoteAddress == null ? "unknown" : remoteAddress;
        Instant locked = later(userLockout.lockedUntil(name, now), addressLockout.lockedUntil(address, now));
        if (locked != null) {
            record(name, "login", name, Outcome.DENIED, "locked out until " + locked, address);
            throw new AuthenticationException(
                    AuthenticationException.Reason.LOCKED_OUT,
                    "too many failed logins: locked out until " + locked,
                    locked);
        }
        StoredUser u = users.get(name);
        boolean ok;
        if (u == null || password == null) {
            hasher.burn(password == null ? "" : password);
            ok = false;
        } else {
            ok = hasher.matches(u.hash(), password);
        }
        if (!ok) {
            record(name, "login", name, Outcome.FAILURE, "wrong user name or password", address);
            Instant userLocked = userLockout.fail(name, now);
            Instant addressLocked = addressLockout.fail(address, now);
            if (userLocked != null) {
                logger.warn("User '{}' locked out until {} after repeated failed logins", name, userLocked);
                record(name, "lockout", name, Outcome.DENIED, "user locked out until " + userLocked, address);
            }
            if (addressLocked != null) {
                logger.warn("Address {} locked out until {} after repeated failed logins", address, addressLocked);
                record(name, "lockout", address, Outcome.DENIED, "address locked out until " + addressLocked, address);
            }
            throw new AuthenticationException(
                    AuthenticationException.Reason.BAD_CREDENTIALS, "wrong user name or password", null);
        }
        userLockout.succeed(name);
        Sessions.Open s = sessions.open(name, address, now);
        record(name, "login", name, Outcome.SUCCESS, null, address);
        return view(s, u.role());
    }

    private static Instant later(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }

    private UserSession view(Sessions.Open s, Role role) {
        return new UserSession(s.token(), s.user(), role, s.remoteAddress(), sessions.expiresAt(s));
    }

    @Override
    public Optional<UserSession> session(String token) {
        Optional<Sessions.Open> s = sessions.use(token, clock.instant());
        if (s.isEmpty()) {
            return Optional.empty();
        }
        StoredUser u = users.get(s.get().user());
        if (u == null) {
            sessions.close(token);
            return Optional.empty();
        }
        return Optional.of(view(s.get(), u.role()));
    }

    @Override
    public void logout(String token) {
        sessions.close(token)
                .ifPresent(s -> record(s.user(), "logout", s.user(), Outcome.SUCCESS, null, s.remoteAddress()));
    }

    // --- user management

    @Override
    public List<UserInfo> users(UserSession actor) {
        requireAdmin(actor, "user.list", null);
        Instant now = clock.instant();
        return users.values().stream()
                .sorted(Comparator.comparing(StoredUser::name))
                .map(u -> info(u, now))
                .toList();
    }

    private UserInfo info(StoredUser u, Instant now) {
        return new UserInfo(
                u.name(), u.role(), u.created(), u.passwordChanged(), userLockout.lockedUntil(u.name(), now));
    }

    @Override
    public UserInfo createUser(UserSession actor, String name, Role role, String password) {
        requireAdmin(actor, "user.create", name);
        if (name == null || !NAME.matcher(name).matches()) {
            throw refuse(
                    actor,
                    "user.create",
                    name,
                    Reason.INVALID,
                    "a user name is 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        checkPolicy(actor, "user.create", name, password);
        synchronized (changes) {
            if (users.containsKey(name)) {
                throw refuse(actor, "user.create", name, Reason.CONFLICT, "user '" + name + "' exists");
            }
            Instant now = clock.instant();
            StoredUser u = new StoredUser(name, role, hasher.hash(password), now, now);
            save(with(u));
            record(actor.user(), "user.create", name, Outcome.SUCCESS, "role " + role.label(), actor.remoteAddress());
            return info(u, now);
        }
    }

    @Override
    public UserInfo changeRole(UserSession actor, String name, Role role) {
        requireAdmin(actor, "user.role", name);
        synchronized (changes) {
            StoredUser u = existing(actor, "user.role", name);
            if (u.role() == Role.ADMIN && role != Role.ADMIN && admins() == 1) {
                throw refuse(actor, "user.role", name, Reason.CONFLICT, "'" + name + "' is the last administrator");
            }
            StoredUser changed = u.withRole(role);
            save(with(changed));
            record(
                    actor.user(),
                    "user.role",
                    name,
                    Outcome.SUCCESS,
                    u.role().label() + " -> " + role.label(),
                    actor.remoteAddress());
            return info(changed, clock.instant());
        }
    }

    @Override
    public void setPassword(UserSession actor, String name, String password) {
        requireAdmin(actor, "user.password", name);
        checkPolicy(actor, "user.password", name, password);
        synchronized (changes) {
            StoredUser u = existing(actor, "user.password", name);
            save(with(u.withHash(hasher.hash(password), clock.instant())));
            sessions.closeAll(name, null);
            record(
                    actor.user(),
                    "user.password",
                    name,
                    Outcome.SUCCESS,
                    "set by an administrator",
                    actor.remoteAddress());
        }
        passwordChanged(name);
    }

    @Override
    public void changePassword(UserSession actor, String oldPassword, String newPassword) {
        String name = actor.user();
        checkPolicy(actor, "user.password", name, newPassword);
        synchronized (changes) {
            StoredUser u = existing(actor, "user.password", name);
            if (oldPassword == null || !hasher.matches(u.hash(), oldPassword)) {
                userLockout.fail(name, clock.instant());
                throw refuse(actor, "user.password", name, Reason.INVALID, "the current password is wrong");
            }
            save(with(u.withHash(hasher.hash(newPassword), clock.instant())));
            sessions.closeAll(name, actor.token());
            record(name, "user.password", name, Outcome.SUCCESS, "changed by the user", actor.remoteAddress());
        }
        passwordChanged(name);
    }

    /** The generated first password is worthless once changed: its file goes. */
    private void passwordChanged(String name) {
        if (name.equals(INITIAL_ADMIN)) {
            try {
                if (Files.deleteIfExists(initialPasswordFile)) {
                    logger.info("Deleted {}: the initial administrator password was changed", initialPasswordFile);
                }
            } catch (IOException e) {
                logger.warn("Could not delete {}", initialPasswordFile, e);
            }
        }
    }

    @Override
    public UserInfo unlock(UserSession actor, String name) {
        requireAdmin(actor, "user.unlock", name);
        StoredUser u = existing(actor, "user.unlock", name);
        userLockout.succeed(name);
        record(actor.user(), "user.unlock", name, Outcome.SUCCESS, null, actor.remoteAddress());
        return info(u, clock.instant());
    }

    @Override
    public void deleteUser(UserSession actor, String name) {
        requireAdmin(actor, "user.delete", name);
        synchronized (changes) {
            StoredUser u = existing(actor, "user.delete", name);
            if (u.role() == Role.ADMIN && admins() == 1) {
                throw refuse(actor, "user.delete", name, Reason.CONFLICT, "'" + name + "' is the last administrator");
            }
            Map<String, StoredUser> m = new LinkedHashMap<>(users);
            m.remove(name);
            save(m);
            sessions.closeAll(name, null);
            record(actor.user(), "user.delete", name, Outcome.SUCCESS, null, actor.remoteAddress());
        }
    }

    @Override
    public String passwordPolicy() {
        return policy.describe();
    }

    private void requireAdmin(UserSession actor, String action, String target) {
        StoredUser u = actor == null ? null : users.get(actor.user());
        if (u == null || !u.role().includes(Role.ADMIN)) {
            String who = actor == null ? "anonymous" : actor.user();
            record(
                    who,
                    action,
                    target,
                    Outcome.DENIED,
                    "needs role admin",
                    actor == null ? null : actor.remoteAddress());
            throw new UserManagementException(Reason.FORBIDDEN, "managing users needs role admin");
        }
    }

    private void checkPolicy(UserSession actor, String action, String name, String password) {
        Optional<String> problem = policy.problem(name, password);
        if (problem.isPresent()) {
            throw refuse(actor, action, name, Reason.INVALID, problem.get() + " (policy: " + policy.describe() + ")");
        }
    }

    private StoredUser existing(UserSession actor, String action, String name) {
        StoredUser u = name == null ? null : users.get(name);
        if (u == null) {
            throw refuse(actor, action, name, Reason.NOT_FOUND, "no user '" + name + "'");
        }
        return u;
    }

    private UserManagementException refuse(
            UserSession actor, String action, String target, Reason reason, String message) {
        record(actor.user(), action, target, Outcome.FAILURE, message, actor.remoteAddress());
        return new UserManagementException(reason, message);
    }

    private long admins() {
        return users.values().stream().filter(u -> u.role() == Role.ADMIN).count();
    }

    private Map<String, StoredUser> with(StoredUser u) {
        Map<String, StoredUser> m = new LinkedHashMap<>(users);
        m.put(u.name(), u);
        return m;
    }

    /** Writes the users file, then makes the change visible: a failed write changes nothing. */
    private void save(Map<String, StoredUser> m) {
        List<StoredUser> list = List.copyOf(m.values());
        try {
            store.save(list);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + store.file(), e);
        }
        users = index(list);
    }
}
