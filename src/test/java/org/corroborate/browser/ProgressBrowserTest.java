package org.corroborate.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

/** A supervisor spreads the sources over the reviewers and watches their progress. */
class ProgressBrowserTest extends BrowserTest {

    @Test
    void aSupervisorAssignsEvenlyAndSeesEachReviewersWorkload() {
        signIn(page, "sam");
        page.locator("vaadin-side-nav-item", new Page.LocatorOptions().setHasText("Progress")).click();
        assertThat(page.locator("#per-source")).containsText("2");
        page.locator("#assign-evenly").click();
        assertThat(page.locator("vaadin-notification-card").last()).containsText("at least 2 reviewers");
        assertThat(page.locator("#progress-sources")).containsText("alice: ");
        assertThat(page.locator("#progress-reviewers")).containsText("carol");
        // The picture shows the workload, not the message over it: dismiss the message as its timer would.
        page.locator("vaadin-notification").evaluateAll("all => all.forEach(n => n.opened = false)");
        assertThat(page.locator("vaadin-notification-card")).hasCount(0);
        screenshot(page, "progress");
    }
}
