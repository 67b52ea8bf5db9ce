package org.corroborate.project;

/**
 * What a feature above the project feature holds in a project (its sources, say), counted for the
 * projects page, so that the project feature does not depend on it. Implementations are Spring beans.
 */
public interface ProjectContents {

    /**
     * How much of this the project holds, in words such as "4 sources". The caller has checked that
     * the signed-in person may read the project.
     */
    String describe(long projectId);
}
