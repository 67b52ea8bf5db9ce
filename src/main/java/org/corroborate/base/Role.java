package org.corroborate.base;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * What an account may do. An account holds one or more roles; they do not imply each other. Spring
 * Security holds a role as the authority {@code ROLE_NAME}; only this enum spells that prefix. The
 * rules built from roles (who oversees, who annotates) are in {@link Roles}.
 */
public enum Role {
    /** Annotates sources, assesses colleagues' annotations, submits. */
    REVIEWER,
    /** Assigns work, reads agreement and the audit trail, adjudicates. */
    SUPERVISOR,
    /** Manages accounts, imports sources, configures the label scheme. */
    ADMIN;

    private static final String AUTHORITY_PREFIX = "ROLE_";

    /** The authority Spring Security grants for this role, such as {@code ROLE_ADMIN}. */
    public String authority() {
        return AUTHORITY_PREFIX + name();
    }

    /** This role as a granted authority, for signing someone in with it. */
    public GrantedAuthority grantedAuthority() {
        return new SimpleGrantedAuthority(authority());
    }

    /** Whether the signed-in person holds this role; false for no one signed in. */
    public boolean isHeldBy(Authentication authentication) {
        return authentication != null && authentication.getAuthorities().stream()
                .anyMatch(a -> authority().equals(a.getAuthority()));
    }

    /** The roles the signed-in person holds, in declaration order. */
    public static Set<Role> heldBy(Authentication authentication) {
        Set<Role> held = EnumSet.noneOf(Role.class);
        if (authentication != null) {
            authentication.getAuthorities().forEach(a -> ofAuthority(a.getAuthority()).ifPresent(held::add));
        }
        return held;
    }

    /** The role an authority stands for, if it stands for one. */
    public static Optional<Role> ofAuthority(String authority) {
        return Arrays.stream(values()).filter(r -> r.authority().equals(authority)).findFirst();
    }
}
