package org.corroborate.project.ui;

import java.util.Set;
import java.util.stream.Collectors;
import org.corroborate.base.Role;

/** A person's roles in a project in words, as the switcher, the projects page and the accounts page show them. */
final class ProjectRoles {

    private ProjectRoles() {}

    /**
     * The roles in words, such as "supervisor, reviewer"; "administrator" for an administrator who is not
     * a member; "no role" for none.
     */
    static String describe(Set<Role> roles) {
        if (roles.isEmpty()) {
            return "no role";
        }
        boolean member = roles.stream().anyMatch(Role.IN_PROJECT::contains);
        return roles.stream()
                .filter(r -> !member || r != Role.ADMIN)
                .sorted((a, b) -> Integer.compare(rank(a), rank(b)))
                .map(ProjectRoles::word)
                .collect(Collectors.joining(", "));
    }

    /** One role in words. */
    static String word(Role role) {
        return switch (role) {
            case REVIEWER -> "reviewer";
            case SUPERVISOR -> "supervisor";
            case ADMIN -> "administrator";
        };
    }

    private static int rank(Role role) {
        return switch (role) {
            case SUPERVISOR -> 0;
            case REVIEWER -> 1;
            case ADMIN -> 2;
        };
    }
}
