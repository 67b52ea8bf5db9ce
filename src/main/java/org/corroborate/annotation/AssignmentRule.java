package org.corroborate.annotation;

import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;

/**
 * A project's assignment rule, implemented by the review feature (which keeps the assignments):
 * when the project requires assignments, a reviewer works only on the sources assigned to them.
 * "Works" means creating, changing or deleting their annotations, recording a verdict on a
 * colleague's annotation, and submitting their review; reading is not affected. The project's
 * supervisors and administrators are never refused. Asked by {@link AnnotationService} and by the
 * review feature's own services, and by the views so that they say so before a save fails.
 */
public interface AssignmentRule {

    /**
     * Why the signed-in person may not work on this source now, as a sentence naming the source and
     * who can assign it; empty when they may (the project does not require assignments, the source is
     * assigned to them, or they oversee the project). 404 for a source outside the caller's projects.
     */
    Optional<String> refusal(long sourceId);

    /** Refuses with {@link #refusal}'s sentence (403) when the signed-in person may not work on the source. */
    default void require(long sourceId) {
        refusal(sourceId).ifPresent(message -> {
            throw new AccessDeniedException(message);
        });
    }
}
