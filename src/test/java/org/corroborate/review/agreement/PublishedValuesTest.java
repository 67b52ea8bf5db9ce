package org.corroborate.review.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each coefficient against a published worked example and its published value, as DKPro
 * Statistics Agreement's own tests use them (Cohen1960Test, Fleiss1971Test, Krippendorff2004Test).
 */
class PublishedValuesTest {

    private static List<Labelling.Item> items(int[][] rows) {
        List<Labelling.Item> items = new ArrayList<>();
        for (int[] row : rows) {
            items.add(new Labelling.Item(Arrays.stream(row).skip(1).mapToObj(String::valueOf).toList(), row[0]));
        }
        return items;
    }

    /** Cohen, J.: A Coefficient of Agreement for Nominal Scales. Educ. Psychol. Meas. 20(1):37-46, 1960, p. 45. */
    @Test
    void cohensKappaOfCohens1960SecondExampleIs0492() {
        List<Labelling.Item> study = items(new int[][] {
                {88, 1, 1}, {14, 1, 2}, {18, 1, 3}, {10, 2, 1}, {40, 2, 2}, {10, 2, 3}, {2, 3, 1}, {6, 3, 2}, {12, 3, 3}});
        assertThat(Kappa.cohen(study)).isCloseTo(0.492, within(0.001));
    }

    /** Fleiss, J.L.: Measuring nominal scale agreement among many raters. Psychol. Bull. 76(5):378-381, 1971, p. 379. */
    @Test
    void fleissKappaOfFleiss1971ExampleIs0430() {
        int[][] raw = {{4, 4, 4, 4, 4, 4}, {2, 2, 2, 5, 5, 5}, {2, 3, 3, 3, 3, 5}, {5, 5, 5, 5, 5, 5},
                {2, 2, 2, 4, 4, 4}, {1, 1, 3, 3, 3, 3}, {3, 3, 3, 3, 5, 5}, {1, 1, 3, 3, 3, 4}, {1, 1, 4, 4, 4, 4},
                {5, 5, 5, 5, 5, 5}, {1, 4, 4, 4, 4, 4}, {1, 2, 4, 4, 4, 4}, {2, 2, 2, 3, 3, 3}, {1, 4, 4, 4, 4, 4},
                {2, 2, 4, 4, 4, 5}, {3, 3, 3, 3, 3, 5}, {1, 1, 1, 4, 5, 5}, {1, 1, 1, 1, 1, 2}, {2, 2, 4, 4, 4, 4},
                {1, 3, 3, 5, 5, 5}, {5, 5, 5, 5, 5, 5}, {2, 4, 4, 4, 4, 4}, {2, 2, 4, 5, 5, 5}, {1, 1, 4, 4, 4, 4},
                {1, 4, 4, 4, 4, 5}, {2, 2, 2, 2, 2, 4}, {1, 1, 1, 1, 5, 5}, {2, 2, 4, 4, 4, 4}, {1, 3, 3, 3, 3, 3},
                {5, 5, 5, 5, 5, 5}};
        int[][] weighted = Arrays.stream(raw).map(r -> {
            int[] w = new int[r.length + 1];
            w[0] = 1;
            System.arraycopy(r, 0, w, 1, r.length);
            return w;
        }).toArray(int[][]::new);
        assertThat(Kappa.fleiss(items(weighted))).isCloseTo(0.430, within(0.001));
    }

    private static ReviewerSpan span(String reviewer, String label, int begin, int length) {
        return new ReviewerSpan(1, reviewer, label, begin - 150, begin - 150 + length);
    }

    /** Krippendorff, K.: Content Analysis: An Introduction to Its Methodology. Sage, 2004, p. 254. */
    @Test
    void unitizingAlphaOfKrippendorffs2004ExampleIs08591() {
        // The example's continuum is [150, 450); here it is one source of 300 code points, every
        // offset shifted by -150 (alpha_U depends only on lengths and positions relative to the continuum).
        AgreementStudy study = new AgreementStudy(Map.of(1L, 300), List.of("alice", "bob"), List.of("c", "k"), List.of(
                span("alice", "c", 225, 70), span("alice", "c", 370, 30), span("bob", "c", 220, 80),
                span("bob", "c", 355, 20), span("bob", "c", 400, 20), span("alice", "k", 180, 60),
                span("alice", "k", 300, 50), span("bob", "k", 180, 60), span("bob", "k", 300, 50)));
        MeasureResult alpha = new UnitizingAlpha().measure(study);
        assertThat(alpha.overall()).isCloseTo(0.8591, within(0.0005));
        assertThat(alpha.perLabel().get("c")).isCloseTo(0.7286, within(0.0001));
        assertThat(alpha.perLabel().get("k")).isCloseTo(1.0, within(0.0001));
    }
}
