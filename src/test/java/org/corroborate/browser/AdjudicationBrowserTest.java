package org.corroborate.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.Map;
import org.corroborate.annotation.AnnotationDetails;
import org.corroborate.annotation.AnnotationRequest;
import org.corroborate.annotation.AnnotationService;
import org.corroborate.base.CurrentActor;
import org.corroborate.base.Role;
import org.corroborate.review.AssessmentService;
import org.corroborate.review.Verdict;
import org.corroborate.review.adjudication.AdjudicationService;
import org.corroborate.review.adjudication.DecisionDetails;
import org.corroborate.review.adjudication.Outcome;
import org.corroborate.source.SourceService;
import org.corroborate.testing.TestProjects;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Reviewers' versions are curated into the gold layer on the curation page, unit by unit. */
class AdjudicationBrowserTest extends BrowserTest {

    @Autowired SourceService sources;
    @Autowired AnnotationService annotations;
    @Autowired AdjudicationService adjudication;
    @Autowired CurrentActor actor;
    @Autowired AssessmentService assessments;

    private long source(String title, String text) {
        return actor.runAs("admin", Role.ADMIN, () -> sources.importText(TestProjects.MAIN, title, text, null, null,
                null, null)).source().id();
    }

    private AnnotationDetails annotate(String who, long source, String text, String phrase, String label,
                                       Map<String, String> attributes) {
        int start = text.codePointCount(0, text.indexOf(phrase));
        int end = start + phrase.codePointCount(0, phrase.length());
        return actor.runAs(who, Role.REVIEWER, () -> annotations.create(source,
                AnnotationRequest.create(start, end, label, attributes, null)));
    }

    private Locator card(Page on, AnnotationDetails firstVersion) {
        return on.locator("#units .cb-unit[data-key='" + firstVersion.id() + "']");
    }

    /**
     * Issue 12, item 4 through the page: alice and bob tag the same QUOTE, alice an ALLEGATION inside
     * it. Two units, one agreed; "Accept every agreed unit" accepts the QUOTE alone, and the
     * ALLEGATION is then edited (another span, selected in its sentence; another attribute value) and
     * accepted too. alice's panel shows her ALLEGATION's own gold, and her Gold view both spans.
     */
    @Test
    void aNestedUnitOfAnotherLabelIsCuratedOnItsOwn() {
        String text = "Residents met on Monday. The mayor said: the utility hid the test results for months, "
                + "and nobody checked. The meeting ended late.";
        long source = source("Nested curation", text);
        String quote = "the utility hid the test results for months";
        AnnotationDetails alicesQuote = annotate("alice", source, text, quote, "QUOTE", Map.of("speaker", "the mayor"));
        annotate("bob", source, text, quote, "QUOTE", Map.of("speaker", "the mayor"));
        AnnotationDetails allegation = annotate("alice", source, text, "utility hid the test results", "ALLEGATION",
                Map.of("allegedBy", "the mayor"));

        page.setViewportSize(1440, 900);
        signIn(page, "sam");
        page.navigate(url("/curate/" + source));
        assertThat(page.locator("#curation-summary")).hasText("2 units · 2 open · 1 of them agreed by everyone");
        Locator quoteCard = card(page, alicesQuote);
        Locator allegationCard = card(page, allegation);
        assertThat(quoteCard).containsText("Agreed by every reviewer");
        assertThat(quoteCard.locator(".cb-unit-context")).hasText("The mayor said: " + quote
                + ", and nobody checked.");
        assertThat(quoteCard.locator(".cb-version")).hasCount(2);
        assertThat(quoteCard.locator(".cb-fields").first()).containsText("Speaker");
        assertThat(quoteCard.locator(".cb-fields").first()).containsText("the mayor");
        assertThat(allegationCard).containsText("Open");
        assertThat(allegationCard.locator(".cb-fields")).containsText("Alleged by");
        screenshot(page, "curation");

        page.locator("#accept-agreed").click();
        page.locator("#reason-confirm").click();
        assertThat(page.locator("vaadin-notification-card")).containsText("1 agreed unit accepted into gold.");
        assertThat(quoteCard).containsText("In gold");
        assertThat(quoteCard.locator(".cb-decision")).containsText("by sam: Every reviewer agreed.");
        assertThat(page.locator("#accept-agreed")).isDisabled();

        allegationCard.locator(".cb-edit-accept").click();
        assertThat(page.locator("#gold-span")).containsText("“utility hid the test results”");
        AnnotationBrowserTest.dragSelect(page, "#gold-text", "the utility hid the test results");
        assertThat(page.locator("#gold-span")).containsText("“the utility hid the test results”");
        page.locator("#attribute-allegedAgainst input").fill("the water utility");
        page.locator("#attribute-allegedAgainst input").press("Enter");
        settle(page);
        screenshot(page, "curation-edit");
        page.locator("#reason-text textarea").fill("The article names the utility as the accused");
        page.locator("#reason-confirm").click();
        assertThat(allegationCard).containsText("In gold");
        assertThat(allegationCard.locator(".cb-decision")).containsText("the utility hid the test results");
        assertThat(allegationCard.locator(".cb-decision .cb-fields")).containsText("the water utility");
        assertThat(page.locator("#curation-summary")).containsText("0 open");

        DecisionDetails gold = actor.runAs("alice", Role.REVIEWER, () -> adjudication.gold(source)).stream()
                .filter(d -> d.gold().label().equals("ALLEGATION")).findFirst().orElseThrow();
        assertThat(gold.basedOn()).containsExactly(allegation.id());
        assertThat(gold.gold().attributes()).containsEntry("allegedAgainst", "the water utility")
                .containsEntry("allegedBy", "the mayor");

        // alice's panel for her ALLEGATION tells what became of it, not of the QUOTE around it.
        var alices = newContext();
        Page alice = alices.newPage();
        alice.setViewportSize(1440, 900);
        signIn(alice, "alice");
        alice.navigate(url("/sources/" + source));
        alice.locator("#source-text [data-ids~='" + allegation.id() + "']").first().click();
        assertThat(alice.locator("#editor-quote")).containsText("utility hid the test results");
        assertThat(alice.locator("#adjudication")).containsText("Gold: Allegation");
        assertThat(alice.locator("#adjudication")).not().containsText("Gold: Quote");

        // The Gold view: both gold spans, read-only, each with its reason.
        alice.locator("#layer vaadin-radio-button:has-text(\"Gold\") input").check();
        assertThat(alice.locator("#source-text [data-ids*='gold-']")).not().hasCount(0);
        alice.locator("#source-text [data-ids~='gold-" + gold.id() + "']").last().click();
        assertThat(alice.locator("#gold-panel")).containsText("Decided by sam: The article names the utility");
        assertThat(alice.locator("#gold-panel")).containsText("Alleged against: the water utility");
        settle(alice);
        screenshot(alice, "workspace-gold");
        // The choice is remembered in this browser.
        alice.reload();
        assertThat(alice.locator("#layer vaadin-radio-button:has-text(\"Gold\")")).hasAttribute("checked", "");
        alice.setViewportSize(390, 844);
        settle(alice);
        screenshot(alice, "workspace-gold-390");
        alices.close();

        page.setViewportSize(390, 844);
        page.reload();
        assertThat(quoteCard).containsText("In gold");
        settle(page);
        screenshot(page, "curation-390");
    }

