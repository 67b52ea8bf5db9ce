package org.corroborate.review.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.dkpro.statistics.agreement.unitizing.KrippendorffAlphaUnitizingAgreement;
import org.dkpro.statistics.agreement.unitizing.UnitizingAnnotationStudy;
import org.junit.jupiter.api.Test;

/** alpha_U's port of DKPro's disagreements gives DKPro's values, and null where DKPro 2.2.1 says 0.0. */
class UnitizingAlphaTest {

    @Test
    void thePortGivesDkprosValuesOnRandomStudies() {
        Random random = new Random(12);
        List<String> labels = List.of("FACT", "QUOTE", "ALLEGATION");
        for (int round = 0; round < 60; round++) {
            int length = 200 + random.nextInt(3000);
            int raters = 2 + random.nextInt(4);
            List<String> reviewers = new ArrayList<>();
            for (int r = 0; r < raters; r++) {
                reviewers.add("r" + r);
            }
            List<ReviewerSpan> spans = new ArrayList<>();
            UnitizingAnnotationStudy dkpro = new UnitizingAnnotationStudy(raters, 0, length);
            int n = 1 + random.nextInt(30);
            for (int k = 0; k < n; k++) {
                int start = random.nextInt(length - 1);
                int end = Math.min(length, start + 1 + random.nextInt(120));
                String label = labels.get(random.nextInt(labels.size()));
                for (int r = 0; r < raters; r++) {
                    if (random.nextInt(4) > 0) {
                        int shift = random.nextInt(3) == 0 ? random.nextInt(4) : 0;
                        int s = Math.min(start + shift, end - 1);
                        spans.add(new ReviewerSpan(1, "r" + r, label, s, end));
                        dkpro.addUnit(s, end - s, r, label);
                    }
                }
            }
            AgreementStudy study = new AgreementStudy(Map.of(1L, length), reviewers, labels, spans);
            MeasureResult ours = new UnitizingAlpha().measure(study);
            KrippendorffAlphaUnitizingAgreement theirs = new KrippendorffAlphaUnitizingAgreement(dkpro);
            assertThat(ours.overall()).as("round " + round).isCloseTo(theirs.calculateAgreement(), within(1e-9));
            for (Object category : dkpro.getCategories()) {
                double expected = theirs.calculateCategoryAgreement(category);
                Double got = ours.perLabel().get((String) category);
                if (expected != 0.0) {
                    // DKPro 2.2.1 says 0.0 where observed and expected disagreement are equal, full agreement included.
                    assertThat(got).as("round " + round + " " + category).isCloseTo(expected, within(1e-9));
                }
            }
        }
    }

    @Test
    void fullAgreementIsOneAndNothingLabelledIsNull() {
        // Both label [10, 20) FACT on 100 code points: no observed disagreement, some expected: 1.
        Map<Long, Integer> lengths = new LinkedHashMap<>();
        lengths.put(1L, 100);
        lengths.put(2L, 100);
        AgreementStudy study = new AgreementStudy(lengths, List.of("a", "b"), List.of("FACT", "QUOTE"), List.of(
                new ReviewerSpan(1, "a", "FACT", 10, 20), new ReviewerSpan(1, "b", "FACT", 10, 20)));
        MeasureResult alpha = new UnitizingAlpha().measure(study);
        assertThat(alpha.overall()).isEqualTo(1.0);
        assertThat(alpha.perLabel().get("FACT")).isEqualTo(1.0);
        assertThat(alpha.perLabel().get("QUOTE")).isNull();
        // Source 2, where nobody labelled anything, adds nothing: alone it has no figure.
        AgreementStudy empty = new AgreementStudy(Map.of(2L, 100), List.of("a", "b"), List.of("FACT"), List.of());
        assertThat(new UnitizingAlpha().measure(empty).overall()).isNull();
    }

    @Test
    void theExportTallyComparesAPairOnlyOnSourcesBothTookPartIn() {
        SpanAgreementTally tally = new SpanAgreementTally();
        tally.add(List.of(new ReviewerSpan(1, "alice", "FACT", 0, 10), new ReviewerSpan(1, "bob", "FACT", 0, 10)));
        tally.add(List.of(new ReviewerSpan(2, "bob", "FACT", 0, 10), new ReviewerSpan(2, "carol", "QUOTE", 0, 10)));
        var summary = tally.summary();
        var byPair = new LinkedHashMap<String, SpanAgreementTally.Pair>();
        summary.pairs().forEach(p -> byPair.put(p.first() + "-" + p.second(), p));
        assertThat(byPair.get("alice-bob").spanF1Exact()).isEqualTo(1.0);
        // bob's span on source 2 no longer counts against alice: 2 * 0 / 2 on source 2 for bob-carol.
        assertThat(byPair.get("bob-carol").spanF1Exact()).isEqualTo(0.0);
        assertThat(byPair.get("alice-carol").spanF1Exact()).isNull();
        // Pooled: 1 + 0 matched of 2 + 2 spans: 2 * 1 / 4.
        assertThat(summary.spanF1Exact()).isEqualTo(0.5);
    }
}
