package org.vmsseaman.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

/** bcrypt hashes: a round trip, a fresh salt each time, and the policy. */
class PasswordHashingTest {

    private final PasswordHasher hasher = new PasswordHasher(new SecureRandom(), 4);

    @Test
    void aHashMatchesItsPasswordOnly() {
        String hash = hasher.hash("Correct-Horse-9");
        assertThat(hash).startsWith("$2b$04$").doesNotContain("Correct-Horse-9");
        assertThat(hasher.matches(hash, "Correct-Horse-9")).isTrue();
        assertThat(hasher.matches(hash, "correct-horse-9")).isFalse();
        assertThat(hasher.matches("not a hash", "Correct-Horse-9")).isFalse();
    }

    @Test
    void theSamePasswordHashesDifferentlyEachTime() {
        String a = hasher.hash("Correct-Horse-9");
        String b = hasher.hash("Correct-Horse-9");
        assertThat(a).isNotEqualTo(b);
        assertThat(a.substring(0, 29)).as("salt").isNotEqualTo(b.substring(0, 29));
    }

    @Test
    void thePolicyNamesWhatIsWrong() {
        PasswordPolicy p = new PasswordPolicy(12, 3);
        assertThat(p.problem("anna", "Short-1")).get().asString().contains("at least 12");
        assertThat(p.problem("anna", "alllowercaseletters")).get().asString().contains("at least 3");
        assertThat(p.problem("Anna.Berg-2026", "anna.berg-2026"))
                .get()
                .asString()
                .contains("user name");
        assertThat(p.problem("anna", "x".repeat(40) + "Ä".repeat(20) + "1"))
                .get()
                .asString()
                .contains("72 bytes");
        assertThat(p.problem("anna", "Engine-Room-42")).isEmpty();
    }
}
