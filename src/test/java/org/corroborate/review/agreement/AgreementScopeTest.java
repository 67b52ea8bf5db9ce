package org.corroborate.review.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.corroborate.WorkbenchTest;
import org.corroborate.annotation.AnnotationRequest;
import org.corroborate.annotation.AnnotationService;
import org.corroborate.base.CurrentActor;
import org.corroborate.base.Role;
import org.corroborate.project.ProjectService;
import org.corroborate.review.ReviewStatusService;
import org.corroborate.review.assignment.AssignmentService;
import org.corroborate.security.AccountService;
import org.corroborate.source.SourceService;
import org.corroborate.testing.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Who is compared on what (issue 12, items 1 to 3), through the service and GET /api/agreement,
 * each case in a project of its own with three reviewers. Every source is 100 code points long,
 * so a 10-code-point span is a tenth of it; the expected values are computed by hand beside them.
 */
@WorkbenchTest
class AgreementScopeTest {

    @Autowired AgreementService agreement;
    @Autowired SourceService sources;
    @Autowired AnnotationService annotations;
    @Autowired AssignmentService assignments;
    @Autowired ReviewStatusService statuses;
    @Autowired ProjectService projects;
    @Autowired AccountService accounts;
    @Autowired CurrentActor actor;
    @Autowired MockMvc mvc;

    /** A project with a supervisor and the reviewers {prefix}a, {prefix}b, {prefix}c ("alice", "bob", "carol"). */
    private final class Study {
        final long project;
        final String supervisor;
        final String alice;
        final String bob;
        final String carol;
        private int texts;

        Study(String prefix) {
            TestAccounts testAccounts = new TestAccounts(accounts, projects, actor);
            project = actor.runAs("admin", Role.ADMIN, () -> projects.create("Agreement scope " + prefix, null)).id();
            supervisor = prefix + "sup";
            alice = prefix + "a";
            bob = prefix + "b";
            carol = prefix + "c";
            testAccounts.createIn(project, supervisor, Role.SUPERVISOR);
            for (String r : List.of(alice, bob, carol)) {
                testAccounts.createIn(project, r, Role.REVIEWER);
            }
        }

        long source(String title) {
            String text = (title + " " + (++texts) + " ").repeat(20).substring(0, 100);
            return actor.runAs("admin", Role.ADMIN, () -> sources.importText(project, title, text, null, null, null,
                    null)).source().id();
        }

        void annotate(String who, long source, int start, int end, String label) {
            actor.runAs(who, Role.REVIEWER, () -> annotations.create(source,
                    AnnotationRequest.create(start, end, label, Map.of(), null)));
        }

        void assign(long source, String... reviewers) {
            actor.runAs(supervisor, Role.SUPERVISOR, () -> assignments.assign(source, Set.of(reviewers)));
        }

        void submit(String who, long source) {
            actor.runAs(who, Role.REVIEWER, () -> statuses.submit(source));
        }

        AgreementReport report(Long... sourceIds) {
            return actor.runAs(supervisor, Role.SUPERVISOR, () -> agreement.agreement(project, List.of(sourceIds)));
        }

        List<Disagreement> disagreements(List<Long> sourceIds, String... reviewers) {
            return actor.runAs(supervisor, Role.SUPERVISOR,
                    () -> agreement.disagreements(project, sourceIds, List.of(reviewers), 100));
        }
    }

    private static MeasureResult measure(AgreementReport report, String id) {
        return report.measures().stream().filter(m -> m.measure().equals(id)).findFirst().orElseThrow();
    }

    private static MeasureResult.PairScore pair(AgreementReport report, String id, String first, String second) {
        return measure(report, id).pairs().stream().filter(p -> p.first().equals(first) && p.second().equals(second))
                .findFirst().orElseThrow();
    }

