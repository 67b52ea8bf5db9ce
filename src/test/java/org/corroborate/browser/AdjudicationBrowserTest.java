package org.corroborate.browser;

import org.corroborate.testing.TestProjects;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.Map;
import org.corroborate.annotation.AnnotationDetails;
import org.corroborate.annotation.AnnotationRequest;
import org.corroborate.annotation.AnnotationService;
import org.corroborate.base.CurrentActor;
import org.corroborate.review.AssessmentService;
import org.corroborate.review.Verdict;
import org.corroborate.base.Role;
import org.corroborate.review.adjudication.AdjudicationService;
import org.corroborate.review.adjudication.Outcome;
import org.corroborate.source.SourceService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Two reviewers disagree about a span; a supervisor resolves it into the gold layer in the curation view. */
class AdjudicationBrowserTest extends BrowserTest {

    @Autowired SourceService sources;
    @Autowired AnnotationService annotations;
    @Autowired AdjudicationService adjudication;
    @Autowired CurrentActor actor;
    @Autowired AssessmentService assessments;

    @Test
    void aSupervisorEditsAVersionBeforeAcceptingIt() {
        long source = actor.runAs("admin", Role.ADMIN, () -> sources.importText(TestProjects.MAIN, "Edited",
                "The mayor said the water is safe. A supervisor edited the version.", null, null, null, null)).source().id();
        AnnotationDetails carols = actor.runAs("carol", Role.REVIEWER, () -> annotations.create(source,
                AnnotationRequest.create(4, 33, "FACT", Map.of(), null)));
        signIn(page, "sam");
        page.navigate(url("/curate/" + source));
        page.locator("#units .cb-edit-accept[data-annotation='" + carols.id() + "']").click();
        settle(page);
        // Every field lies within the dialog: three in a row once ran past its right edge.
        Object overflow = page.evaluate("() => { const edge = document.querySelector('#reason-text')"
                + ".getBoundingClientRect().right;"
                + " return ['#gold-label', '#gold-start', '#gold-end'].map(id =>"
                + " document.querySelector(id).getBoundingClientRect().right - edge).filter(d => d > 1).length; }");
        assertThat(((Number) overflow).intValue()).as("fields past the reason field's right edge").isZero();
        page.locator("#gold-start input").fill("15");
        page.locator("#gold-end input").fill("32");
        page.locator("#gold-label").click();
        page.locator("vaadin-select-item", new Page.LocatorOptions().setHasText("QUOTE")).click();
        page.locator("#reason-text textarea").fill("Only the mayor's words are the quote");
        page.locator("#reason-confirm").click();
        assertThat(page.locator("#units")).containsText("Gold: QUOTE “the water is safe”");
    }

    @Test
    void aSupervisorResolvesADisagreementIntoGold() {
        long source = actor.runAs("admin", Role.ADMIN, () -> sources.importText(TestProjects.MAIN, "Disputed",
                "The utility hid the results for months. Two reviewers disagreed.", null, null, null, null)).source().id();
        AnnotationDetails alices = actor.runAs("alice", Role.REVIEWER, () -> annotations.create(source,
                AnnotationRequest.create(4, 38, "ALLEGATION", Map.of(), null)));
        actor.runAs("bob", Role.REVIEWER, () -> annotations.create(source,
                AnnotationRequest.create(4, 38, "FACT", Map.of(), null)));
        actor.runAs("carol", Role.REVIEWER, () -> assessments.assess(alices.id(),
                Verdict.AGREE, "It accuses the utility"));

        signIn(page, "sam");
        page.navigate(url("/sources/" + source));
        page.locator("#open-curation").click();
        assertThat(page.locator("#curation-summary")).containsText("1 unit · 1 open");
        assertThat(page.locator("#units")).containsText("1 agree · 0 disagree · 0 unsure");
        page.locator("#units .cb-accept[data-annotation='" + alices.id() + "']").click();
        page.locator("#reason-confirm").click();
        assertThat(page.locator("#reason-text")).hasAttribute("invalid", "");
        page.locator("#reason-text textarea").fill("Hiding results is an accusation");
        page.locator("#reason-confirm").click();
        assertThat(page.locator("#units")).containsText("Gold: ALLEGATION “utility hid the results for months”");
        assertThat(page.locator("#curation-summary")).containsText("0 open");
        assertThat(page.locator("vaadin-dialog-overlay")).hasCount(0);
        screenshot(page, "curation");

        // Bob sees in his workspace what became of his annotation, and why.
        var bobs = newContext();
        Page bob = bobs.newPage();
        signIn(bob, "bob");
        bob.navigate(url("/sources/" + source));
        bob.locator("#source-text [data-ids]").first().click();
        assertThat(bob.locator("#adjudication")).containsText("Gold: ALLEGATION");
        assertThat(bob.locator("#adjudication")).containsText("by sam: Hiding results is an accusation");
        bobs.close();

        var gold = actor.runAs("bob", Role.REVIEWER, () -> adjudication.gold(source));
        assertThat(gold).singleElement().satisfies(d -> {
            assertThat(d.outcome()).isEqualTo(Outcome.ACCEPTED);
            assertThat(d.reason()).isEqualTo("Hiding results is an accusation");
            assertThat(d.basedOn()).hasSize(2);
        });
    }
}
