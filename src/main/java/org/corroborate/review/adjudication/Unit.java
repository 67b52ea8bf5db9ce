package org.corroborate.review.adjudication;

import java.util.List;
import org.corroborate.annotation.AnnotationDetails;

/**
 * A unit to adjudicate: annotations of one source with one label whose spans overlap (directly or
 * through each other), from {@code start} to {@code end} (code points, the versions' extent); whether
 * every participating reviewer of the source made the same span with that label ({@code agreed}); and
 * the decision taken on it, if any. {@link CurationUnits} says how units are formed.
 */
public record Unit(String label, int start, int end, List<AnnotationDetails> versions, boolean agreed,
                   DecisionDetails decision) {

    /** Whether the unit holds this annotation. */
    public boolean holds(long annotationId) {
        return versions.stream().anyMatch(v -> v.id() == annotationId);
    }
}
