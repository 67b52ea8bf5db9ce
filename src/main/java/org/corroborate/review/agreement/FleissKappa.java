package org.corroborate.review.agreement;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Fleiss' kappa for all reviewers together on the per-character labelling, "no label" a category of its own. */
@Component
@Order(40)
class FleissKappa implements AgreementMeasure {

    @Override
    public String id() {
        return "fleissKappa";
    }

    @Override
    public String title() {
        return "Fleiss' kappa (all reviewers)";
    }

    @Override
    public String description() {
        return "Chance-corrected agreement of all reviewers at once on the label of every character, "
                + "'no label' included.";
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
        return "Every code point is an item rated by every reviewer; 'no label' is a category, so "
                + "positions only some reviewers annotated count as disagreement.";
    }

    @Override
    public boolean pairwise() {
        return false;
    }

    @Override
    public MeasureResult measure(AgreementStudy study) {
        List<Labelling.Item> items = Labelling.items(study, study.reviewers());
        Map<String, Double> perLabel = new LinkedHashMap<>();
        study.labels().forEach(label -> perLabel.put(label, Kappa.fleiss(Kappa.binary(items, label))));
        return MeasureResult.of(this, Kappa.fleiss(items), perLabel, List.of());
    }
}
