package org.corroborate.review.agreement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Krippendorff's unitizing alpha (alpha_U) on code point offsets, for each source over its
 * participants (its continuum is the source's text; gaps between a reviewer's spans are the
 * unlabelled units alpha_U expects), with DKPro Statistics Agreement 2.2.1's disagreements
 * ({@link UnitizingDisagreement}). Over several sources the figure is the mean of the sources'
 * alphas weighted by their length: one continuum for the whole corpus would compare every pair of
 * units in it. Where no disagreement is expected (nobody labelled anything, or per label nobody
 * used it) the figure is null, where DKPro 2.2.1 answers 0.0.
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
                + "included, as DKPro Statistics computes it.";
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
        return "Stretches only some participants labelled are compared with the others' unlabelled gaps and count "
                + "as disagreement in proportion to their length. Over several sources: the mean of each "
                + "source's alpha_U weighted by its length.";
    }

    @Override
    public String scope() {
        return "Each source with its own participants (fewer than two, or no span at all: it adds nothing), "
                + "then the mean weighted by length; per label, the sources where someone used it. Null where "
                + "no source adds anything.";
    }

    @Override
    public boolean pairwise() {
        return false;
    }

    @Override
    public MeasureResult measure(AgreementStudy study) {
        Weighted overall = new Weighted();
        Map<String, Weighted> perLabel = new LinkedHashMap<>();
        study.labels().forEach(l -> perLabel.put(l, new Weighted()));
        var bySource = study.bySource();
        study.sourceLengths().forEach((sourceId, length) -> {
            List<String> raters = study.participantsOf(sourceId);
            var inSource = bySource.get(sourceId);
            if (raters.size() < 2 || inSource == null || length == 0) {
                return;
            }
            // Per label (DKPro's "category"), each participant's units; a silent participant has only gaps.
            Map<String, List<List<UnitizingDisagreement.Unit>>> byLabel = new LinkedHashMap<>();
            for (int r = 0; r < raters.size(); r++) {
                for (ReviewerSpan s : inSource.getOrDefault(raters.get(r), List.of())) {
                    if (s.end() > s.start()) {
                        List<List<UnitizingDisagreement.Unit>> units = byLabel.computeIfAbsent(s.label(),
                                l -> emptyLists(raters.size()));
                        units.get(r).add(new UnitizingDisagreement.Unit(s.start(), s.end() - s.start()));
                    }
                }
            }
            double observed = 0;
            double expected = 0;
            for (var entry : byLabel.entrySet()) {
                UnitizingDisagreement label = new UnitizingDisagreement(length, entry.getValue());
                double o = label.observed();
                double e = label.expected();
                observed += o;
                expected += e;
                perLabel.computeIfAbsent(entry.getKey(), l -> new Weighted()).add(alpha(o, e), length);
            }
            // DKPro's overall: 1 - mean D_O / mean D_E over the categories present (the means' 1/n cancels).
            overall.add(alpha(observed, expected), length);
        });
        Map<String, Double> labels = new LinkedHashMap<>();
        perLabel.forEach((label, w) -> labels.put(label, w.mean()));
        return MeasureResult.of(this, overall.mean(), labels, List.of());
    }

    /** 1 - D_O / D_E; undefined (null) when no disagreement is expected: nothing to tell from chance. */
    private static Double alpha(double observed, double expected) {
        return expected > 0 && Double.isFinite(expected) ? 1 - observed / expected : null;
    }

    private static List<List<UnitizingDisagreement.Unit>> emptyLists(int n) {
        List<List<UnitizingDisagreement.Unit>> lists = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            lists.add(new ArrayList<>());
        }
        return lists;
    }

    /** A length-weighted mean that skips undefined values. */
    private static final class Weighted {
        private double sum;
        private double weight;

        void add(Double value, double w) {
            if (value != null && Double.isFinite(value)) {
                sum += value * w;
                weight += w;
            }
        }

        Double mean() {
            return weight == 0 ? null : sum / weight;
        }
    }
}
