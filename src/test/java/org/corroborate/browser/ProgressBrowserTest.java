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
        page.waitForTimeout(4500);
        screenshot(page, "progress");
    }
}
