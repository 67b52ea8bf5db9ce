package org.corroborate.claim.suggestion;

import java.util.List;

/**
 * A passage of another source that may carry the same claim as an annotation: the source's id and
 * title, the passage {@code [start, end)} in code points of that source's text and its words, its
 * score (Lucene BM25: higher is closer; comparable only within one answer), and the annotations the
 * caller may see that overlap the passage.
 */
public record Suggestion(long source, String title, int start, int end, String text, double score,
                         List<OverlappingAnnotation> annotations) {

    /** An annotation the caller may see that overlaps a suggested passage. */
    public record OverlappingAnnotation(long id, String label, String author) {
    }
}
