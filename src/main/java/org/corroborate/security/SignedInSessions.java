package org.corroborate.security;

import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;

/**
 * The browser sessions signed in per account, so that disabling an account, changing its roles or
 * resetting its password ends them: the person signs in again with what they may now do.
 */
@Component
class SignedInSessions {

    private final SessionRegistry registry;

    SignedInSessions(SessionRegistry registry) {
        this.registry = registry;
    }

    void end(String username) {
        registry.getAllPrincipals().stream()
                .filter(p -> p instanceof UserDetails user && user.getUsername().equals(username)
                        || username.equals(String.valueOf(p)))
                .flatMap(p -> registry.getAllSessions(p, false).stream())
                .forEach(SessionInformation::expireNow);
    }
}
