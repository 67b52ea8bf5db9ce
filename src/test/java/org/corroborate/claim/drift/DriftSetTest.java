package org.corroborate.claim.drift;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.corroborate.claim.nlp.EnglishText;
import org.junit.jupiter.api.Test;

/**
 * The labelled drift set is well formed, and the detector keeps the precision and recall measured on it
 * (DriftBenchmark prints them per kind; docs/benchmarks.md has the figures). A change that loses more
 * than a few items fails here, so improvements and regressions are seen.
 */
class DriftSetTest {

    private static final DriftSet SET = DriftSet.load();

    @Test
    void theSetHasSixtyGroupsOfTwoToFourExcerptsCoveringEveryKindAndNonDrift() {
        assertThat(SET.groups()).hasSizeGreaterThanOrEqualTo(60);
        assertThat(SET.groups()).allSatisfy(group -> {
            assertThat(group.excerpts()).hasSizeBetween(2, 4);
            assertThat(group.drift()).allSatisfy(item -> {
                assertThat(SET.kinds()).contains(item.kind());
                assertThat(item.values()).hasSameSizeAs(group.excerpts());
                assertThat(item.values().stream().filter(v -> !v.isEmpty())).hasSizeGreaterThanOrEqualTo(2);
            });
            assertThat(group.drift().stream().map(DriftSet.Expected::kind)).doesNotHaveDuplicates();
        });
        for (String kind : SET.kinds()) {
            assertThat(SET.groups().stream().filter(g -> g.drift().stream().anyMatch(d -> d.kind().equals(kind))))
                    .as("groups drifting in %s", kind).hasSizeGreaterThanOrEqualTo(3);
        }
        assertThat(SET.groups().stream().filter(g -> g.drift().isEmpty())).hasSizeGreaterThanOrEqualTo(20);
    }

    @Test
    void theExpectedWordsAreInTheirExcerpts() {
        for (DriftSet.Group group : SET.groups()) {
            for (DriftSet.Expected item : group.drift()) {
                for (int i = 0; i < item.values().size(); i++) {
                    assertThat(group.excerpts().get(i)).as(group.id()).contains(item.values().get(i));
                }
            }
        }
    }

    @Test
    void theDetectorKeepsItsMeasuredPrecisionAndRecall() {
        NlpDriftDetector detector = new NlpDriftDetector(new EnglishText());
        Map<String, List<Drift>> detected = new LinkedHashMap<>();
        SET.groups().forEach(group -> detected.put(group.id(), detector.drift(group.asExcerpts())));
        List<String> mistakes = new ArrayList<>();

        DriftSet.Score overall = SET.score(detected, mistakes).get("overall");

        assertThat(overall.precision()).as("precision; mistakes: %s", mistakes).isGreaterThanOrEqualTo(0.95);
        assertThat(overall.recall()).as("recall; mistakes: %s", mistakes).isGreaterThanOrEqualTo(0.92);
    }
}
