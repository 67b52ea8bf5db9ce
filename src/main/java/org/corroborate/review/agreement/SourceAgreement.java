package org.corroborate.review.agreement;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One source's agreement at a glance, for the dashboard's table: who took part in it (its
 * participants, silent ones included), and the overall figure of every measure that declares
 * {@link AgreementMeasure#inSourceTable()}, by measure id (null where undefined).
 */
public record SourceAgreement(long sourceId, String title, int annotations, List<String> reviewers,
                              Map<String, Double> figures, Double incompleteShare) {

    public SourceAgreement {
        reviewers = List.copyOf(reviewers);
        // Copied by hand: Map.copyOf refuses the nulls of undefined figures.
        figures = Collections.unmodifiableMap(new LinkedHashMap<>(figures));
    }

    /** The overall figure of one measure, or null when it is undefined or not in the table. */
    public Double figure(String measure) {
        return figures.get(measure);
    }
}
