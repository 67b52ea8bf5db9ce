package org.corroborate.security;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Who is calling, for services and views: the name and roles of the signed-in account. */
@Component
public class CurrentUser {

    public Optional<String> username() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || !auth.isAuthenticated() || "anonymousUser".equals(auth.getName())
                ? Optional.empty() : Optional.of(auth.getName());
    }

    public String require() {
        return username().orElseThrow(() -> new IllegalStateException("No one is signed in"));
    }

    public boolean has(Role role) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .anyMatch(("ROLE_" + role.name())::equals);
    }
}
