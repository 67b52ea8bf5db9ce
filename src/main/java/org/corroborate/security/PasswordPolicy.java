package org.corroborate.security;

import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a password must be: at least {@link #MIN_LENGTH} characters, not only blanks, and hard to
 * guess by zxcvbn's estimate (score 3 of 4 or more), which knows the common-password lists,
 * keyboard walks, repeats, dates and the account's own name. Demo accounts bypass it at start-up.
 */
final class PasswordPolicy {

    static final int MIN_LENGTH = 8;
    /** zxcvbn's "safely unguessable": about 10^8 guesses or more. */
    static final int MIN_SCORE = 3;

    private static final Zxcvbn ESTIMATOR = new Zxcvbn();

    private PasswordPolicy() {}

    /** Why the password is refused, or empty when it is acceptable. {@code context} holds the username and such. */
    static Optional<String> problem(String password, String... context) {
        if (password == null || password.isEmpty()) {
            return Optional.of("A password is required.");
        }
        if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("A password needs at least " + MIN_LENGTH + " characters.");
        }
        if (password.isBlank()) {
            return Optional.of("A password cannot be only spaces: choose one with letters or digits, such as a few "
                    + "uncommon words.");
        }
        // zxcvbn's cost grows with the length; beyond 100 characters a password is strong enough anyway.
        if (password.length() > 100) {
            return Optional.empty();
        }
        List<String> inputs = Arrays.stream(context).filter(Objects::nonNull).filter(s -> !s.isBlank())
                .toList();
        Strength strength = ESTIMATOR.measure(password, inputs);
        if (strength.getScore() >= MIN_SCORE) {
            return Optional.empty();
        }
        String warning = strength.getFeedback().getWarning();
        // zxcvbn's warning is a sentence of its own ("This is a top-10 common password."), kept as one.
        return Optional.of("This password is too easy to guess." + (warning == null || warning.isBlank() ? ""
                : " " + warning.strip().replaceAll("([^.!?])$", "$1.")) + " Choose a longer one, such as three or four "
                + "uncommon words.");
    }
}
