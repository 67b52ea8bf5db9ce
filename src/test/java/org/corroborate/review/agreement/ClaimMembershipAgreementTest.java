package org.corroborate.review.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.corroborate.claim.ClaimMembership;
import org.corroborate.claim.Stance;
import org.junit.jupiter.api.Test;

/**
 * Agreement on claim membership, computed by hand (docs/agreement.md, "Claim membership"): items are
 * (claim, source) pairs with a member from the source, on sources both reviewers take part in; each
 * reviewer's category is the stance of what they added there, MIXED, or SILENT.
 */
class ClaimMembershipAgreementTest {

    private static ClaimMembership m(long claim, long annotation, long source, Stance stance, String who) {
        return new ClaimMembership(claim, annotation, source, stance, who);
    }

    /**
     * Sources 1 and 2, claims 10 and 20. ann and bob take part in both, carol in source 1 only.
     * ann: (10,1) S, (20,1) C, (10,2) S, (20,2) Q. bob: (10,1) S, (10,2) C, (20,2) Q. carol: nothing.
     */
    private static final List<ClaimMembership> LINKS = List.of(
            m(10, 100, 1, Stance.SUPPORTS, "ann"), m(20, 101, 1, Stance.CONTRADICTS, "ann"),
            m(10, 102, 2, Stance.SUPPORTS, "ann"), m(20, 103, 2, Stance.QUALIFIES, "ann"),
            m(10, 200, 1, Stance.SUPPORTS, "bob"), m(10, 201, 2, Stance.CONTRADICTS, "bob"),
            m(20, 202, 2, Stance.QUALIFIES, "bob"));
    private static final Map<Long, Set<String>> WHO = Map.of(1L, Set.of("ann", "bob", "carol"),
            2L, Set.of("ann", "bob"));

    @Test
    void annAndBobAgreeOnTwoOfFourItemsAKappaOfOneThird() {
        ClaimMembershipAgreement agreement = ClaimMembershipAgreement.of(7, LINKS, WHO);
        assertThat(agreement.reviewers()).containsExactly("ann", "bob", "carol");
        assertThat(agreement.items()).isEqualTo(4);
        ClaimMembershipAgreement.Pair pair = agreement.pairs().getFirst();
        assertThat(pair.first()).isEqualTo("ann");
        assertThat(pair.second()).isEqualTo("bob");
        assertThat(pair.items()).isEqualTo(4);
        assertThat(pair.agreed()).isEqualTo(2);
        assertThat(pair.sources()).isEqualTo(2);
        assertThat(pair.observed()).isEqualTo(0.5);
        // ann S2 C1 Q1, bob S1 C1 Q1 SILENT1: chance = (2 + 1 + 1) / 16 = 0.25; (0.5 - 0.25) / 0.75 = 1/3.
        assertThat(pair.kappa()).isCloseTo(1.0 / 3, within(1e-12));
    }

    @Test
    void aParticipantWhoLinkedNothingIsSilentAndNeverMoreThanChance() {
        ClaimMembershipAgreement agreement = ClaimMembershipAgreement.of(7, LINKS, WHO);
        // Source 1 only: ann S, C against carol's SILENT, SILENT: nothing agreed, chance 0, kappa 0.
        ClaimMembershipAgreement.Pair annCarol = agreement.pairs().get(1);
        assertThat(List.of(annCarol.first(), annCarol.second())).containsExactly("ann", "carol");
        assertThat(annCarol.items()).isEqualTo(2);
        assertThat(annCarol.agreed()).isZero();
        assertThat(annCarol.kappa()).isCloseTo(0.0, within(1e-12));
        // bob S, SILENT against SILENT, SILENT: one agreed; chance (0 + 1 * 2) / 4 = 0.5; kappa 0.
        ClaimMembershipAgreement.Pair bobCarol = agreement.pairs().get(2);
        assertThat(bobCarol.agreed()).isEqualTo(1);
        assertThat(bobCarol.observed()).isEqualTo(0.5);
        assertThat(bobCarol.kappa()).isCloseTo(0.0, within(1e-12));
        assertThat(agreement.kappa()).isCloseTo(1.0 / 9, within(1e-12));
    }

    @Test
    void severalStancesOfOneReviewerOnOneItemAreMixedAndOneCategoryThroughoutHasNoKappa() {
        List<ClaimMembership> links = List.of(m(10, 1, 1, Stance.SUPPORTS, "ann"), m(10, 2, 1, Stance.QUALIFIES, "ann"),
                m(10, 3, 1, Stance.SUPPORTS, "bob"), m(10, 4, 1, Stance.SUPPORTS, "bob"));
        ClaimMembershipAgreement mixed = ClaimMembershipAgreement.of(7, links, Map.of(1L, Set.of("ann", "bob")));
        assertThat(mixed.pairs().getFirst().agreed()).isZero();
        assertThat(mixed.pairs().getFirst().observed()).isZero();

        List<ClaimMembership> same = List.of(m(10, 1, 1, Stance.SUPPORTS, "ann"), m(10, 2, 1, Stance.SUPPORTS, "bob"));
        ClaimMembershipAgreement one = ClaimMembershipAgreement.of(7, same, Map.of(1L, Set.of("ann", "bob")));
        assertThat(one.pairs().getFirst().observed()).isEqualTo(1.0);
        assertThat(one.pairs().getFirst().kappa()).isNull();
        assertThat(one.kappa()).isNull();
    }

    @Test
    void reviewersWhoShareNoSourceAreNotAPair() {
        List<ClaimMembership> links = List.of(m(10, 1, 1, Stance.SUPPORTS, "ann"), m(10, 2, 2, Stance.SUPPORTS, "bob"));
        ClaimMembershipAgreement apart = ClaimMembershipAgreement.of(7, links, Map.of(1L, Set.of("ann"),
                2L, Set.of("bob")));
        assertThat(apart.reviewers()).containsExactly("ann", "bob");
        assertThat(apart.pairs()).isEmpty();
        assertThat(apart.kappa()).isNull();
    }
}
