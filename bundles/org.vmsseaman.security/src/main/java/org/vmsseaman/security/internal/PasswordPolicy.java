package org.vmsseaman.security.internal;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The password policy: a minimum length, a number of character classes, and bcrypt's 72-byte limit. */
record PasswordPolicy(int minLength, int characterClasses) {

    static final int MAX_BYTES = 72;

    /** What is wrong with {@code password} for {@code user}, or empty if the policy accepts it. */
    Optional<String> problem(String user, String password) {
        if (password == null || password.length() < minLength) {
            return Optional.of("the password must be at least " + minLength + " characters long");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of("the password must be at most " + MAX_BYTES + " bytes long (UTF-8)");
        }
        if (password.equalsIgnoreCase(user)) {
            return Optional.of("the password must not be the user name");
        }
        boolean lower = false, upper = false, digit = false, other = false;
        for (int i = 0; i < password.length(); i++) {
            char c = password.charAt(i);
            lower |= Character.isLowerCase(c);
            upper |= Character.isUpperCase(c);
            digit |= Character.isDigit(c);
            other |= !Character.isLetterOrDigit(c);
        }
        int classes = (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
        if (classes < characterClasses) {
            return Optional.of("the password must mix at least " + characterClasses
                    + " of: lower case, upper case, digits, other characters");
        }
        return Optional.empty();
    }

    /** The policy in words. */
    String describe() {
        return "at least " + minLength + " characters (at most " + MAX_BYTES + " bytes), mixing at least "
                + characterClasses + " of: lower case, upper case, digits, other characters; not the user name";
    }
}
