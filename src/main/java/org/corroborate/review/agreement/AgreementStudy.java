package org.corroborate.review.agreement;

import java.util.List;
import java.util.Map;

/**
 * What agreement is measured on: the sources (with their lengths in code points), the reviewers,
 * the labels of the scheme, and every reviewer's spans.
 */
public record AgreementStudy(Map<Long, Integer> sourceLengths, List<String> reviewers, List<String> labels,
                             List<ReviewerSpan> spans) {

    List<ReviewerSpan> of(String reviewer) {
        return spans.stream().filter(s -> s.reviewer().equals(reviewer)).toList();
    }
}
