package org.corroborate.annotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.corroborate.annotation.LabelledSpanRules.LabelledSpan;
import org.corroborate.base.CodePoints;
import org.corroborate.base.WorkbenchException;
import org.corroborate.scheme.LabelScheme;
import org.corroborate.scheme.LabelScheme.Attribute;
import org.corroborate.scheme.LabelScheme.Label;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Every rule a labelled span is held to, one by one, as annotation, gold and import all apply them. */
class LabelledSpanRulesTest {

    /** "💧" is one code point and two UTF-16 units, so offsets after it show which count is used. */
    static final CodePoints TEXT = new CodePoints("💧 Water.  The mayor said so.");

    static final Label FACT = new Label("FACT", "Fact", null, "#2e7d32", "1", List.of());
    static final Label QUOTE = new Label("QUOTE", "Quote", null, "#1565c0", "2", List.of(
            new Attribute("speaker", "Speaker", null, true),
            new Attribute("tone", "Tone", null, false, "choice", List.of("calm", "angry"))));
    static final LabelledSpanRules RULES = new LabelledSpanRules(
            new LabelScheme("test", "1.0.0", null, List.of(FACT, QUOTE), List.of()));

    static void refused(Runnable check, String message) {
        assertThatThrownBy(check::run).isInstanceOf(WorkbenchException.class)
                .hasMessage(message)
                .satisfies(e -> assertThat(((WorkbenchException) e).kind()).isEqualTo(WorkbenchException.Kind.BAD_INPUT));
    }

    @Nested
    class Offsets {

        @Test
        void countCodePointsAndGiveTheCoveredText() {
            assertThat(LabelledSpanRules.covered(TEXT, 0, 1)).isEqualTo("💧");
            assertThat(LabelledSpanRules.covered(TEXT, 2, 7)).isEqualTo("Water");
        }

        @Test
        void areRequired() {
            refused(() -> LabelledSpanRules.covered(TEXT, null, 3), "'start' and 'end' are required.");
            refused(() -> LabelledSpanRules.covered(TEXT, 0, null), "'start' and 'end' are required.");
        }

        @Test
        void mayNotBeNegative() {
            refused(() -> LabelledSpanRules.covered(TEXT, -1, 3), "A span cannot start or end before 0 (got -1..3).");
        }

        @Test
        void mustEndAfterTheStart() {
            refused(() -> LabelledSpanRules.covered(TEXT, 5, 3), "A span must end after it starts (got 5..3).");
        }

        @Test
        void mayNotBeEmpty() {
            refused(() -> LabelledSpanRules.covered(TEXT, 4, 4), "A span cannot be empty (start and end are both 4).");
        }

        @Test
        void stayWithinTheText() {
            int length = TEXT.length();
            assertThat(LabelledSpanRules.covered(TEXT, length - 3, length)).isEqualTo("so.");
            refused(() -> LabelledSpanRules.covered(TEXT, 0, length + 1), "The span 0.." + (length + 1)
                    + " goes beyond the end of the source (length " + length + " code points).");
        }

        @Test
        void mayNotCoverOnlyWhiteSpace() {
            refused(() -> LabelledSpanRules.covered(TEXT, 8, 10), "The span 8..10 covers only white space.");
        }
    }

    @Nested
    class Labels {

        @Test
        void mustBeOneOfTheScheme() {
            assertThat(RULES.label("QUOTE")).isEqualTo(QUOTE);
            refused(() -> RULES.label("OPINION"), "Unknown label 'OPINION'; the scheme has [FACT, QUOTE].");
        }

        @Test
        void areRequired() {
            refused(() -> RULES.label(" "), "'label' is required.");
            refused(() -> RULES.label(null), "'label' is required.");
        }
    }

    @Nested
    class Attributes {

        @Test
        void areStrippedAndEmptyOnesLeftOut() {
            Map<String, String> given = new HashMap<>();
            given.put("speaker", "  The mayor \n");
            given.put("tone", " ");
            assertThat(LabelledSpanRules.attributes(QUOTE, given)).containsExactly(Map.entry("speaker", "The mayor"));
            assertThat(LabelledSpanRules.attributes(QUOTE, null)).isEmpty();
        }

