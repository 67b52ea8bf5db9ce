package org.corroborate.review.agreement;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Span F1 where a match is the same label on overlapping text, one to one: the dashboard's first measure. */
@Component
@Order(10)
class OverlapSpanF1 extends SpanF1 {

    @Override
    public String id() {
        return "spanF1Overlap";
    }

    @Override
    public String title() {
        return "Span F1, overlap match";
    }

    @Override
    public String description() {
        return "Span F1 where two reviewers' spans match when they overlap with the same label, each used once.";
    }

    @Override
    public boolean inSourceTable() {
        return true;
    }

    @Override
    boolean matches(ReviewerSpan a, ReviewerSpan b) {
        return a.overlaps(b) && a.label().equals(b.label());
    }
}
