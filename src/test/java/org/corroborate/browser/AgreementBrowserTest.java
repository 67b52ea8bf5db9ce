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
import org.corroborate.testing.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A supervisor reads the agreement dashboard and drills down from a heat map cell to the disagreements. */
class AgreementBrowserTest extends BrowserTest {

    @Autowired SourceService sources;
    @Autowired AnnotationService annotations;
    @Autowired CurrentActor actor;
    @Autowired org.corroborate.project.ProjectService projects;
    @Autowired org.corroborate.security.AccountService accounts;

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
        // The table lists least agreement first: among the shared project's many sources this one may be below the fold.
        assertThat(page.locator("#agreement-sources")).isVisible();
        var cell = page.locator("#agreement-chart button[data-pair='alice|bob']");
        assertThat(cell).isVisible();
        screenshot(page, "agreement");
        cell.click();
        // Curation units are per label, so the ALLEGATION and the FACT may be listed apart: both are there.
        var ours = page.locator(".cb-disagreement", new Page.LocatorOptions().setHasText("regulator ignored the warnings"));
        assertThat(ours.first()).isVisible();
        assertThat(ours.filter(new Locator.FilterOptions().setHasText("Allegation"))).not().hasCount(0);
        assertThat(ours.filter(new Locator.FilterOptions().setHasText("Fact"))).not().hasCount(0);
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

    /**
     * In a project of its own: x reviewed by three, y by two of them. The chart is drawn on first
     * load, Fleiss' kappa can be chosen, a source row offers only that source's reviewers, and a
     * disagreement opens the workspace at its span.
     */
    @Test
    void aSourceRowComparesItsOwnReviewersAndADisagreementOpensTheTextAtItsSpan() {
        long project = actor.runAs("admin", Role.ADMIN, () -> projects.create("Agreement drill-down", null)).id();
        TestAccounts testAccounts = new TestAccounts(accounts, projects, actor);
        testAccounts.createIn(project, "drill-sup", Role.SUPERVISOR);
        for (String r : java.util.List.of("drill-a", "drill-b", "drill-c")) {
            testAccounts.createIn(project, r, Role.REVIEWER);
        }
        long x = actor.runAs("admin", Role.ADMIN, () -> sources.importText(project, "Three read this",
                "The mayor said the reservoir was safe, but the engineers disagreed.", null, null, null,
                null)).source().id();
        long y = actor.runAs("admin", Role.ADMIN, () -> sources.importText(project, "Two read this",
                "Inspectors found cracks in the dam wall in March, the report says.", null, null, null,
                null)).source().id();
        for (String r : java.util.List.of("drill-a", "drill-b", "drill-c")) {
            actor.runAs(r, Role.REVIEWER, () -> annotations.create(x,
                    AnnotationRequest.create(4, 9, "FACT", Map.of(), null)));
        }
        actor.runAs("drill-b", Role.REVIEWER, () -> annotations.create(y,
                AnnotationRequest.create(0, 10, "FACT", Map.of(), null)));
        actor.runAs("drill-c", Role.REVIEWER, () -> annotations.create(y,
                AnnotationRequest.create(0, 10, "QUOTE", Map.of(), null)));

        page.setViewportSize(1440, 900);
        page.navigate(url("/login"));
        page.locator("vaadin-login-form input[name='username']").fill("drill-sup");
        page.locator("vaadin-login-form input[name='password']").fill(TestAccounts.PASSWORD);
        page.locator("vaadin-login-form input[name='password']").press("Enter");
        page.locator("#current-user").waitFor();
        page.navigate(url("/agreement"));
        // The per-label bars are drawn on first load: Chart.js holds the three labels' figures.
        page.waitForFunction("() => document.querySelector('#agreement-chart')?.chart?.data?.labels?.length === 3");
        assertThat(page.locator("#agreement-chart button[data-pair='drill-a|drill-c']")).isVisible();
        screenshot(page, "agreement-1440");

        page.locator("#agreement-measure").click();
        page.locator("vaadin-select-item[role='option']", new Page.LocatorOptions().setHasText("Fleiss")).click();
        assertThat(page.locator("#agreement-figures")).containsText("Fleiss' kappa (all reviewers) overall");
        assertThat(page.locator("#agreement-chart .overall")).isVisible();
        assertThat(page.locator("#agreement-chart button[data-pair]")).hasCount(0);
        screenshot(page, "agreement-fleiss-1440");

        page.locator("#agreement-sources vaadin-grid-cell-content", new Page.LocatorOptions().setHasText("Two read this"))
                .click();
        assertThat(page.locator("#source-participants")).containsText("drill-b, drill-c");
        assertThat(page.locator("#source-participants")).not().containsText("drill-a");
        page.locator("#source-pair").click();
        // Only the pair that read y is offered: no choice names drill-a.
        assertThat(page.locator("vaadin-select-item", new Page.LocatorOptions().setHasText("drill-a"))).hasCount(0);
        page.locator("vaadin-select-item[role='option']", new Page.LocatorOptions().setHasText("drill-b and drill-c"))
                .click();
        var row = page.locator(".cb-disagreement").first();
        assertThat(row).containsText("Quote");
        assertThat(row).containsText("Fact");
        screenshot(page, "agreement-source-1440");
        page.setViewportSize(390, 844);
        screenshot(page, "agreement-source-390");
        page.setViewportSize(1440, 900);

        assertThat(page.locator("a.cb-open-in-curation").first()).hasAttribute("href", "curate/" + y + "?at=0&label=FACT");
        page.locator("a.cb-open-in-text").first().click();
        page.waitForURL(java.util.regex.Pattern.compile(".*/sources/" + y + "\\?at=0-10$"));
        // The annotation with exactly that span is selected, or (colleagues' work hidden) the range is.
        page.waitForFunction("() => document.querySelector('#source-text')?.selectedId != null"
                + " || window.getSelection().toString() === 'Inspectors'");
        screenshot(page, "agreement-to-text-1440");
        page.setViewportSize(390, 844);
        page.navigate(url("/agreement"));
        page.waitForFunction("() => document.querySelector('#agreement-chart')?.chart?.data?.labels?.length === 3");
        screenshot(page, "agreement-390");
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
