package org.corroborate.review.agreement;

import org.springframework.stereotype.Component;

/** Span F1 where a match is the same label on overlapping text, one to one. */
@Component
class OverlapSpanF1 extends SpanF1 {

    @Override
    public String id() {
        return "spanF1Overlap";
    }

    @Override
    String title() {
        return "Span F1, overlap match";
    }

    @Override
    boolean matches(ReviewerSpan a, ReviewerSpan b) {
        return a.overlaps(b) && a.label().equals(b.label());
    }
}