    @Test
    void aPairThatSharedNoSourceHasNoFigureAndAPairIsComparedOnlyWhereBothTookPart() {
        Study s = new Study("sc1");
        long x = s.source("Only alice and bob");
        long y = s.source("Only bob and carol");
        s.annotate(s.alice, x, 0, 10, "FACT");
        s.annotate(s.bob, x, 0, 10, "FACT");
        s.annotate(s.bob, y, 0, 10, "FACT");
        s.annotate(s.bob, y, 20, 30, "QUOTE");
        s.annotate(s.carol, y, 0, 10, "FACT");
        s.annotate(s.carol, y, 50, 60, "QUOTE");

        AgreementReport all = s.report();
        AgreementReport onY = s.report(y);
        assertThat(all.reviewers()).containsExactly(s.alice, s.bob, s.carol);
        // alice and carol never met: null for every measure, overall and per label (never 0 or -0.00).
        for (String id : List.of("spanF1Overlap", "spanF1Exact", "cohenKappa")) {
            MeasureResult.PairScore ac = pair(all, id, s.alice, s.carol);
            assertThat(ac.value()).as(id).isNull();
            assertThat(ac.perLabel().values()).as(id).containsOnlyNulls();
        }
        // bob and carol, on Y only: the FACT spans match, the QUOTEs do not: exact F1 = 2 * 1 / 4 = 0.5
        // (bob's FACT on X, where carol took no part, no longer counts against them: 2 * 1 / 5 was 0.4).
        assertThat(pair(all, "spanF1Exact", s.bob, s.carol).value()).isEqualTo(0.5);
        assertThat(pair(onY, "spanF1Exact", s.bob, s.carol).value()).isEqualTo(0.5);
        // Cohen on Y's 100 code points: FACT/FACT 10, QUOTE/none 10, none/QUOTE 10, none/none 70.
        // p_o = 0.8; both: FACT .1, QUOTE .1, none .8; p_e = .01 + .01 + .64 = .66; kappa = .14 / .34.
        assertThat(pair(all, "cohenKappa", s.bob, s.carol).value()).isCloseTo(0.14 / 0.34, within(1e-9));
        assertThat(pair(onY, "cohenKappa", s.bob, s.carol).value()).isCloseTo(0.14 / 0.34, within(1e-9));
        // alice and bob agree fully on X: 1.0 for both span F1s and kappa.
        assertThat(pair(all, "spanF1Exact", s.alice, s.bob).value()).isEqualTo(1.0);
        assertThat(pair(all, "cohenKappa", s.alice, s.bob).value()).isEqualTo(1.0);
        // Incomplete: X 10 labelled code points, by both; Y 30, of which 20 by one of the two: 20 / 40.
        assertThat(all.incompleteShare()).isEqualTo(0.5);
        assertThat(s.report(x).incompleteShare()).isEqualTo(0.0);
        assertThat(s.report(x).reviewers()).containsExactly(s.alice, s.bob);
    }

    @Test
    void withTwoReviewersPerSourceInFullAgreementNothingIsIncomplete() {
        Study s = new Study("sc2");
        long x = s.source("Alice and bob agree");
        long y = s.source("Bob and carol agree");
        s.annotate(s.alice, x, 0, 10, "FACT");
        s.annotate(s.bob, x, 0, 10, "FACT");
        s.annotate(s.bob, y, 40, 50, "QUOTE");
        s.annotate(s.carol, y, 40, 50, "QUOTE");

        AgreementReport all = s.report();
        // Each source is compared over its own two participants, who agree on every labelled code point.
        assertThat(all.incompleteShare()).isEqualTo(0.0);
        // Fleiss per source: observed 1 everywhere; chance below 1 (X: FACT .1, none .9), so kappa = 1.
        assertThat(measure(all, "fleissKappa").overall()).isEqualTo(1.0);
        assertThat(measure(all, "alphaU").overall()).isCloseTo(1.0, within(1e-9));
        assertThat(pair(all, "cohenKappa", s.alice, s.carol).value()).isNull();
    }

