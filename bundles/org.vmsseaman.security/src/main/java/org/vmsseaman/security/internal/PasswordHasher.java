package org.vmsseaman.security.internal;

import java.security.SecureRandom;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/** bcrypt password hashes (BouncyCastle {@link OpenBSDBCrypt}) with a random 128-bit salt each. */
final class PasswordHasher {

    private final SecureRandom random;
    private final int cost;
    /** A hash of a random password, checked for unknown users so they take as long as known ones. */
    private final String dummy;

    PasswordHasher(SecureRandom random, int cost) {
        this.random = random;
        this.cost = cost;
        byte[] secret = new byte[16];
        random.nextBytes(secret);
        this.dummy = hash(java.util.HexFormat.of().formatHex(secret));
    }

    String hash(String password) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        return OpenBSDBCrypt.generate("2b", password.toCharArray(), salt, cost);
    }

    boolean matches(String hash, String password) {
        try {
            return OpenBSDBCrypt.checkPassword(hash, password.toCharArray());
        } catch (IllegalArgumentException | org.bouncycastle.crypto.DataLengthException e) {
            return false; // a malformed stored hash or an over-long password never matches
        }
    }

    /** Spends the time of one check, for an unknown user. */
    void burn(String password) {
        matches(dummy, password);
    }
}
