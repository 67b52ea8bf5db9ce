package org.corroborate.review.agreement;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What agreement is measured on: the sources (with their lengths in code points), the reviewers,
 * the labels of the scheme, and every reviewer's spans.
 */
public record AgreementStudy(Map<Long, Integer> sourceLengths, List<String> reviewers, List<String> labels,
                             List<ReviewerSpan> spans) {

    /** The spans by source, then by reviewer: every measure works source by source. */
    Map<Long, Map<String, List<ReviewerSpan>>> bySource() {
        Map<Long, Map<String, List<ReviewerSpan>>> grouped = new HashMap<>();
        for (ReviewerSpan span : spans) {
            grouped.computeIfAbsent(span.sourceId(), id -> new HashMap<>())
                    .computeIfAbsent(span.reviewer(), r -> new ArrayList<>()).add(span);
        }
        return grouped;
    }
}
