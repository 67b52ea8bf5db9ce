package org.corroborate.project;

import java.util.Map;
import java.util.Set;
import org.corroborate.base.Role;

/**
 * Published, inside the changing transaction, when a project's members were replaced: who belongs
 * to it now and with which roles. Features that hold on to a person's access (live pushes to open
 * views) re-check it after the commit; anyone absent from {@code members} lost the project.
 */
public record ProjectMembersChanged(long projectId, Map<String, Set<Role>> members) {

    public ProjectMembersChanged {
        members = Map.copyOf(members);
    }
}
