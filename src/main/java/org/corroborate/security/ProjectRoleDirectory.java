package org.corroborate.security;

import java.util.Set;
import org.corroborate.base.Role;

/**
 * The project roles an account holds anywhere, so that signing in grants them as authorities:
 * {@code @PreAuthorize} and {@code @RolesAllowed} use them as a first gate (a person who supervises
 * no project never reaches a supervisor's screen), and services then check the role in the project
 * of the object at hand. Implemented by the project feature, which sits above security.
 */
public interface ProjectRoleDirectory {

    /** REVIEWER and/or SUPERVISOR if the account holds them in at least one project; empty otherwise. */
    Set<Role> rolesInAnyProject(String username);
}
