package org.corroborate.review.agreement;

import java.util.ArrayList;
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
        return "Every code point is an item rated by its source's participants; 'no label' is a category, so "
                + "positions only some participants annotated count as disagreement.";
    }

    @Override
    public String scope() {
        return "Each source with its own participants (a source with fewer than two adds nothing); null where "
                + "there is no such source or chance agreement is 1 (per label: nobody used the label).";
    }

    @Override
    public boolean pairwise() {
        return false;
    }

    @Override
    public MeasureResult measure(AgreementStudy study) {
        Labelling labelling = Labelling.of(study);
        List<String> categories = labelling.categories();
        Kappa.Fleiss overall = new Kappa.Fleiss(categories.size());
        List<Kappa.Fleiss> byLabel = new ArrayList<>();
        study.labels().forEach(l -> byLabel.add(new Kappa.Fleiss(2)));
        int[] labelIndex = study.labels().stream().mapToInt(categories::indexOf).toArray();
        for (Labelling.SourceSegments source : labelling.sources()) {
            int raters = source.raters().size();
            if (raters < 2) {
                continue;
            }
            int[][] rated = source.categories();
            int[] lengths = source.lengths();
            for (int s = 0; s < lengths.length; s++) {
                int[] counts = new int[categories.size()];
                for (int r = 0; r < raters; r++) {
                    counts[rated[r][s]]++;
                }
                overall.add(counts, lengths[s]);
                for (int l = 0; l < labelIndex.length; l++) {
                    int with = counts[labelIndex[l]];
                    byLabel.get(l).add(new int[] {with, raters - with}, lengths[s]);
                }
            }
        }
        Map<String, Double> perLabel = new LinkedHashMap<>();
        for (int l = 0; l < labelIndex.length; l++) {
            perLabel.put(study.labels().get(l), byLabel.get(l).value());
        }
        return MeasureResult.of(this, overall.value(), perLabel, List.of());
    }
}
