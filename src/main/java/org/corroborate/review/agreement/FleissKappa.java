package org.corroborate.review.agreement;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Fleiss' kappa for all reviewers together on the per-character labelling, "no label" a category of its own. */
@Component
class FleissKappa implements AgreementMeasure {

    @Override
    public String id() {
        return "fleissKappa";
    }

    @Override
    public MeasureResult measure(AgreementStudy study) {
        List<Labelling.Item> items = Labelling.items(study, study.reviewers());
        Map<String, Double> perLabel = new LinkedHashMap<>();
        study.labels().forEach(label -> perLabel.put(label, Kappa.fleiss(Kappa.binary(items, label))));
        return new MeasureResult(id(), "Fleiss' kappa (all reviewers)", Kappa.fleiss(items), perLabel, List.of(),
                "character", "Every code point is an item rated by every reviewer; 'no label' is a category, so "
                        + "positions only some reviewers annotated count as disagreement.");
    }
}
