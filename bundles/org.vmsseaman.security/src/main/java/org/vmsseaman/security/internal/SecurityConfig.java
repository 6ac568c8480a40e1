package org.vmsseaman.security.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the security service (PID {@code org.vmsseaman.security}). */
@ObjectClassDefinition(
        name = "VMS Seaman security",
        description = "Sessions, lockout after failed logins, password policy and password hashing.")
public @interface SecurityConfig {

    @AttributeDefinition(description = "A session not used for this many minutes ends.", min = "1")
    int idleTimeoutMinutes() default 15;

    @AttributeDefinition(description = "A session ends this many hours after login, however busy.", min = "1")
    int sessionLifetimeHours() default 12;

    @AttributeDefinition(description = "Failed logins in a row after which a user is locked out.", min = "1")
    int lockoutFailures() default 5;

    @AttributeDefinition(
            description = "Failed logins from one address after which that address is locked out.",
            min = "1")
    int addressLockoutFailures() default 20;

    @AttributeDefinition(description = "How long a lockout lasts, in minutes.", min = "1")
    int lockoutMinutes() default 15;

    @AttributeDefinition(description = "Minimum password length in characters.", min = "8")
    int passwordMinLength() default 12;

    @AttributeDefinition(
            description =
                    "How many of the four character classes (lower case, upper case, digits, other) a password needs.",
            min = "1",
            max = "4")
    int passwordCharacterClasses() default 3;

    @AttributeDefinition(
            description = "bcrypt cost (log2 of the rounds) for new password hashes; 12 takes a few hundred ms.",
            min = "4",
            max = "31")
    int bcryptCost() default 12;
}
