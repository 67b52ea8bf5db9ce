package org.corroborate.review.adjudication;

import java.util.Map;
import java.util.Set;

/**
 * A supervisor's decision on a unit: the annotations it covers, the outcome, the reason, and for an
 * accepted unit the gold span. When the gold fields are left out of an acceptance, the gold span is
 * the version named by {@code from} (or the only one given), unchanged. Offsets count code points.
 * Build one with {@link #accept}, {@link #reject} or {@link #of} and the {@code with…} methods.
 */
public record DecisionRequest(Set<Long> annotationIds, Outcome outcome, String reason, Long from, Integer start,
                              Integer end, String label, Map<String, String> attributes, String note, Long version) {

    /** A decision with this outcome and reason on these annotations, the gold span left to the only version. */
    public static DecisionRequest of(Set<Long> annotationIds, Outcome outcome, String reason) {
        return new DecisionRequest(annotationIds, outcome, reason, null, null, null, null, null, null, null);
    }

    /** Accepts the version {@code from} of the unit into the gold layer as it is. */
    public static DecisionRequest accept(Set<Long> annotationIds, Long from, String reason) {
        return new DecisionRequest(annotationIds, Outcome.ACCEPTED, reason, from, null, null, null, null, null, null);
    }

    /** Rejects every version of the unit. */
    public static DecisionRequest reject(Set<Long> annotationIds, String reason) {
        return of(annotationIds, Outcome.REJECTED, reason);
    }

    /** This request with the gold span's offsets and label (null: those of the version it rests on). */
    public DecisionRequest withSpan(Integer start, Integer end, String label) {
        return new DecisionRequest(annotationIds, outcome, reason, from, start, end, label, attributes, note, version);
    }

    /** This request with the gold span's attributes and note (null: those of the version it rests on). */
    public DecisionRequest withDescription(Map<String, String> attributes, String note) {
        return new DecisionRequest(annotationIds, outcome, reason, from, start, end, label, attributes, note, version);
    }

    /** This request about other annotations. */
    public DecisionRequest about(Set<Long> annotationIds) {
        return new DecisionRequest(annotationIds, outcome, reason, from, start, end, label, attributes, note, version);
    }
}