    /** The dashboard's link to a unit: curate/ID?at=START&label=LABEL opens the page at that unit. */
    @Test
    void aDeepLinkScrollsToTheUnitOfThatLabelCoveringThePosition() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            text.append("Sentence ").append(i).append(" says the council met. ");
        }
        long source = source("Deep link", text.toString());
        AnnotationDetails target = null;
        for (int i = 0; i < 60; i++) {
            String phrase = "Sentence " + i + " says";
            AnnotationDetails fact = annotate("alice", source, text.toString(), phrase, "FACT", Map.of());
            annotate("bob", source, text.toString(), phrase, "QUOTE", Map.of());
            if (i == 50) {
                target = fact;
            }
        }
        AnnotationDetails wanted = target;
        signIn(page, "sam");
        page.navigate(url("/curate/" + source + "?at=" + (wanted.start() + 3) + "&label=FACT"));
        Locator focused = page.locator("#units .cb-unit-focused");
        assertThat(focused).hasCount(1);
        assertThat(focused).hasAttribute("data-key", String.valueOf(wanted.id()));
        assertThat(focused).isInViewport();
        assertThat(focused.locator(".cb-label-chip").first()).hasText("Fact");

        page.navigate(url("/curate/" + source + "?at=" + (text.length() - 2) + "&label=FACT"));
        assertThat(page.locator("vaadin-notification-card")).containsText("No Fact unit covers position");
    }

    @Test
    void aSupervisorResolvesADisagreementIntoGold() {
        String text = "The utility hid the results for months. Two reviewers disagreed.";
        long source = source("Disputed", text);
        AnnotationDetails alices = annotate("alice", source, text, "utility hid the results for months",
                "ALLEGATION", Map.of());
        annotate("bob", source, text, "utility hid the results", "ALLEGATION", Map.of());
        actor.runAs("carol", Role.REVIEWER, () -> assessments.assess(alices.id(), Verdict.AGREE,
                "It accuses the utility"));

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
        assertThat(page.locator("#units .cb-decision")).containsText("utility hid the results for months");
        assertThat(page.locator("#curation-summary")).containsText("0 open");
        assertThat(page.locator("vaadin-dialog-overlay")).hasCount(0);

        // Bob sees in his workspace what became of his annotation, and why.
        var bobs = newContext();
        Page bob = bobs.newPage();
        signIn(bob, "bob");
        bob.navigate(url("/sources/" + source));
        bob.locator("#source-text [data-ids]").first().click();
        assertThat(bob.locator("#adjudication")).containsText("Gold: Allegation");
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
