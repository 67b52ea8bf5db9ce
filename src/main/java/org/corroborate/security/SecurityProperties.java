package org.corroborate.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the doors, under {@code workbench.security.*}.
 *
 * @param allowedOrigins other origins (scheme://host[:port]) whose pages may write through the API, e.g. a
 *                       trusted tool on another host; the workbench's own origin is always allowed
 * @param signIn how failed sign-ins are throttled
 */
@ConfigurationProperties("workbench.security")
public record SecurityProperties(@DefaultValue List<String> allowedOrigins, @DefaultValue SignIn signIn) {

    /**
     * Throttling of failed sign-ins, per account and per client address: after {@code maxFailures}
     * failures in a row the account is locked for {@code lockout}, and each further failure doubles the
     * time, up to {@code maxLockout}. A client address gets the same treatment after
     * {@code addressMaxFailures}. A success clears the account's count.
     *
     * @param maxFailures failures of one account before it is locked
     * @param addressMaxFailures failures from one client address, over any accounts, before it is locked
     * @param lockout the first lock's length
     * @param maxLockout the longest lock
     * @param forgetAfter a count is forgotten after this long without failures
     */
    public record SignIn(@DefaultValue("5") int maxFailures,
                         @DefaultValue("20") int addressMaxFailures,
                         @DefaultValue("1m") Duration lockout,
                         @DefaultValue("1h") Duration maxLockout,
                         @DefaultValue("1h") Duration forgetAfter) {}
}
