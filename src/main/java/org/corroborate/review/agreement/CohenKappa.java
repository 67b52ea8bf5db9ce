package org.corroborate.review.agreement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Cohen's kappa for each pair of reviewers on the per-character labelling, "no label" a category of its own. */
@Component
@Order(30)
class CohenKappa implements AgreementMeasure {

    @Override
    public String id() {
        return "cohenKappa";
    }

    @Override
    public String title() {
        return "Cohen's kappa (per pair)";
    }

    @Override
    public String description() {
        return "Chance-corrected agreement of two reviewers on the label of every character, 'no label' included.";
    }

    @Override
    public String unit() {
        return "character";
    }

    @Override
    public MeasureDefinition.Range range() {
        return MeasureDefinition.Range.CHANCE_CORRECTED;
    }

    @Override
    public String incomplete() {
        return "Every code point of the sources a pair shares is an item; a participant who labelled nothing "
                + "there gives 'no label', so positions only one of the two annotated count as disagreement. "
                + "Per label is that label against everything else.";
    }

    @Override
    public String scope() {
        return "A pair: the sources both took part in; null if they shared none, or if chance agreement is 1 "
                + "(one category throughout, e.g. neither labelled anything, or per label neither used it). "
                + "Overall and per label: the mean over the pairs that have a figure.";
    }

    @Override
    public boolean pairwise() {
        return true;
    }

    @Override
    public boolean inSourceTable() {
        return true;
    }

    @Override
    public MeasureResult measure(AgreementStudy study) {
        Labelling labelling = Labelling.of(study);
        List<String> categories = labelling.categories();
        List<MeasureResult.PairScore> pairs = new ArrayList<>();
        Map<String, List<Double>> labelValues = new LinkedHashMap<>();
        List<Double> values = new ArrayList<>();
        List<String> reviewers = study.reviewers();
        for (int i = 0; i < reviewers.size(); i++) {
            for (int j = i + 1; j < reviewers.size(); j++) {
                double[][] confusion = confusion(labelling, reviewers.get(i), reviewers.get(j));
                Double value = Kappa.cohen(confusion);
                Map<String, Double> perLabel = new LinkedHashMap<>();
                for (String label : study.labels()) {
                    Double v = Kappa.cohen(confusion, categories.indexOf(label));
                    perLabel.put(label, v);
                    if (v != null) {
                        labelValues.computeIfAbsent(label, l -> new ArrayList<>()).add(v);
                    }
                }
                pairs.add(new MeasureResult.PairScore(reviewers.get(i), reviewers.get(j), value, perLabel));
                if (value != null) {
                    values.add(value);
                }
            }
        }
        Map<String, Double> perLabel = new LinkedHashMap<>();
        study.labels().forEach(l -> perLabel.put(l, mean(labelValues.getOrDefault(l, List.of()))));
        return MeasureResult.of(this, mean(values), perLabel, pairs);
    }

    /** The two reviewers' categories, code point by code point, over the sources both take part in. */
    private static double[][] confusion(Labelling labelling, String first, String second) {
        int k = labelling.categories().size();
        double[][] confusion = new double[k][k];
        for (Labelling.SourceSegments source : labelling.sources()) {
            int a = source.raterIndex(first);
            int b = source.raterIndex(second);
            if (a < 0 || b < 0) {
                continue;
            }
            int[] ca = source.categories()[a];
            int[] cb = source.categories()[b];
            int[] lengths = source.lengths();
            for (int s = 0; s < lengths.length; s++) {
                confusion[ca[s]][cb[s]] += lengths[s];
            }
        }
        return confusion;
    }

    static Double mean(List<Double> values) {
        return values.isEmpty() ? null : values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }
}
