package org.corroborate.security;

import java.time.Instant;
import java.util.Set;
import org.corroborate.base.Role;

/** What the rest of the application may know about an account: never the password hash. */
public record AccountDetails(Long id, String username, String displayName, Set<Role> roles, boolean enabled,
                             Instant createdAt, long version) {

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
