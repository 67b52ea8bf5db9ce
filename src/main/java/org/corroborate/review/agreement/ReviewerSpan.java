package org.corroborate.review.agreement;

/** One reviewer's labelled span [start, end) of a source, in code points: what agreement is measured on. */
public record ReviewerSpan(long sourceId, String reviewer, String label, int start, int end) {

    boolean overlaps(ReviewerSpan other) {
        return sourceId == other.sourceId && start < other.end && other.start < end;
    }

    int overlap(ReviewerSpan other) {
        return Math.max(0, Math.min(end, other.end) - Math.max(start, other.start));
    }
}
