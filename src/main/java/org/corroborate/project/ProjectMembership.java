package org.corroborate.project;

import java.util.Set;
import org.corroborate.base.Role;

/** One member of a project and the roles they hold in it: REVIEWER, SUPERVISOR or both. */
public record ProjectMembership(String username, Set<Role> roles) {}
