package org.corroborate.source;

import org.corroborate.project.ProjectContents;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** How many sources a project holds, for the projects page: one count query, no source loaded. */
@Component
class SourcesInProject implements ProjectContents {

    private final SourceRepository sources;

    SourcesInProject(SourceRepository sources) {
        this.sources = sources;
    }

    @Override
    @Transactional(readOnly = true)
    public String describe(long projectId) {
        long count = sources.countByProjectId(projectId);
        return count + (count == 1 ? " source" : " sources");
    }
}
