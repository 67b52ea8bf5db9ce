package org.corroborate.base;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Component;

/**
 * Who is acting: the signed-in account on the API or in the UI, or a named identity for start-up
 * work. Reads the same security context strategy that Spring Security and Vaadin use, so
 * services, method security and the audit trail always agree on the actor.
 */
@Component
public class CurrentActor {

    /**
     * The request attribute that holds the id of the API token a request signed in with (set by the
     * security feature's Bearer filter), so that the audit trail can name it; never the token itself.
     */
    public static final String API_TOKEN_ATTRIBUTE = "org.corroborate.api-token";

    private final SecurityContextHolderStrategy strategy;

    public CurrentActor(ObjectProvider<SecurityContextHolderStrategy> strategy) {
        this.strategy = strategy.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
    }

    /** The signed-in username, if anyone is signed in. */
    public Optional<String> name() {
        Authentication auth = strategy.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        return Optional.ofNullable(auth.getName());
    }

    /** Whether the actor holds the role. */
    public boolean has(Role role) {
        return role.isHeldBy(strategy.getContext().getAuthentication());
    }

    /** The signed-in username; services that write call this, and a missing actor is a programming error. */
    public String require() {
        return name().orElseThrow(() -> new IllegalStateException("No one is signed in"));
    }

    /** Runs start-up work (demo data, the first admin) as a named identity, so it passes method security and is audited. */
    public <T> T runAs(String actor, Role role, Supplier<T> work) {
        SecurityContext previous = strategy.getContext();
        SecurityContext context = strategy.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                actor, null, List.of(role.grantedAuthority())));
        strategy.setContext(context);
        try {
            return work.get();
        } finally {
            strategy.setContext(previous);
        }
    }
}
