package org.corroborate.review.agreement;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dkpro.statistics.agreement.unitizing.KrippendorffAlphaUnitizingAgreement;
import org.dkpro.statistics.agreement.unitizing.UnitizingAnnotationStudy;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Krippendorff's unitizing alpha (alpha_U) on code point offsets, computed by DKPro Statistics
 * Agreement for each source (its continuum is the source's text; gaps between a reviewer's spans
 * are the unlabelled units alpha_U expects). Over several sources the figure is the mean of the
 * sources' alphas weighted by their length: DKPro's computation compares every pair of units on a
 * continuum, which over a whole corpus as one continuum would take minutes.
 */
@Component
@Order(50)
class UnitizingAlpha implements AgreementMeasure {

    @Override
    public String id() {
        return "alphaU";
    }

    @Override
    public String title() {
        return "Krippendorff's alpha_U";
    }

    @Override
    public String description() {
        return "Chance-corrected agreement on where spans lie and how they are labelled, the gaps between them "
                + "included, computed by DKPro Statistics.";
    }

    @Override
    public String unit() {
        return "code point continuum";
    }

    @Override
    public MeasureDefinition.Range range() {
        return MeasureDefinition.Range.CHANCE_CORRECTED;
    }

    @Override
    public String incomplete() {
        return "Stretches only some reviewers labelled are compared with the others' unlabelled gaps and count "
                + "as disagreement in proportion to their length. Over several sources: the mean of each "
                + "source's alpha_U weighted by its length.";
    }

    @Override
    public boolean pairwise() {
        return false;
    }

    @Override
    public MeasureResult measure(AgreementStudy study) {
        if (study.reviewers().size() < 2 || study.spans().isEmpty()) {
            return result(null, Map.of());
        }
        Weighted overall = new Weighted();
        Map<String, Weighted> perLabel = new LinkedHashMap<>();
        study.labels().forEach(l -> perLabel.put(l, new Weighted()));
        var bySource = study.bySource();
        study.sourceLengths().forEach((sourceId, length) -> {
            var inSource = bySource.get(sourceId);
            if (inSource == null || length == 0) {
                return;
            }
            UnitizingAnnotationStudy units = new UnitizingAnnotationStudy(study.reviewers().size(), 0, length);
            inSource.forEach((reviewer, spans) -> {
                int rater = study.reviewers().indexOf(reviewer);
                spans.forEach(s -> units.addUnit(s.start(), s.end() - s.start(), rater, s.label()));
            });
            KrippendorffAlphaUnitizingAgreement alpha = new KrippendorffAlphaUnitizingAgreement(units);
            overall.add(alpha.calculateAgreement(), length);
            for (String label : study.labels()) {
                boolean used = inSource.values().stream().flatMap(List::stream).anyMatch(s -> s.label().equals(label));
                if (used) {
                    perLabel.get(label).add(alpha.calculateCategoryAgreement(label), length);
                }
            }
        });
        Map<String, Double> labels = new LinkedHashMap<>();
        perLabel.forEach((label, w) -> labels.put(label, w.mean()));
        return result(overall.mean(), labels);
    }

    private MeasureResult result(Double overall, Map<String, Double> perLabel) {
        return MeasureResult.of(this, overall, perLabel, List.of());
    }

    /** A length-weighted mean that skips undefined values. */
    private static final class Weighted {
        private double sum;
        private double weight;

        void add(double value, double w) {
            if (Double.isFinite(value)) {
                sum += value * w;
                weight += w;
            }
        }

        Double mean() {
            return weight == 0 ? null : sum / weight;
        }
    }
}
