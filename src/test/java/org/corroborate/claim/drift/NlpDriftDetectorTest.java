package org.corroborate.claim.drift;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.corroborate.claim.nlp.EnglishText;
import org.junit.jupiter.api.Test;

/** Drift on hand-written pairs: what counts as the same detail and what is a drifting one. */
class NlpDriftDetectorTest {

    private static final NlpDriftDetector DETECTOR = new NlpDriftDetector(new EnglishText());

    @Test
    void aCountGivenInDigitsInOneReportAndInOtherDigitsInAnotherIsDrift() {
        List<Drift> drift = drift("Police said 17 officers had been suspended.",
                "Eight officers were suspended, the force said.");

        assertThat(drift).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo("number");
            assertThat(d.values()).extracting(DriftValue::value).containsExactly("17 officers", "Eight officers");
            assertThat(d.values()).extracting(DriftValue::annotation).containsExactly(1L, 2L);
        });
    }

    @Test
    void aNumberSpeltOutEqualsTheSameNumberInDigits() {
        assertThat(drift("Seventeen officers were suspended after the raid.",
                "Police said 17 officers had been suspended.")).isEmpty();
        assertThat(drift("Twenty-one people were hurt.", "21 people were hurt.", "twenty one people were hurt")).isEmpty();
        assertThat(drift("A dozen schools closed.", "Twelve schools closed.")).isEmpty();
        assertThat(drift("One hundred and twenty homes flooded.", "120 homes flooded.")).isEmpty();
    }

    @Test
    void numbersThatCountDifferentThingsAreNotCompared() {
        assertThat(drift("17 officers searched 40 homes.", "Eight homes were searched by 17 officers."))
                .singleElement().satisfies(d -> assertThat(d.values()).extracting(DriftValue::value)
                        .containsExactly("40 homes", "Eight homes"));
        assertThat(drift("17 officers were suspended.", "Nine staff left the council.")).isEmpty();
    }

    @Test
    void driftValuesPointAtTheWordsInCodePoints() {
        List<Drift> drift = drift("😀 17 officers", "8 officers");

        DriftValue first = drift.getFirst().values().getFirst();
        assertThat(first.start()).isEqualTo(2);
        assertThat(first.end()).isEqualTo(13);
    }

    @Test
    void oddTextStatesNoDetailsAndNeverThrows() {
        assertThat(drift("", "   ", "😀😀😀")).isEmpty();
        assertThat(drift("17 officers")).isEmpty();
        assertThat(DETECTOR.drift(List.of())).isEmpty();
        String long1 = "The council met again. ".repeat(2_000) + "17 officers";
        assertThat(drift(long1, "8 officers were there")).isEmpty();
    }

    static List<Drift> drift(String... texts) {
        List<Excerpt> excerpts = new ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            excerpts.add(new Excerpt(i + 1, texts[i]));
        }
        return DETECTOR.drift(excerpts);
    }
}
