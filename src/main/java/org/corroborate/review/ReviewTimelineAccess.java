package org.corroborate.review;

import java.util.Set;
import org.corroborate.audit.TimelineAccess;
import org.corroborate.base.CurrentActor;
import org.corroborate.project.ProjectService;
import org.corroborate.source.SourceService;
import org.springframework.stereotype.Component;

/**
 * A reviewer reads the audit timeline of their own review status on a source, and of a verdict
 * they gave or may see beside the annotation it judges; never a colleague's review status, and
 * nothing in a project they no longer belong to.
 */
@Component
class ReviewTimelineAccess implements TimelineAccess {

    private final AssessmentService assessments;
    private final SourceService sources;
    private final ProjectService projects;
    private final CurrentActor actor;

    ReviewTimelineAccess(AssessmentService assessments, SourceService sources, ProjectService projects,
                         CurrentActor actor) {
        this.sources = sources;
        this.projects = projects;
        this.assessments = assessments;
        this.actor = actor;
    }

    @Override
    public Set<String> entityTypes() {
        return Set.of("Assessment", "ReviewStatus");
    }

    @Override
    public boolean mayRead(String entityType, String entityId) {
        if (entityType.equals("ReviewStatus")) {
            // The id is "sourceId:reviewer".
            int colon = entityId.indexOf(':');
            return colon > 0 && entityId.substring(colon + 1).equals(actor.require())
                    && readable(entityId.substring(0, colon));
        }
        try {
            return assessments.mayReadHistory(Long.parseLong(entityId));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Whether the source lies in a project the caller reads: outside them even their own status does not exist. */
    private boolean readable(String sourceId) {
        try {
            return sources.projectOf(Long.parseLong(sourceId)).map(projects::mayRead).orElse(false);
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
