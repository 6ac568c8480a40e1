package org.vmsseaman.api.security;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Users, passwords, sessions and lockout. Thread-safe.
 *
 * <p>Passwords are stored only as slow salted hashes and checked against a configurable policy. A session
 * ends when it has not been used for the idle timeout, when its absolute lifetime is over, or at logout;
 * repeated login failures lock the user out for a while. Every login, logout, failure, lockout and user
 * change is recorded in the {@link AuditTrail}. There is always at least one {@link Role#ADMIN}: the last one
 * can be neither deleted nor demoted.
 *
 * <p>The user-management methods take the acting session and refuse ({@link UserManagementException.Reason#FORBIDDEN})
 * unless it is an administrator's, except {@link #changePassword} which any user may call for themselves.
 */
@ProviderType
public interface SecurityService {

    /**
     * Checks a user's password and opens a session.
     *
     * @param remoteAddress the client's address, recorded and counted for lockout
     * @throws AuthenticationException if the credentials are wrong or the user or address is locked out
     */
    UserSession login(String user, String password, String remoteAddress) throws AuthenticationException;

    /**
     * The live session with this token, its idle time restarted; empty if there is none (unknown, expired,
     * logged out). The role is the user's current one.
     */
    Optional<UserSession> session(String token);

    /** Ends the session; the token is invalid from now on. Unknown tokens are ignored. */
    void logout(String token);

    /** Every user, by name. */
    List<UserInfo> users(UserSession actor);

    /** Creates a user; the password must satisfy the policy. */
    UserInfo createUser(UserSession actor, String name, Role role, String password);

    /** Changes a user's role; the last administrator cannot be demoted. Their open sessions get the new role. */
    UserInfo changeRole(UserSession actor, String name, Role role);

    /** Sets a user's password (an administrator resetting it); the user's sessions end. */
    void setPassword(UserSession actor, String name, String password);

    /** The acting user changes their own password, proving the old one; their other sessions end. */
    void changePassword(UserSession actor, String oldPassword, String newPassword);

    /** Lifts a user's lockout. */
    UserInfo unlock(UserSession actor, String name);

    /** Deletes a user and ends their sessions; the last administrator cannot be deleted. */
    void deleteUser(UserSession actor, String name);

    /** What the password policy demands, in words, e.g. for an error message or a form. */
    String passwordPolicy();
}
