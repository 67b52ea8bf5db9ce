package org.corroborate.claim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.corroborate.annotation.AnnotationDetails;
import org.corroborate.annotation.AnnotationRequest;
import org.corroborate.annotation.AnnotationService;
import org.corroborate.WorkbenchTest;
import org.corroborate.base.CurrentActor;
import org.corroborate.base.Role;
import org.corroborate.base.WorkbenchException;
import org.corroborate.project.ProjectService;
import org.corroborate.security.AccountService;
import org.corroborate.source.SourceService;
import org.corroborate.testing.TestDesk;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * What the service offers beyond the API: a claim made with its first member in one transaction (the
 * workspace's "New claim with it"), and claims imported from an exchange file (exchange's door).
 */
@WorkbenchTest
class ClaimServiceTest {

    private static final String TEXT = "The utility said 40 homes lost water; residents counted forty-two.";

    @Autowired ClaimService claims;
    @Autowired AnnotationService annotations;
    @Autowired AccountService accounts;
    @Autowired ProjectService projects;
    @Autowired SourceService sources;
    @Autowired CurrentActor actor;

    private TestDesk desk(String tag) {
        Map<String, Set<Role>> people = new LinkedHashMap<>();
        people.put(tag + "-sup", Set.of(Role.SUPERVISOR));
        people.put(tag + "-ann", Set.of(Role.REVIEWER));
        return TestDesk.create("Claim service " + tag, people, accounts, projects, sources, actor);
    }

    private AnnotationDetails annotate(String who, long source, String phrase) {
        int start = TEXT.indexOf(phrase);
        return actor.runAs(who, Role.REVIEWER, () -> annotations.create(source,
                AnnotationRequest.create(start, start + phrase.length(), "FACT", Map.of(), null)));
    }

    @Test
    void aClaimMadeWithItsFirstMemberIsNotMadeWhenTheMemberIsRefused() {
        TestDesk desk = desk("clsvc");
        long source = desk.source("Water", TEXT);
        AnnotationDetails homes = annotate("clsvc-ann", source, "40 homes lost water");
        ClaimDetails made = actor.runAs("clsvc-ann", Role.REVIEWER, () -> claims.create(desk.project,
                "Forty homes lost water.", homes.id(), Stance.SUPPORTS));
        assertThat(made.members()).extracting(MemberDetails::annotation).containsExactly(homes.id());
        assertThatThrownBy(() -> actor.runAs("clsvc-ann", Role.REVIEWER, () -> claims.create(desk.project,
                "Nobody's annotation.", 999_999_999L, Stance.SUPPORTS)))
                .isInstanceOf(WorkbenchException.class).hasMessageContaining("no annotation");
        assertThat(actor.runAs("clsvc-ann", Role.REVIEWER, () -> claims.list(desk.project)))
                .extracting(ClaimSummary::statement).containsExactly("Forty homes lost water.");
    }

    @Test
    void anImportedClaimKeepsItsMakersAndDecisionsAndTheSameImportAgainChangesNothing() {
        TestDesk desk = desk("climp");
        long source = desk.source("Water", TEXT);
        AnnotationDetails homes = annotate("climp-ann", source, "40 homes lost water");
        AnnotationDetails counted = annotate("climp-ann", source, "residents counted forty-two");
        Instant decidedAt = Instant.parse("2026-05-01T10:00:00Z");
        ImportedClaim file = new ImportedClaim("Forty homes lost water.", "rita", List.of(
                new ImportedMember(homes.id(), Stance.SUPPORTS, "rita", new MemberDecision(MemberOutcome.ACCEPTED,
                        "Matches the utility's statement.", "walt", decidedAt)),
                new ImportedMember(counted.id(), Stance.CONTRADICTS, "rita", null)));
        ClaimDetails imported = actor.runAs("climp-sup", Role.SUPERVISOR, () -> claims.importClaim(desk.project, file,
                "claims.jsonl", "import of claims.jsonl"));
        assertThat(imported.createdBy()).isEqualTo("rita");
        assertThat(imported.members()).hasSize(2);
        MemberDetails accepted = imported.members().stream().filter(m -> m.annotation() == homes.id()).findFirst()
                .orElseThrow();
        assertThat(accepted.addedBy()).isEqualTo("rita");
        assertThat(accepted.decision()).isEqualTo(new MemberDecision(MemberOutcome.ACCEPTED,
                "Matches the utility's statement.", "walt", decidedAt));
        ClaimDetails again = actor.runAs("climp-sup", Role.SUPERVISOR, () -> claims.importClaim(desk.project, file,
                "claims.jsonl", "import of claims.jsonl"));
        assertThat(again.id()).isEqualTo(imported.id());
        assertThat(again.version()).isEqualTo(imported.version());
        assertThat(actor.runAs("climp-sup", Role.SUPERVISOR, () -> claims.gold(desk.project)))
                .singleElement().satisfies(c -> assertThat(c.members()).extracting(MemberDetails::annotation)
                        .containsExactly(homes.id()));
        // Only overseers import; a decision without its reason is refused.
        assertThatThrownBy(() -> actor.runAs("climp-ann", Role.REVIEWER, () -> claims.importClaim(desk.project, file,
                "claims.jsonl", "x"))).isInstanceOf(AccessDeniedException.class);
        ImportedClaim unexplained = new ImportedClaim("Forty homes.", "rita", List.of(new ImportedMember(homes.id(),
                Stance.SUPPORTS, "rita", new MemberDecision(MemberOutcome.REJECTED, " ", "walt", decidedAt))));
        assertThatThrownBy(() -> actor.runAs("climp-sup", Role.SUPERVISOR, () -> claims.importClaim(desk.project,
                unexplained, "claims.jsonl", "x"))).isInstanceOf(WorkbenchException.class)
                .hasMessageContaining("'reason' is required");
    }
}
