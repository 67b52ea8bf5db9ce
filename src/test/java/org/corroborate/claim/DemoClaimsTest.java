package org.corroborate.claim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.corroborate.WorkbenchTest;
import org.corroborate.base.CurrentActor;
import org.corroborate.base.Role;
import org.corroborate.claim.drift.Drift;
import org.corroborate.claim.drift.DriftValue;
import org.corroborate.testing.TestProjects;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * A demo start has the demo claims of {@code annotations/corpus/claims.json}: made by the demo reviewers
 * over the demo reports, with contradictions and details that drift in several kinds, audited like any write.
 */
@WorkbenchTest
class DemoClaimsTest {

    @Autowired ClaimService claims;
    @Autowired CurrentActor actor;
    @Autowired JdbcTemplate jdbc;

    /** The claims of the main demo project that claims.json describes (other tests add claims of their own). */
    private List<ClaimDetails> demoClaims() {
        Set<String> statements = new HashSet<>();
        JsonMapper.builder().build().readTree(new File("annotations/" + DemoClaims.FILE)).get("claims")
                .forEach(claim -> statements.add(claim.get("statement").asString()));
        return actor.runAs("sam", Role.SUPERVISOR, () -> claims.all(TestProjects.MAIN)).stream()
                .filter(claim -> statements.contains(claim.statement()))
                .filter(claim -> Set.of("alice", "bob", "carol").contains(claim.createdBy()))
                .toList();
    }

    private ClaimDetails claim(String statement) {
        return demoClaims().stream().filter(c -> c.statement().equals(statement)).findFirst().orElseThrow();
    }

    @Test
    void aDemoStartHasClaimsWithContradictionsAndDriftOfSeveralKinds() {
        List<ClaimDetails> demo = demoClaims();

        assertThat(demo).hasSize(8);
        assertThat(demo.stream().flatMap(c -> c.members().stream()).map(MemberDetails::stance))
                .contains(Stance.SUPPORTS, Stance.CONTRADICTS, Stance.QUALIFIES);
        assertThat(demo.stream().flatMap(c -> c.drift().stream()).map(Drift::kind).collect(Collectors.toSet()))
                .contains("number", "age", "date", "duration", "person");
        assertThat(demo.stream().flatMap(c -> c.members().stream()).map(MemberDetails::author)
                .collect(Collectors.toSet())).containsExactlyInAnyOrder("alice", "bob", "carol");
    }

    @Test
    void theCountOfHomesDriftsAcrossThreeOutletsAndOneOfThemContradicts() {
        ClaimDetails homes = claim("Lead above the action level was found in the tap water of 212 homes in Ellsworth Vale");

        assertThat(homes.members()).extracting(MemberDetails::publisher).containsExactlyInAnyOrder(
                "The Ellsworth Courier", "The Harwick Ledger", "The Northgate Observer");
        assertThat(homes.members()).filteredOn(m -> m.stance() == Stance.CONTRADICTS).singleElement()
                .satisfies(m -> assertThat(m.text()).startsWith("147 homes"));
        Drift number = homes.drift().stream().filter(d -> d.kind().equals("number")).findFirst().orElseThrow();
        assertThat(number.values()).extracting(DriftValue::value)
                .containsExactlyInAnyOrder("212 homes", "147 homes", "183 homes");
        Map<Long, String> excerpts = homes.members().stream()
                .collect(Collectors.toMap(MemberDetails::annotation, MemberDetails::text));
        for (DriftValue value : number.values()) {
            String text = excerpts.get(value.annotation());
            int from = text.offsetByCodePoints(0, value.start());
            assertThat(text.substring(from, text.offsetByCodePoints(from, value.end() - value.start())))
                    .isEqualTo(value.value());
        }
        assertThat(homes.firstReported().status()).isEqualTo("earliest");
    }

    @Test
    void theSameWordsInTwoClaimsAreOneAnnotationInBoth() {
        ClaimDetails homes = claim("Lead above the action level was found in the tap water of 212 homes in Ellsworth Vale");
        ClaimDetails months = claim("Harwick Water held back the Ellsworth Vale lead results from the regulator for months");

        long shared = homes.members().stream().filter(m -> m.author().equals("alice")).findFirst().orElseThrow()
                .annotation();
        assertThat(months.members()).extracting(MemberDetails::annotation).contains(shared);
        assertThat(months.drift()).extracting(Drift::kind).contains("duration");
    }

    @Test
    void aClaimWhoseOutletsAgreeShowsNoDrift() {
        assertThat(claim("The corrected lead results reached the regulator on 3 March 2025").drift()).isEmpty();
    }

    @Test
    void theDemoWritesAreAuditedAsTheDemoReviewers() {
        Integer created = jdbc.queryForObject("select count(*) from audit_event where action = 'claim.created'"
                + " and actor in ('alice', 'bob', 'carol')", Integer.class);
        Integer added = jdbc.queryForObject("select count(*) from audit_event where action = 'claim.member.added'"
                + " and actor in ('alice', 'bob', 'carol')", Integer.class);

        assertThat(created).isGreaterThanOrEqualTo(8);
        assertThat(added).isGreaterThanOrEqualTo(22);
    }
}
