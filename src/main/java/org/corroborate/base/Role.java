package org.corroborate.base;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * What an account may do. REVIEWER and SUPERVISOR are held in a project (an account may review one
 * project and supervise another); ADMIN is held workbench-wide. Roles do not imply each other. Spring
 * Security holds a role as the authority {@code ROLE_NAME}; only this enum spells that prefix. The
 * rules built from roles (who oversees, who annotates) are in {@link Roles}.
 */
public enum Role {
    /** In a project: annotates its sources, assesses colleagues' annotations, submits. */
    REVIEWER,
    /** In a project: assigns work, edits the scheme and members, reads agreement and the audit trail, adjudicates. */
    SUPERVISOR,
    /** Workbench-wide: manages accounts, creates projects, appoints their first supervisor, oversees every project. */
    ADMIN;

    /** The roles held workbench-wide, by the account itself. */
    public static final Set<Role> WORKBENCH_WIDE = EnumSet.of(ADMIN);
    /** The roles held in a project, by its members. */
    public static final Set<Role> IN_PROJECT = EnumSet.of(REVIEWER, SUPERVISOR);

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
