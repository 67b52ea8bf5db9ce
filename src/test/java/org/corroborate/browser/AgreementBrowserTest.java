package org.corroborate.browser;

import org.corroborate.testing.TestProjects;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.Map;
import org.corroborate.annotation.AnnotationRequest;
import org.corroborate.annotation.AnnotationService;
import org.corroborate.base.CurrentActor;
import org.corroborate.base.Role;
import org.corroborate.source.SourceService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A supervisor reads the agreement dashboard and drills down from a heat map cell to the disagreements. */
class AgreementBrowserTest extends BrowserTest {

    @Autowired SourceService sources;
    @Autowired AnnotationService annotations;
    @Autowired CurrentActor actor;

    @Test
    void theHeatMapLeadsToTheDisagreementsSideBySide() {
        long source = actor.runAs("admin", Role.ADMIN, () -> sources.importText(TestProjects.MAIN, "Agreement walk",
                "The regulator ignored the warnings for weeks, a councillor said.", null, null, null,
                null)).source().id();
        actor.runAs("alice", Role.REVIEWER, () -> annotations.create(source,
                AnnotationRequest.create(4, 44, "ALLEGATION", Map.of(), null)));
        actor.runAs("bob", Role.REVIEWER, () -> annotations.create(source,
                AnnotationRequest.create(4, 44, "FACT", Map.of(), null)));
        actor.runAs("alice", Role.REVIEWER, () -> annotations.create(source,
                AnnotationRequest.create(48, 58, "FACT", Map.of(), null)));
        actor.runAs("bob", Role.REVIEWER, () -> annotations.create(source,
                AnnotationRequest.create(48, 58, "FACT", Map.of(), null)));

        signIn(page, "sam");
        page.locator("vaadin-side-nav-item", new Page.LocatorOptions().setHasText("Agreement")).click();
        assertThat(page.locator("#agreement-figures")).containsText("Span F1, overlap match overall");
        assertThat(page.locator("#agreement-sources")).containsText("Agreement walk");
        var cell = page.locator("#agreement-chart button[data-pair='alice|bob']");
        assertThat(cell).isVisible();
        screenshot(page, "agreement");
        cell.click();
        // Curation units are per label, so the ALLEGATION and the FACT may be listed apart: both are there.
        var ours = page.locator(".cb-disagreement", new Page.LocatorOptions().setHasText("regulator ignored the warnings"));
        assertThat(ours.first()).isVisible();
        assertThat(ours.filter(new Locator.FilterOptions().setHasText("ALLEGATION"))).not().hasCount(0);
        assertThat(ours.filter(new Locator.FilterOptions().setHasText("FACT"))).not().hasCount(0);
        screenshot(page, "agreement-drilldown");
    }

    @Test
    void thePerLabelBarsAreDrawnWhenTheDashboardIsOpenedByItsAddress() {
        signIn(page, "sam");
        page.navigate(url("/agreement"));
        page.locator("#agreement-chart").waitFor();
        // Vaadin moves the chart once on a first load; Chart.js sizes the canvas (240 px high) when it draws.
        page.waitForFunction("() => document.querySelector('#agreement-chart')?.shadowRoot"
                + "?.querySelector('canvas')?.style.height === '240px'");
    }

    @Test
    void reviewersHaveNoDashboard() {
        signIn(page, "alice");
        assertThat(page.locator("vaadin-side-nav-item", new Page.LocatorOptions().setHasText("Agreement")))
                .hasCount(0);
        page.navigate(url("/agreement"));
        assertThat(page.locator("#agreement-chart")).hasCount(0);
    }

    /** carol supervises the training desk but only reviews in the inquiry: its figures are not hers to read. */
    @Test
    void aReviewerOfTheCurrentProjectWhoSupervisesAnotherSeesNoFigures() {
        signIn(page, "carol");
        page.navigate(url("/agreement"));
        assertThat(page.locator("#agreement-not-overseer")).containsText("do not supervise");
        assertThat(page.locator("#agreement-chart")).hasCount(0);
    }
}
