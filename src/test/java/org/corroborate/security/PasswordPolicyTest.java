package org.corroborate.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The password policy refuses what guessers try first and accepts passphrases. */
class PasswordPolicyTest {

    @Test
    void refusesCommonBlankAndShortPasswords() {
        assertThat(PasswordPolicy.problem("12345678")).hasValue("This password is too easy to guess. This is a top-10 "
                + "common password. Choose a longer one, such as three or four uncommon words.");
        assertThat(PasswordPolicy.problem("        ")).hasValueSatisfying(m -> assertThat(m)
                .startsWith("A password cannot be only spaces:"));
        assertThat(PasswordPolicy.problem("password1")).isPresent();
        assertThat(PasswordPolicy.problem("qwertyuiop")).isPresent();
        assertThat(PasswordPolicy.problem("Password123!")).isPresent();
        assertThat(PasswordPolicy.problem("demo")).hasValue("A password needs at least 8 characters.");
        assertThat(PasswordPolicy.problem("")).hasValue("A password is required.");
    }

    @Test
    void refusesThePersonsOwnName() {
        assertThat(PasswordPolicy.problem("kwiatkowska99")).isEmpty();
        assertThat(PasswordPolicy.problem("kwiatkowska99", "kwiatkowska")).isPresent();
    }

    @Test
    void acceptsPassphrases() {
        assertThat(PasswordPolicy.problem("correct horse")).isEmpty();
        assertThat(PasswordPolicy.problem("long enough secret")).isEmpty();
        assertThat(PasswordPolicy.problem("x".repeat(200) + "y")).isEmpty();
    }
}
