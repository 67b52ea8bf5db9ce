package org.corroborate.review.agreement;

import java.util.List;
import java.util.Map;

/**
 * The figures of one measure: overall, per label, and per pair of reviewers where the measure is
 * pairwise; with the unit it counts and how it treats positions not every reviewer annotated.
 * A figure is null where it is undefined: a pair that shared no source, a label nobody used in the
 * sources compared, chance agreement of 1; {@code scope} says the measure's rule in words.
 */
public record MeasureResult(String measure, String title, Double overall, Map<String, Double> perLabel,
                            List<PairScore> pairs, String unit, String incomplete, String scope) {

    /** One pair of reviewers' figure, overall and per label. */
    public record PairScore(String first, String second, Double value, Map<String, Double> perLabel) {}

    /** The measure's figures, named and explained as the measure declares itself. */
    public static MeasureResult of(AgreementMeasure measure, Double overall, Map<String, Double> perLabel,
                                   List<PairScore> pairs) {
        return new MeasureResult(measure.id(), measure.title(), overall, perLabel, pairs, measure.unit(),
                measure.incomplete(), measure.scope());
    }
}
