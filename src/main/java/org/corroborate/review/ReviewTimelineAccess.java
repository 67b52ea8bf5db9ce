package org.corroborate.review;

import java.util.Set;
import org.corroborate.audit.TimelineAccess;
import org.corroborate.base.CurrentActor;
import org.springframework.stereotype.Component;

/**
 * A reviewer reads the audit timeline of their own review status on a source, and of a verdict
 * they gave or may see beside the annotation it judges; never a colleague's review status.
 */
@Component
class ReviewTimelineAccess implements TimelineAccess {

    private final AssessmentService assessments;
    private final CurrentActor actor;

    ReviewTimelineAccess(AssessmentService assessments, CurrentActor actor) {
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
            return colon > 0 && entityId.substring(colon + 1).equals(actor.require());
        }
        try {
            return assessments.mayReadHistory(Long.parseLong(entityId));
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
