package org.corroborate.review.adjudication;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.corroborate.annotation.AnnotationDetails;
import org.junit.jupiter.api.Test;

/** How annotations form curation units: per label and position, joined only by a decision. */
class CurationUnitsTest {

    private static long ids = 1;

    private static AnnotationDetails span(String author, int start, int end, String label) {
        long id = ids++;
        return new AnnotationDetails(id, 1L, start, end, label, Map.of(), null, author, Instant.EPOCH, Instant.EPOCH,
                "x", "", "", 0, null, 1L, 1);
    }

    private static DecisionDetails decision(long id, Set<Long> basedOn, String goldLabel) {
        return new DecisionDetails(id, 1L, goldLabel == null ? Outcome.REJECTED : Outcome.ACCEPTED,
                goldLabel == null ? null : new GoldSpan(0, 1, goldLabel, Map.of(), null, "x"), basedOn, "why",
                "sam", Instant.EPOCH, 0, null);
    }

    @Test
    void aNestedSpanOfAnotherLabelIsAUnitOfItsOwnAndTheQuoteIsAgreed() {
        AnnotationDetails alicesQuote = span("alice", 10, 50, "QUOTE");
        AnnotationDetails bobsQuote = span("bob", 10, 50, "QUOTE");
        AnnotationDetails allegation = span("alice", 20, 30, "ALLEGATION");

        List<Unit> units = CurationUnits.of(List.of(allegation, bobsQuote, alicesQuote), Set.of("alice", "bob"),
                List.of());

        assertThat(units).extracting(Unit::label, Unit::start, Unit::end, Unit::agreed)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("QUOTE", 10, 50, true),
                        org.assertj.core.groups.Tuple.tuple("ALLEGATION", 20, 30, false));
        assertThat(units.getFirst().versions()).containsExactly(alicesQuote, bobsQuote);
    }

    @Test
    void overlappingSpansOfOneLabelChainIntoOneUnitButTouchingOnesDoNot() {
        AnnotationDetails a = span("alice", 0, 10, "FACT");
        AnnotationDetails b = span("bob", 8, 20, "FACT");
        AnnotationDetails c = span("carol", 18, 30, "FACT");
        AnnotationDetails touching = span("alice", 30, 40, "FACT");
        AnnotationDetails between = span("bob", 5, 25, "QUOTE");

        List<Unit> units = CurationUnits.of(List.of(a, b, c, touching, between), Set.of("alice", "bob", "carol"),
                List.of());

        assertThat(units).extracting(Unit::label, Unit::start, Unit::end)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("FACT", 0, 30),
                        org.assertj.core.groups.Tuple.tuple("QUOTE", 5, 25),
                        org.assertj.core.groups.Tuple.tuple("FACT", 30, 40));
        assertThat(units.getFirst().versions()).containsExactly(a, b, c);
    }

    @Test
    void aUnitIsAgreedOnlyWhenEveryParticipantMadeTheSameSpanOnce() {
        AnnotationDetails a = span("alice", 0, 10, "FACT");
        AnnotationDetails b = span("bob", 0, 10, "FACT");
        // carol was assigned or submitted without making it: not agreed.
        assertThat(CurationUnits.of(List.of(a, b), Set.of("alice", "bob", "carol"), List.of()).getFirst().agreed())
                .isFalse();
        // one reviewer alone agrees with nobody.
        assertThat(CurationUnits.of(List.of(a), Set.of("alice"), List.of()).getFirst().agreed()).isFalse();
        // different ends: not agreed.
        assertThat(CurationUnits.of(List.of(a, span("bob", 0, 9, "FACT")), Set.of("alice", "bob"), List.of())
                .getFirst().agreed()).isFalse();
        // the same reviewer twice: not agreed.
        assertThat(CurationUnits.of(List.of(a, b, span("bob", 0, 10, "FACT")), Set.of("alice", "bob"), List.of())
                .getFirst().agreed()).isFalse();
        assertThat(CurationUnits.of(List.of(a, b), Set.of("alice", "bob"), List.of()).getFirst().agreed()).isTrue();
    }

    @Test
    void aDecisionMadeAcrossLabelsBeforeUnitsWerePerLabelJoinsItsUnits() {
        AnnotationDetails quote = span("alice", 10, 50, "QUOTE");
        AnnotationDetails allegation = span("alice", 20, 30, "ALLEGATION");
        AnnotationDetails other = span("bob", 60, 70, "FACT");
        DecisionDetails old = decision(7, Set.of(quote.id(), allegation.id()), "QUOTE");

        List<Unit> units = CurationUnits.of(List.of(quote, allegation, other), Set.of("alice", "bob"), List.of(old));

        assertThat(units).hasSize(2);
        assertThat(units.getFirst().versions()).containsExactlyInAnyOrder(quote, allegation);
        assertThat(units.getFirst().label()).isEqualTo("QUOTE");
        assertThat(units.getFirst().decision()).isEqualTo(old);
        assertThat(units.get(1).decision()).isNull();
    }
}
