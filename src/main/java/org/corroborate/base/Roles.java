package org.corroborate.base;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who may do what, in one place: the groups of roles the workbench's rules are made of, and the
 * same rules as compile-time constants for {@code @PreAuthorize} (services) and {@code @RolesAllowed}
 * (views), which cannot call methods. {@code RolesTest} checks that each constant says what its
 * group says, and that no other source file spells a role check as a string.
 */
public final class Roles {

    /**
     * Supervisors and administrators oversee the work: they see every reviewer's annotations, also
     * in blind mode, read the whole audit trail, progress and agreement, and import corpora.
     */
    public static final Set<Role> OVERSEERS = EnumSet.of(Role.SUPERVISOR, Role.ADMIN);

    /** Reviewers and supervisors annotate: they make, change and assess annotations. */
    public static final Set<Role> ANNOTATORS = EnumSet.of(Role.REVIEWER, Role.SUPERVISOR);

    /** {@code @PreAuthorize}: a supervisor. */
    public static final String SUPERVISES = "hasRole('SUPERVISOR')";
    /** {@code @PreAuthorize}: an administrator. */
    public static final String ADMINISTERS = "hasRole('ADMIN')";
    /** {@code @PreAuthorize}: one of the {@link #OVERSEERS}. */
    public static final String OVERSEES = "hasAnyRole('SUPERVISOR', 'ADMIN')";
    /** {@code @PreAuthorize}: one of the {@link #ANNOTATORS}. */
    public static final String ANNOTATES = "hasAnyRole('REVIEWER', 'SUPERVISOR')";

    /** {@code @RolesAllowed}: the name of {@link Role#REVIEWER}. */
    public static final String REVIEWER = "REVIEWER";
    /** {@code @RolesAllowed}: the name of {@link Role#SUPERVISOR}. */
    public static final String SUPERVISOR = "SUPERVISOR";
    /** {@code @RolesAllowed}: the name of {@link Role#ADMIN}. */
    public static final String ADMIN = "ADMIN";

    private Roles() {}

    /** The {@code @PreAuthorize} expression that admits exactly these roles, as the constants above spell it. */
    public static String expression(Set<Role> roles) {
        if (roles.size() == 1) {
            return "hasRole('" + roles.iterator().next().name() + "')";
        }
        return roles.stream().sorted().map(r -> "'" + r.name() + "'")
                .collect(Collectors.joining(", ", "hasAnyRole(", ")"));
    }
}
