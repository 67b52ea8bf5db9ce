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

    @Test
    void agesWrittenInAnyOfTheUsualFormsAreCompared() {
        assertThat(values(drift("Katherine Morley, 34, said she had reported the leak twice.",
                "The 36-year-old mother of two said she had reported the leak twice."), "age"))
                .containsExactly("34", "36-year-old");
        assertThat(values(drift("A forty-one-year-old man has been charged.", "Police charged a man aged 44."), "age"))
                .containsExactly("forty-one-year-old", "aged 44");
        assertThat(drift("Daniel Kerrigan, aged 52, was released.", "Kerrigan, 52, was bailed.",
                "The 52-year-old was bailed.")).isEmpty();
        assertThat(drift("Tom Hale (27) was named as the driver.", "The driver, Tom Hale, 27, was named.")).isEmpty();
    }

    @Test
    void datesAreComparedAsDatesSoLessPreciseDatesFitMorePreciseOnes() {
        assertThat(drift("The leak was reported on 14 March 2024.", "Residents reported it on March 14.",
                "It began in March 2024.")).isEmpty();
        assertThat(drift("The plant shut on the 2nd of June.", "The plant closed on 2 June.")).isEmpty();
        assertThat(values(drift("The leak was reported on 14 March 2024.", "It was reported on March 15, 2024."),
                "date")).containsExactly("14 March 2024", "March 15, 2024");
        assertThat(values(drift("The pipes were replaced in 1998.", "The pipes had not been replaced since 2003."),
                "date")).containsExactly("1998", "2003");
    }

    @Test
    void anExtraDateInOneExcerptIsNotDriftWhenTheSharedOneAgrees() {
        assertThat(drift("Tests on 2 May found bacteria; the notice was lifted on 9 May.",
                "The boil notice was lifted on 9 May.")).isEmpty();
    }

    @Test
    void durationsConvertBetweenUnits() {
        assertThat(drift("He was jailed for two years.", "He was sentenced to 24 months.")).isEmpty();
        assertThat(drift("The bridge will close for a fortnight.", "The bridge shuts for 14 days.")).isEmpty();
        assertThat(drift("The eight-month inquiry ended.", "The inquiry took eight months.")).isEmpty();
        assertThat(drift("It was delayed by 18 months.", "It is a year and a half late.")).isEmpty();
        assertThat(values(drift("Homes were without water for a week.", "Some went without water for eight days."),
                "duration")).containsExactly("a week", "eight days");
        assertThat(drift("The pipe burst three weeks ago.", "The pipe burst for two weeks.")).isEmpty();
    }

    @Test
    void aFirstNameSpeltTwoWaysIsDriftButATitleInPlaceOfTheFirstNameIsNot() {
        assertThat(values(drift("Katherine Morley first raised the alarm.", "Catherine Morley first raised the alarm."),
                "person")).containsExactly("Katherine Morley", "Catherine Morley");
        assertThat(drift("Ms Morley said she had called twice.", "Katherine Morley said she had called twice."))
                .isEmpty();
        assertThat(drift("Dr K. Morley told the panel.", "Dr Katherine Morley told the panel.")).isEmpty();
        assertThat(drift("Sarah Jones said the council ignored warnings.", "Tom Hale said the council ignored warnings."))
                .isEmpty();
    }

    @Test
    void titlesAreNotPartOfANameAndASurnameSpeltTwoWaysIsDrift() {
        assertThat(values(drift("Det Insp Alan Reid said inquiries continued.",
                "Detective Inspector Allan Reid said inquiries continued."), "person"))
                .containsExactly("Alan Reid", "Allan Reid");
        assertThat(values(drift("Daniel Okafor, the chief executive, apologised.",
                "Chief executive Daniel Okafur apologised."), "person")).containsExactly("Daniel Okafor", "Daniel Okafur");
    }

    @Test
    void aBodyNamedInPlaceOfItsSuccessorIsDriftButItsAcronymIsNot() {
        assertThat(values(drift("The case was referred to the Independent Police Complaints Commission.",
                "The force referred the case to the Independent Office for Police Conduct."), "organisation"))
                .containsExactly("Independent Police Complaints Commission", "Independent Office for Police Conduct");
        assertThat(values(drift("The IPCC said it would investigate.", "The IOPC said it would investigate."),
                "organisation")).containsExactly("IPCC", "IOPC");
        assertThat(drift("The force referred itself to the IOPC.",
                "The force made a referral to the Independent Office for Police Conduct.")).isEmpty();
        assertThat(drift("Ofwat said it would look again.",
                "The Water Services Regulation Authority said it would look again.")).isEmpty();
        assertThat(drift("Harwick Water Ltd said it regretted the disruption.",
                "The company, Harwick Water, regretted the disruption.")).isEmpty();
    }

    @Test
    void organisationsThatShareOnlyACommonWordAreDifferentBodies() {
        assertThat(drift("Harwick Water never withheld a result.",
                "The results never reached the Drinking Water Oversight Board.")).isEmpty();
        assertThat(drift("The Environment Agency is investigating.", "The Drinking Water Inspectorate is investigating."))
                .isEmpty();
        assertThat(values(drift("Harwick Water said the leak was repaired.", "Harwich Water said the leak was fixed."),
                "organisation")).containsExactly("Harwick Water", "Harwich Water");
    }

    @Test
    void equalDetailsWordedDifferentlyAreNoDriftAndKindsComeInTheirFixedOrder() {
        assertThat(drift("Seventeen officers, a dozen vehicles and a helicopter were used in the raid on 2 May.",
                "Police used 17 officers, twelve vehicles and a helicopter in the 2 May raid.")).isEmpty();
        List<Drift> several = drift(
                "Katherine Morley, 34, told the Independent Police Complaints Commission that seventeen officers "
                        + "had ignored her on 14 March 2024, eight months after the leak.",
                "Catherine Morley, 36, told the Independent Office for Police Conduct that 18 officers ignored her "
                        + "on 16 March 2024, nine months after the leak.");
        assertThat(several).extracting(Drift::kind)
                .containsExactly("number", "age", "date", "duration", "person", "organisation");
    }

    @Test
    void aDetailStatedByOnlyOneMemberIsNotDrift() {
        assertThat(drift("Katherine Morley, 34, raised the alarm in March.", "Morley raised the alarm in March.")).isEmpty();
    }

    @Test
    void scrambledTextOfNumbersNamesHyphensAndEmojiNeverThrows() {
        String[] pieces = {"17", "-", "seventeen", "twenty", "-", "one", "a", "dozen", "and", "a", "half", "Ms",
                "Morley", "Katherine", ",", "(", ")", "34", "year", "old", "aged", "March", "14th", "of", "2024",
                "IOPC", "Council", "for", "Police", "😀", "💧", "́", "‑", "'s", "’s", "months", "ago",
                "1,200", "2.5", "million", "\n", "\t", "قال", "Zoë"};
        java.util.Random random = new java.util.Random(15);
        for (int round = 0; round < 200; round++) {
            String[] texts = new String[2 + random.nextInt(3)];
            for (int t = 0; t < texts.length; t++) {
                StringBuilder text = new StringBuilder();
                for (int w = random.nextInt(30); w > 0; w--) {
                    text.append(pieces[random.nextInt(pieces.length)]).append(random.nextInt(3) == 0 ? "" : " ");
                }
                texts[t] = text.toString();
            }
            List<Drift> drift = drift(texts);
            for (Drift item : drift) {
                for (DriftValue value : item.values()) {
                    String text = texts[(int) value.annotation() - 1];
                    assertThat(value.end()).isBetween(value.start(), text.codePointCount(0, text.length()));
                }
            }
        }
    }

    private static List<String> values(List<Drift> drift, String kind) {
        return drift.stream().filter(d -> d.kind().equals(kind)).findFirst().orElseThrow().values().stream()
                .map(DriftValue::value).toList();
    }

    static List<Drift> drift(String... texts) {
        List<Excerpt> excerpts = new ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            excerpts.add(new Excerpt(i + 1, texts[i]));
        }
        return DETECTOR.drift(excerpts);
    }
}
