package org.corroborate.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.util.Map;
import java.util.Set;
import org.corroborate.annotation.AnnotationDetails;
import org.corroborate.annotation.AnnotationRequest;
import org.corroborate.annotation.AnnotationService;
import org.corroborate.base.CurrentActor;
import org.corroborate.base.Role;
import org.corroborate.project.ProjectService;
import org.corroborate.review.ReviewStatusService;
import org.corroborate.review.adjudication.AdjudicationService;
import org.corroborate.review.adjudication.DecisionRequest;
import org.corroborate.security.AccountService;
import org.corroborate.source.SourceService;
import org.corroborate.testing.TestDesk;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 12, item 8: a colleague's verdict did not reach an open annotation panel until a reload.
 * Verdicts, decisions and review statuses now arrive live, as annotations do, in every open
 * workspace of the source: two reviewers in two browsers, a supervisor through the services.
 */
class LiveReviewBrowserTest extends BrowserTest {

    @Autowired SourceService sources;
    @Autowired AnnotationService annotations;
    @Autowired AdjudicationService adjudication;
    @Autowired ReviewStatusService reviews;
    @Autowired AccountService accounts;
    @Autowired ProjectService projects;
    @Autowired CurrentActor actor;

    @Test
    void aColleaguesVerdictTheSupervisorsDecisionAndAReopeningArriveWithoutAReload() {
        TestDesk desk = TestDesk.create("Live review desk", Map.of("live-ann", Set.of(Role.REVIEWER),
                "live-bea", Set.of(Role.REVIEWER), "live-sup", Set.of(Role.SUPERVISOR)),
                accounts, projects, sources, actor);
        String text = "The reservoir held forty percent less water in June, the board said.";
        long source = desk.source("Live review", text);
        AnnotationDetails fact = actor.runAs("live-ann", Role.REVIEWER, () -> annotations.create(source,
                AnnotationRequest.create(4, 51, "FACT", Map.of(), null)));
        String highlight = "#source-text [data-ids~='" + fact.id() + "']";

        // Ann has her own annotation open.
        signIn(page, "live-ann");
        page.navigate(url("/sources/" + source));
        page.locator(highlight).first().click();
        assertThat(page.locator("#assessment-tally")).hasText("No verdicts yet");
        assertThat(page.locator("#adjudication")).containsText("Not adjudicated yet");
        assertThat(page.locator("#review-status")).containsText("In progress");

        // Bea, in another browser, disagrees with a comment.
        BrowserContext beasContext = newContext();
        Page bea = beasContext.newPage();
        signIn(bea, "live-bea");
        bea.navigate(url("/sources/" + source));
        bea.locator("#layer vaadin-radio-button:has-text(\"Everyone's\") input").check();
        bea.locator(highlight).first().click();
        bea.locator("#assessment-comment input").fill("Only an estimate 💧");
        bea.locator("#assess-disagree").click();
        assertThat(bea.locator("#assessment-tally")).hasText("0 agree · 1 disagree · 0 unsure");

        // Ann's open panel shows it, and her highlight's tooltip counts it, with no reload.
        assertThat(page.locator("#assessment-tally")).hasText("0 agree · 1 disagree · 0 unsure");
        assertThat(page.locator("#assessments")).containsText("live-bea: disagree — “Only an estimate 💧”");
        page.waitForFunction("id => (document.querySelector('#source-text').highlights.get(id)?.source.tooltip || '')"
                + ".includes('0 agree · 1 disagree · 0 unsure')", String.valueOf(fact.id()));
        page.setViewportSize(1440, 900);
        screenshot(page, "workspace-live-verdict");
        page.setViewportSize(390, 844);
        page.locator("#assessments").scrollIntoViewIfNeeded();
        screenshot(page, "workspace-live-verdict-phone");
        page.setViewportSize(1280, 800);

        // The supervisor decides: both open panels show the decision.
        actor.runAs("live-sup", Role.SUPERVISOR, () -> adjudication.decide(source,
                DecisionRequest.accept(Set.of(fact.id()), fact.id(), "The board's own figure")));
        assertThat(page.locator("#adjudication")).containsText("Gold:");
        assertThat(page.locator("#adjudication")).containsText("The board's own figure");
        assertThat(bea.locator("#adjudication")).containsText("The board's own figure");

        // Ann submits elsewhere (a script), and the supervisor reopens: her toolbar follows both.
        actor.runAs("live-ann", Role.REVIEWER, () -> reviews.submit(source));
        assertThat(page.locator("#review-status")).containsText("Submitted");
        actor.runAs("live-sup", Role.SUPERVISOR, () -> reviews.reopen(source, "live-ann", "One more pass"));
        assertThat(page.locator("#review-status")).containsText("In progress");
        beasContext.close();
    }
}
