package org.corroborate.review.agreement;

import org.springframework.stereotype.Component;

/** Span F1 where a match is the same start, end and label. */
@Component
class ExactSpanF1 extends SpanF1 {

    @Override
    public String id() {
        return "spanF1Exact";
    }

    @Override
    String title() {
        return "Span F1, exact match";
    }

    @Override
    boolean matches(ReviewerSpan a, ReviewerSpan b) {
        return a.sourceId() == b.sourceId() && a.start() == b.start() && a.end() == b.end()
                && a.label().equals(b.label());
    }
}
