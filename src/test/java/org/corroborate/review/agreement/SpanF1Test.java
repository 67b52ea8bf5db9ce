package org.corroborate.review.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hand-checkable span F1 cases. */
class SpanF1Test {

    private static AgreementStudy study(ReviewerSpan... spans) {
        return new AgreementStudy(Map.of(1L, 100), List.of("alice", "bob"), List.of("FACT", "QUOTE"), List.of(spans));
    }

    @Test
    void identicalSpansAgreeFully() {
        var s = study(new ReviewerSpan(1, "alice", "FACT", 0, 10), new ReviewerSpan(1, "bob", "FACT", 0, 10));
        assertThat(new ExactSpanF1().measure(s).overall()).isEqualTo(1.0);
        assertThat(new OverlapSpanF1().measure(s).overall()).isEqualTo(1.0);
    }

    @Test
    void shiftedBoundariesMatchOnlyByOverlap() {
        // alice: FACT 0-10, QUOTE 20-30; bob: FACT 2-10, QUOTE 50-60.
        var s = study(new ReviewerSpan(1, "alice", "FACT", 0, 10), new ReviewerSpan(1, "alice", "QUOTE", 20, 30),
                new ReviewerSpan(1, "bob", "FACT", 2, 10), new ReviewerSpan(1, "bob", "QUOTE", 50, 60));
        // exact: 0 matches of 4 spans -> 0; overlap: 1 match (the FACTs) -> 2*1/4 = 0.5
        assertThat(new ExactSpanF1().measure(s).overall()).isEqualTo(0.0);
        assertThat(new OverlapSpanF1().measure(s).overall()).isEqualTo(0.5);
        assertThat(new OverlapSpanF1().measure(s).perLabel()).containsEntry("FACT", 1.0).containsEntry("QUOTE", 0.0);
    }

    @Test
    void overlapMatchesAreOneToOne() {
        // One long span of alice's overlaps two short ones of bob's: only one can match -> 2*1/3.
        var s = study(new ReviewerSpan(1, "alice", "FACT", 0, 40), new ReviewerSpan(1, "bob", "FACT", 0, 10),
                new ReviewerSpan(1, "bob", "FACT", 20, 40));
        assertThat(new OverlapSpanF1().measure(s).overall()).isCloseTo(2.0 / 3, within(1e-9));
    }

    @Test
    void differentLabelsNeverMatch() {
        var s = study(new ReviewerSpan(1, "alice", "FACT", 0, 10), new ReviewerSpan(1, "bob", "QUOTE", 0, 10));
        assertThat(new OverlapSpanF1().measure(s).overall()).isEqualTo(0.0);
    }

    @Test
    void theIncompleteShareCountsPositionsOnlySomeReviewersLabelled() {
        // alice labels 0-10, bob 5-10: 10 labelled positions, 5 of them by alice alone.
        var s = study(new ReviewerSpan(1, "alice", "FACT", 0, 10), new ReviewerSpan(1, "bob", "FACT", 5, 10));
        assertThat(Labelling.incompleteShare(s)).isEqualTo(0.5);
    }

    @Test
    void kappaOnCharactersMatchesTheHandCount() {
        // 100 characters: alice FACT 0-20, bob FACT 10-20. Agreement on 90 (10 FACT + 80 none).
        // p_o = 0.9; alice: FACT .2, none .8; bob: FACT .1, none .9; p_e = .02 + .72 = .74; kappa = .16/.26.
        var s = study(new ReviewerSpan(1, "alice", "FACT", 0, 20), new ReviewerSpan(1, "bob", "FACT", 10, 20));
        assertThat(new CohenKappa().measure(s).overall()).isCloseTo(0.16 / 0.26, within(1e-9));
    }
}
