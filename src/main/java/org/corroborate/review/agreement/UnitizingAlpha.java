package org.corroborate.review.agreement;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dkpro.statistics.agreement.unitizing.KrippendorffAlphaUnitizingAgreement;
import org.dkpro.statistics.agreement.unitizing.UnitizingAnnotationStudy;
import org.springframework.stereotype.Component;

/**
 * Krippendorff's unitizing alpha (alpha_U) on code point offsets, computed by DKPro Statistics
 * Agreement. The sources are laid end to end on one continuum; gaps between a reviewer's spans are
 * the unlabelled units alpha_U expects.
 */
@Component
class UnitizingAlpha implements AgreementMeasure {

    @Override
    public String id() {
        return "alphaU";
    }

    @Override
    public MeasureResult measure(AgreementStudy study) {
        if (study.reviewers().size() < 2 || study.spans().isEmpty()) {
            return result(null, Map.of());
        }
        Map<Long, Long> offsets = new LinkedHashMap<>();
        long length = 0;
        for (var entry : study.sourceLengths().entrySet()) {
            offsets.put(entry.getKey(), length);
            length += entry.getValue();
        }
        UnitizingAnnotationStudy units = new UnitizingAnnotationStudy(study.reviewers().size(), 0, length);
        for (ReviewerSpan span : study.spans()) {
            Long offset = offsets.get(span.sourceId());
            int rater = study.reviewers().indexOf(span.reviewer());
            if (offset != null && rater >= 0) {
                units.addUnit(offset + span.start(), span.end() - span.start(), rater, span.label());
            }
        }
        KrippendorffAlphaUnitizingAgreement alpha = new KrippendorffAlphaUnitizingAgreement(units);
        Map<String, Double> perLabel = new LinkedHashMap<>();
        for (String label : study.labels()) {
            boolean used = study.spans().stream().anyMatch(s -> s.label().equals(label));
            perLabel.put(label, used ? finite(alpha.calculateCategoryAgreement(label)) : null);
        }
        return result(finite(alpha.calculateAgreement()), perLabel);
    }

    private MeasureResult result(Double overall, Map<String, Double> perLabel) {
        return new MeasureResult(id(), "Krippendorff's alpha_U", overall, perLabel, List.of(), "code point continuum",
                "Stretches only some reviewers labelled are compared with the others' unlabelled gaps and count "
                        + "as disagreement in proportion to their length.");
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
