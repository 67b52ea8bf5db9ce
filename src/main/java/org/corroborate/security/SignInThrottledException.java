package org.corroborate.security;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** A sign-in refused without checking the password, because the account or the client address is locked. */
public class SignInThrottledException extends AuthenticationException {

    private final Duration retryAfter;

    SignInThrottledException(Duration retryAfter) {
        super("Too many failed sign-ins: try again in " + describe(retryAfter) + ".");
        this.retryAfter = retryAfter;
    }

    /** How long until a sign-in will be checked again. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** Whole seconds to wait, at least 1, for a {@code Retry-After} header. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    /** "45 seconds", "3 minutes": a wait as a person reads it. */
    public static String describe(Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        if (seconds < 90) {
            return seconds + (seconds == 1 ? " second" : " seconds");
        }
        long minutes = (seconds + 59) / 60;
        return minutes + " minutes";
    }
}