        @Test
        void mustBelongToTheLabel() {
            refused(() -> LabelledSpanRules.attributes(FACT, Map.of("speaker", "x")),
                    "The label FACT has no attribute 'speaker'.");
            refused(() -> LabelledSpanRules.attributes(QUOTE, Map.of("speakr", "x")),
                    "The label QUOTE has no attribute 'speakr'; it has [speaker, tone].");
        }

        @Test
        void haveALengthLimitCountedAfterStripping() {
            String longest = "x".repeat(LabelledSpanRules.MAX_ATTRIBUTE);
            assertThat(LabelledSpanRules.attributes(QUOTE, Map.of("speaker", " " + longest + " ")))
                    .containsEntry("speaker", longest);
            refused(() -> LabelledSpanRules.attributes(QUOTE, Map.of("speaker", longest + "x")),
                    "'speaker' is longer than 500 characters.");
        }

        @Test
        void refuseControlCharacters() {
            assertThatThrownBy(() -> LabelledSpanRules.attributes(QUOTE, Map.of("speaker", "a\u0000b")))
                    .isInstanceOf(WorkbenchException.class).hasMessageContaining("attributes.speaker");
        }

        @Test
        void ofAClosedListMustBeOneOfItsValues() {
            assertThat(LabelledSpanRules.attributes(QUOTE, Map.of("tone", " calm "))).containsEntry("tone", "calm");
            refused(() -> LabelledSpanRules.attributes(QUOTE, Map.of("tone", "Calm")),
                    "'tone' must be one of [calm, angry], not 'Calm'.");
        }

        @Test
        void thatAreRequiredAreNamedWhenMissing() {
            assertThat(LabelledSpanRules.missing(QUOTE, Map.of("tone", "calm"))).extracting(Attribute::name)
                    .containsExactly("speaker");
            assertThat(LabelledSpanRules.missing(QUOTE, Map.of("speaker", "Ann"))).isEmpty();
            refused(() -> LabelledSpanRules.requireComplete(QUOTE, Map.of()),
                    "A QUOTE span needs the required attribute 'speaker' (Speaker): give it a value.");
        }

        @Test
        void keptOnALabelChangeAreOnlyThoseTheNewLabelHas() {
            assertThat(LabelledSpanRules.keepApplicable(FACT, Map.of("speaker", "Ann"))).isEmpty();
            assertThat(LabelledSpanRules.keepApplicable(QUOTE, Map.of("speaker", "Ann", "allegedBy", "Bo")))
                    .containsExactly(Map.entry("speaker", "Ann"));
        }
    }

    @Nested
    class Notes {

        @Test
        void areStrippedAndBlankMeansNone() {
            assertThat(LabelledSpanRules.note("  checked twice \n")).isEqualTo("checked twice");
            assertThat(LabelledSpanRules.note(" \n ")).isNull();
            assertThat(LabelledSpanRules.note(null)).isNull();
        }

        @Test
        void haveALengthLimit() {
            String longest = "n".repeat(LabelledSpanRules.MAX_NOTE);
            assertThat(LabelledSpanRules.note(longest + "  ")).isEqualTo(longest);
            refused(() -> LabelledSpanRules.note(longest + "n"), "The note is longer than 4000 characters.");
        }
    }

    @Nested
    class WholeSpans {

        @Test
        void areCheckedOffsetsFirstThenLabelAttributesAndNote() {
            refused(() -> RULES.check(TEXT, 4, 4, "OPINION", Map.of("x", "y"), null),
                    "A span cannot be empty (start and end are both 4).");
            refused(() -> RULES.check(TEXT, 2, 7, "OPINION", Map.of("x", "y"), null),
                    "Unknown label 'OPINION'; the scheme has [FACT, QUOTE].");
            refused(() -> RULES.check(TEXT, 2, 7, "FACT", Map.of("x", "y"), "n".repeat(5000)),
                    "The label FACT has no attribute 'x'.");
        }

        @Test
        void comeBackAsTheyAreKept() {
            LabelledSpan span = RULES.check(TEXT, 10, 19, "QUOTE", Map.of("speaker", " Ann "), " said ");
            assertThat(span).isEqualTo(new LabelledSpan(10, 19, "The mayor", "QUOTE", Map.of("speaker", "Ann"),
                    "said"));
        }

