package org.corroborate.base;

import java.util.Set;

/**
 * Which projects the signed-in person reads and oversees, for features below the project feature
 * that must scope by project without depending on it (the audit trail shows each person the events
 * of their projects only). Implemented by the project feature.
 */
public interface ProjectAccess {

    /** The ids of the projects the signed-in person may read: every project for an administrator. */
    Set<Long> readableProjects();

    /** The ids of the projects the signed-in person oversees (supervises there, or is an administrator). */
    Set<Long> overseenProjects();

    /**
     * The default project: the first one, which the migration to projects made. Events written
     * before projects existed name no project and belong to it.
     */
    long defaultProject();
}
