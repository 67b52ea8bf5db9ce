package org.corroborate.browser;

import org.corroborate.testing.TestProjects;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.Map;
import org.corroborate.annotation.AnnotationDetails;
import org.corroborate.annotation.AnnotationRequest;
import org.corroborate.annotation.AnnotationService;
import org.corroborate.base.CurrentActor;
import org.corroborate.base.Role;
import org.corroborate.source.SourceService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A supervisor finds the edit a reviewer just made, reads its before and after, and verifies the chain. */
class AuditBrowserTest extends BrowserTest {

    @Autowired SourceService sources;
    @Autowired AnnotationService annotations;
    @Autowired CurrentActor actor;

    @Test
    void aSupervisorFindsAReviewersEditAndReadsItsDiff() {
        long sourceId = actor.runAs("alice", Role.REVIEWER, () -> sources.importText(TestProjects.MAIN, "Audit walk",
                "The regulator was told in August.", null, null, null, null)).source().id();
        AnnotationDetails created = actor.runAs("alice", Role.REVIEWER, () -> annotations.create(sourceId,
                AnnotationRequest.create(4, 13, "FACT", Map.of(), null)));
        actor.runAs("alice", Role.REVIEWER, () -> annotations.update(created.id(), AnnotationRequest.describe(
                "ALLEGATION", Map.of("allegedAgainst", "The regulator"), "re-read the sentence", 0L, null)));

        signIn(page, "sam");
        page.locator("vaadin-side-nav-item", new Page.LocatorOptions().setHasText("Audit trail")).click();
        assertThat(page.locator("#audit-events")).containsText("annotation.updated");
        choose("#filter-actor", "alice");
        choose("#filter-action", "annotation.updated");
        page.locator("#filter-entity-id input").fill(String.valueOf(created.id()));
        page.locator("#filter-entity-id input").press("Enter");
        assertThat(page.locator("#audit-events vaadin-grid-cell-content", new Page.LocatorOptions()
                .setHasText(java.util.regex.Pattern.compile("^Annotation " + created.id() + "$")))
                .filter(new com.microsoft.playwright.Locator.FilterOptions().setVisible(true))).hasCount(1);
        page.locator("#verify-chain").click();
        assertThat(page.locator("#verification")).containsText("Chain intact");
        screenshot(page, "audit");

        page.locator("#audit-events vaadin-grid-cell-content", new Page.LocatorOptions()
                .setHasText(java.util.regex.Pattern.compile("^Annotation " + created.id() + "$")))
                .filter(new com.microsoft.playwright.Locator.FilterOptions().setVisible(true)).click();
        assertThat(page.locator("#audit-event-dialog .cb-diff-changed").first()).hasText("labelFACTALLEGATION");
        assertThat(page.locator("#audit-event-dialog .cb-diff")).containsText("The regulator");
        assertThat(page.locator("#audit-event-dialog")).containsText("re-read the sentence");
        screenshot(page, "audit-diff");
    }

    /** Picks a combo box item as a person does: type, let the list filter, then press Enter. */
    private void choose(String comboBox, String value) {
        page.locator(comboBox + " input").click();
        page.locator(comboBox + " input").pressSequentially(value);
        page.locator("vaadin-combo-box-item", new Page.LocatorOptions().setHasText(value)).first().waitFor();
        page.locator(comboBox + " input").press("Enter");
        assertThat(page.locator(comboBox)).hasAttribute("has-value", "");
    }

    @Test
    void aReviewerSeesOnlyTheirOwnHistory() {
        actor.runAs("carol", Role.REVIEWER, () -> sources.importText(TestProjects.MAIN, "Carol's", "Carol imported this for her own history.",
                null, null, null, null));
        signIn(page, "bob");
        page.locator("vaadin-side-nav-item", new Page.LocatorOptions().setHasText("Audit trail")).click();
        assertThat(page.locator("h2")).hasText("My history");
        assertThat(page.locator("#verify-chain")).hasCount(0);
        assertThat(page.locator("#audit-events")).not().containsText("carol");
    }
}