    @Test
    void assignedAndSubmittedReviewersWhoLabelledNothingTakePartAsNoSpans() throws Exception {
        Study s = new Study("sc3");
        long x = s.source("Three assigned");
        s.assign(x, s.alice, s.bob, s.carol);
        s.annotate(s.alice, x, 0, 10, "FACT");
        for (String r : List.of(s.alice, s.bob, s.carol)) {
            s.submit(r, x);
        }
        AgreementReport onX = s.report(x);
        assertThat(onX.reviewers()).containsExactly(s.alice, s.bob, s.carol);
        // Span F1: alice-bob and alice-carol 2 * 0 / (1 + 0) = 0; bob-carol have no span between them:
        // F1 of two empty sets is 0/0, null. Pooled: 0 matched of 2 spans = 0.
        assertThat(pair(onX, "spanF1Exact", s.alice, s.bob).value()).isEqualTo(0.0);
        assertThat(pair(onX, "spanF1Overlap", s.alice, s.carol).value()).isEqualTo(0.0);
        assertThat(pair(onX, "spanF1Exact", s.bob, s.carol).value()).isNull();
        assertThat(measure(onX, "spanF1Exact").overall()).isEqualTo(0.0);
        // Cohen alice-bob: FACT/none 10, none/none 90: p_o = .9; p_e = .9 * 1 = .9; kappa = 0 / .1 = 0.
        assertThat(pair(onX, "cohenKappa", s.alice, s.bob).value()).isCloseTo(0.0, within(1e-12));
        // bob-carol: "no label" throughout, chance agreement 1: kappa is 0/0, null.
        assertThat(pair(onX, "cohenKappa", s.bob, s.carol).value()).isNull();
        assertThat(measure(onX, "cohenKappa").overall()).isCloseTo(0.0, within(1e-12));
        // Fleiss, 3 raters: 10 code points FACT 1 / none 2 (agreeing pairs 2 of 6), 90 none 3 (6 of 6).
        // P = (10/3 + 90) / 100 = 840/900; pooled FACT 10/300, none 290/300: P_e = (1 + 841)/900 = 842/900;
        // kappa = (840 - 842) / (900 - 842) = -1/29.
        assertThat(measure(onX, "fleissKappa").overall()).isCloseTo(-1.0 / 29, within(1e-12));
        // alpha_U (category FACT, L = 100, R = 3): D_O = 2 * (10^2 + 10^2 + 0) / (3 * 2 * 100^2) = 400/60000;
        // gaps 100, 100, 90; D_E = (2/100) * 10^2 * (91 + 91 + 81) / (300 * 299 - 10 * 9) = 526/89610;
        // alpha = 1 - (400/60000) / (526/89610).
        assertThat(measure(onX, "alphaU").overall()).isCloseTo(1 - (400.0 / 60000) / (526.0 / 89610), within(1e-9));
        // Every labelled code point was labelled by one of three.
        assertThat(onX.incompleteShare()).isEqualTo(1.0);

        // A source bob annotated alone (no assignment, nobody else submitted): bob is its only participant,
        // so it compares nobody and changes no figure on X, for bob's silence or carol's.
        long w = s.source("Bob alone");
        s.annotate(s.bob, w, 0, 10, "QUOTE");
        AgreementReport all = s.report();
        for (String id : List.of("spanF1Exact", "cohenKappa")) {
            for (var p : measure(onX, id).pairs()) {
                assertThat(pair(all, id, p.first(), p.second()).value()).as(id + " " + p).isEqualTo(p.value());
            }
        }
        assertThat(measure(all, "fleissKappa").overall()).isCloseTo(-1.0 / 29, within(1e-12));

        // The same through the API: silent participants listed, undefined figures null.
        mvc.perform(get("/api/agreement").param("project", String.valueOf(s.project)).param("source", String.valueOf(x))
                        .with(httpBasic(s.supervisor, TestAccounts.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.reviewers.length()").value(3))
                .andExpect(jsonPath("$.reviewers[2]").value(s.carol))
                .andExpect(jsonPath("$.measures[?(@.measure == 'cohenKappa')].pairs[2].value").value(
                        org.hamcrest.Matchers.contains(org.hamcrest.Matchers.nullValue())))
                .andExpect(jsonPath("$.measures[?(@.measure == 'cohenKappa')].perLabel.QUOTE").value(
                        org.hamcrest.Matchers.contains(org.hamcrest.Matchers.nullValue())))
                .andExpect(jsonPath("$.measures[?(@.measure == 'spanF1Exact')].pairs[0].value").value(0.0))
                .andExpect(jsonPath("$.measures[?(@.measure == 'fleissKappa')].scope").isNotEmpty());
    }

    @Test
    void aLabelNobodyUsedHasNoFigureAndALabelOnlyOneUsedIsComputedNotAssumed() {
        Study s = new Study("sc4");
        long x = s.source("Same fact");
        s.annotate(s.alice, x, 0, 10, "FACT");
        s.annotate(s.bob, x, 0, 10, "FACT");
        s.annotate(s.carol, x, 0, 10, "FACT");
        s.annotate(s.carol, x, 20, 30, "QUOTE");
        AgreementReport r = s.report(x);

        MeasureResult cohen = measure(r, "cohenKappa");
        // ALLEGATION: nobody used it, every pair is "other" throughout, chance agreement 1: null.
        assertThat(cohen.perLabel().get("ALLEGATION")).isNull();
        assertThat(measure(r, "fleissKappa").perLabel().get("ALLEGATION")).isNull();
        assertThat(measure(r, "spanF1Exact").perLabel().get("ALLEGATION")).isNull();
        assertThat(measure(r, "alphaU").perLabel().get("ALLEGATION")).isNull();
        // QUOTE against the rest: alice-bob never used it (null, not 1.0); alice-carol: QUOTE/other on
        // 10 code points, other/other on 90: p_o = .9, p_e = 1 * .9 = .9, kappa 0; bob-carol likewise.
        // The mean over the pairs with a figure: 0 (it was 0.33 when alice-bob counted as 1.0).
        assertThat(pair(r, "cohenKappa", s.alice, s.bob).perLabel().get("QUOTE")).isNull();
        assertThat(pair(r, "cohenKappa", s.alice, s.carol).perLabel().get("QUOTE")).isCloseTo(0.0, within(1e-12));
        assertThat(cohen.perLabel().get("QUOTE")).isCloseTo(0.0, within(1e-12));
        // FACT: all three agree; per pair FACT .1, other .9: p_e = .82, p_o = 1, kappa 1.
        assertThat(cohen.perLabel().get("FACT")).isCloseTo(1.0, within(1e-12));
        // Overall: alice-bob 1; alice-carol: p_o = .9, p_e = .1*.1 + .9*.8 = .73, (.9 - .73)/.27; bob-carol the same.
        assertThat(cohen.overall()).isCloseTo((1 + 2 * (0.17 / 0.27)) / 3, within(1e-9));
        // Fleiss QUOTE: 10 code points QUOTE 1 / other 2 (P_i = 1/3), 90 other 3 (P_i = 1): P = 840/900;
        // pooled QUOTE 10/300: P_e = 842/900; kappa = -1/29. FACT: full agreement, P_e = .82: 1.
        assertThat(measure(r, "fleissKappa").perLabel().get("QUOTE")).isCloseTo(-1.0 / 29, within(1e-12));
        assertThat(measure(r, "fleissKappa").perLabel().get("FACT")).isCloseTo(1.0, within(1e-12));
        // Fleiss overall: FACT x3 on 10, QUOTE 1 / none 2 on 10, none x3 on 80: P = (10 + 10/3 + 80)/100 = 840/900;
        // pooled FACT 30, QUOTE 10, none 260 of 300: P_e = (900 + 100 + 67600)/90000; kappa = 15400/21400.
        assertThat(measure(r, "fleissKappa").overall()).isCloseTo(15400.0 / 21400, within(1e-12));
        // Span F1 QUOTE: alice-bob null (no QUOTE between them), the others 0; pooled 0 of 2 = 0.
        assertThat(pair(r, "spanF1Exact", s.alice, s.bob).perLabel().get("QUOTE")).isNull();
        assertThat(measure(r, "spanF1Exact").perLabel().get("QUOTE")).isEqualTo(0.0);
    }

    @Test
    void anAssignedReviewerWhoNeverStartedCountsAndAnUnassignedSubmitterDoesNot() {
        Study s = new Study("sc5");
        long x = s.source("Assigned two");
        s.assign(x, s.alice, s.bob);
        s.annotate(s.alice, x, 0, 10, "FACT");
        // carol submits a source she is not assigned to, without a span: the assignment decides.
        s.submit(s.carol, x);
        assertThat(s.report(x).reviewers()).containsExactly(s.alice, s.bob);
        // Without any assignment, submitting is what makes a silent reviewer take part.
        long y = s.source("Nobody assigned");
        s.annotate(s.alice, y, 0, 10, "FACT");
        s.submit(s.carol, y);
        assertThat(s.report(y).reviewers()).containsExactly(s.alice, s.carol);
        // bob neither assigned to Y, nor submitted, nor annotated: not compared there, so corpus-wide
        // alice-bob is their figure on X alone (FACT/none 10, none/none 90: kappa 0).
        assertThat(pair(s.report(), "cohenKappa", s.alice, s.bob).value()).isCloseTo(0.0, within(1e-12));
        assertThat(pair(s.report(), "spanF1Exact", s.alice, s.bob).value()).isEqualTo(0.0);
    }

    @Test
    void disagreementsGroupOverlappingSpansWhateverTheirLabelAndOnlyAmongParticipants() {
        Study s = new Study("sc6");
        long x = s.source("Disagreements");
        s.annotate(s.alice, x, 0, 10, "FACT");
        s.annotate(s.bob, x, 5, 15, "QUOTE");
        s.annotate(s.alice, x, 40, 50, "FACT");
        s.annotate(s.bob, x, 40, 50, "FACT");
        s.annotate(s.alice, x, 70, 80, "QUOTE");
        List<Disagreement> found = s.disagreements(List.of(x), s.alice, s.bob);
        // [0, 15): FACT against an overlapping QUOTE, one group; [40, 50) agreed; [70, 80) alice alone.
        assertThat(found).extracting(Disagreement::start, Disagreement::end)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(0, 15), org.assertj.core.groups.Tuple.tuple(70, 80));
        assertThat(found.getFirst().versions().get(s.bob)).extracting(Disagreement.Version::label).containsExactly("QUOTE");
        assertThat(found.get(1).versions().get(s.bob)).isEmpty();
        // carol took no part in x: comparing her with alice finds nothing to compare.
        assertThat(s.disagreements(List.of(x), s.alice, s.carol)).isEmpty();
        List<String> rows = new ArrayList<>();
        actor.runAs(s.supervisor, Role.SUPERVISOR, () -> agreement.perSource(s.project))
                .forEach(row -> rows.add(row.sourceId() + ":" + row.reviewers()));
        assertThat(rows).containsExactly(x + ":" + List.of(s.alice, s.bob));
    }
}
