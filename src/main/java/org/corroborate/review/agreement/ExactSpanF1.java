package org.corroborate.review.agreement;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Span F1 where a match is the same start, end and label. */
@Component
@Order(20)
class ExactSpanF1 extends SpanF1 {

    @Override
    public String id() {
        return "spanF1Exact";
    }

    @Override
    public String title() {
        return "Span F1, exact match";
    }

    @Override
    public String description() {
        return "Span F1 where two reviewers' spans match only with the same start, end and label.";
    }

    @Override
    boolean matches(ReviewerSpan a, ReviewerSpan b) {
        return a.sourceId() == b.sourceId() && a.start() == b.start() && a.end() == b.end()
                && a.label().equals(b.label());
    }
}
