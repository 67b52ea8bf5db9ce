package org.corroborate.annotation;

import java.util.Set;

/**
 * A review write on a source that open workspaces show beside its annotations: a verdict, a review
 * status or a decision. The review feature publishes it inside the writing transaction, and
 * {@link AnnotationBroadcaster} relays it to the source's open views once it commits, as it does
 * annotation changes; the views read what changed through the services, as their viewer.
 *
 * @param annotationIds the annotations whose verdicts or decision changed (empty for a status)
 * @param reviewer the reviewer whose review status changed, or null
 * @param submission whether that reviewer's status moved to or from SUBMITTED (which, in blind
 *        mode, changes what they may see)
 * @param actor who made the change
 */
public record ReviewChanged(long sourceId, Set<Long> annotationIds, String reviewer, boolean submission,
                            String actor) {

    /** Verdicts or a decision on these annotations changed. */
    public static ReviewChanged onAnnotations(long sourceId, Set<Long> annotationIds, String actor) {
        return new ReviewChanged(sourceId, Set.copyOf(annotationIds), null, false, actor);
    }

    /** A reviewer's review status on the source changed; {@code submission}: to or from SUBMITTED. */
    public static ReviewChanged status(long sourceId, String reviewer, boolean submission, String actor) {
        return new ReviewChanged(sourceId, Set.of(), reviewer, submission, actor);
    }

    /** Whether the change concerns this annotation. */
    public boolean concerns(long annotationId) {
        return annotationIds.contains(annotationId);
    }
}
