package org.vmsseaman.api.security;

import java.time.Instant;

/**
 * A user as administrators see it; never a password or its hash.
 *
 * @param name the user name
 * @param role the role
 * @param created when the user was created
 * @param passwordChanged when the password was last set
 * @param lockedUntil until when logins are refused after repeated failures; null when not locked
 */
public record UserInfo(String name, Role role, Instant created, Instant passwordChanged, Instant lockedUntil) {}
