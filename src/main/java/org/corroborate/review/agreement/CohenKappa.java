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
        return "Every code point of every source is an item; a reviewer who labelled nothing there gives "
                + "'no label', so positions only some reviewers annotated count as disagreement. "
                + "Overall is the mean over pairs; per label is that label against everything else.";
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
        List<MeasureResult.PairScore> pairs = new ArrayList<>();
        Map<String, List<Double>> labelValues = new LinkedHashMap<>();
        List<Double> values = new ArrayList<>();
        List<String> reviewers = study.reviewers();
        var bySource = study.bySource();
        for (int i = 0; i < reviewers.size(); i++) {
            for (int j = i + 1; j < reviewers.size(); j++) {
                List<Labelling.Item> items = Labelling.items(study, bySource,
                        List.of(reviewers.get(i), reviewers.get(j)));
                Double value = Kappa.cohen(items);
                Map<String, Double> perLabel = new LinkedHashMap<>();
                for (String label : study.labels()) {
                    Double v = Kappa.cohen(Kappa.binary(items, label));
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

    static Double mean(List<Double> values) {
        return values.isEmpty() ? null : values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }
}
