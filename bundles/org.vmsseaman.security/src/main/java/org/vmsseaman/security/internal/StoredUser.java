package org.vmsseaman.security.internal;

import java.time.Instant;
import org.vmsseaman.api.security.Role;

/** A user as stored in {@code users.json}: the password only as its bcrypt hash. */
record StoredUser(String name, Role role, String hash, Instant created, Instant passwordChanged) {

    StoredUser withRole(Role r) {
        return new StoredUser(name, r, hash, created, passwordChanged);
    }

    StoredUser withHash(String h, Instant changed) {
        return new StoredUser(name, role, h, created, changed);
    }
}