        @Test
        void madeNowNeedTheirRequiredAttributesWhileImportedOnesDoNot() {
            assertThat(RULES.check(TEXT, 10, 19, "QUOTE", Map.of(), null).attributes()).isEmpty();
            refused(() -> RULES.checkComplete(TEXT, 10, 19, "QUOTE", Map.of("tone", "calm"), null),
                    "A QUOTE span needs the required attribute 'speaker' (Speaker): give it a value.");
            assertThat(RULES.checkComplete(TEXT, 10, 19, "QUOTE", Map.of("speaker", "Ann"), null).label())
                    .isEqualTo("QUOTE");
        }
    }

    /** What a scheme that changed leaves on spans made before: archived labels and values it no longer declares. */
    @Nested
    class AcrossSchemeVersions {

        static final Label RUMOUR = new Label("RUMOUR", "Rumour", null, "#777777", null, List.of(
                new Attribute("heardFrom", "Heard from", null, true, "text", List.of(), true)), true);
        static final LabelledSpanRules LATER = new LabelledSpanRules(
                new LabelScheme("test", "2.0.0", null, List.of(FACT, QUOTE, RUMOUR), List.of()));

        @Test
        void anArchivedLabelIsNotOfferedForNewSpansButKeptOnTheSpansThatHaveIt() {
            refused(() -> LATER.checkComplete(TEXT, 2, 7, "RUMOUR", Map.of(), null),
                    "The label RUMOUR is archived: the spans that have it are kept, but no span can be given it now; "
                            + "the scheme offers [FACT, QUOTE].");
            LabelledSpan kept = LATER.checkChange(TEXT, 2, 7, "RUMOUR", Map.of("heardFrom", "Ana"), "checked",
                    "RUMOUR", Map.of("heardFrom", "Ana"));
            assertThat(kept.label()).isEqualTo("RUMOUR");
            assertThat(kept.attributes()).isEqualTo(Map.of("heardFrom", "Ana"));
            // Relabelling a FACT as a RUMOUR is making a new RUMOUR span.
            refused(() -> LATER.checkChange(TEXT, 2, 7, "RUMOUR", Map.of(), null, "FACT", Map.of()),
                    "The label RUMOUR is archived: the spans that have it are kept, but no span can be given it now; "
                            + "the scheme offers [FACT, QUOTE].");
            // Past work (an import) may carry it.
            assertThat(LATER.check(TEXT, 2, 7, "RUMOUR", Map.of("heardFrom", "Bo"), null).label()).isEqualTo("RUMOUR");
        }

        @Test
        void anArchivedAttributeKeepsItsValueButTakesNoNewOneAndIsNotRequired() {
            refused(() -> LATER.checkChange(TEXT, 2, 7, "RUMOUR", Map.of("heardFrom", "Cy"), null, "RUMOUR",
                    Map.of("heardFrom", "Ana")),
                    "The attribute 'heardFrom' of RUMOUR is archived: the values spans have are kept, but it takes no new ones.");
            assertThat(LATER.checkChange(TEXT, 2, 7, "RUMOUR", Map.of(), null, "RUMOUR", Map.of()).attributes()).isEmpty();
        }

        @Test
        void aValueTheLabelNoLongerDeclaresStaysAsItWasButCannotBeChanged() {
            Map<String, String> old = Map.of("speaker", "Ana", "allegedBy", "Bo", "tone", "furious");
            LabelledSpan kept = LATER.checkChange(TEXT, 2, 7, "QUOTE", old, null, "QUOTE", old);
            assertThat(kept.attributes()).isEqualTo(old);
            refused(() -> LATER.checkChange(TEXT, 2, 7, "QUOTE", Map.of("speaker", "Ana", "allegedBy", "Cy"), null,
                    "QUOTE", old), "The label QUOTE has no attribute 'allegedBy'; it has [speaker, tone].");
            refused(() -> LATER.checkChange(TEXT, 2, 7, "QUOTE", Map.of("speaker", "Ana", "tone", "loud"), null,
                    "QUOTE", old), "'tone' must be one of [calm, angry], not 'loud'.");
        }
    }
}
