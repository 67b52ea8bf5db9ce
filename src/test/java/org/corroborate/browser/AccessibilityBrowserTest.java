package org.corroborate.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ColorScheme;
import java.util.Map;
import java.util.Set;
import org.corroborate.annotation.AnnotationRequest;
import org.corroborate.annotation.AnnotationService;
import org.corroborate.base.CurrentActor;
import org.corroborate.base.Role;
import org.corroborate.project.ProjectService;
import org.corroborate.review.ReviewStatusService;
import org.corroborate.security.AccountService;
import org.corroborate.source.SourceService;
import org.corroborate.testing.TestAccounts;
import org.corroborate.testing.TestDesk;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * axe-core finds no serious or critical violation on the library, the workspace, curation,
 * agreement, the audit trail and exchange, each opened by the role that works there, in light and
 * in dark mode (the system's preference, emulated).
 */
class AccessibilityBrowserTest extends BrowserTest {

    @Autowired AccountService accounts;
    @Autowired ProjectService projects;
    @Autowired SourceService sources;
    @Autowired AnnotationService annotations;
    @Autowired CurrentActor actor;
    @Autowired ReviewStatusService reviews;

    @ParameterizedTest
    @EnumSource(value = ColorScheme.class, names = {"LIGHT", "DARK"})
    void theMainScreensHaveNoSeriousViolation(ColorScheme scheme) {
        String suffix = scheme.name().toLowerCase();
        String reviewer = "axe-rev-" + suffix;
        String colleague = "axe-col-" + suffix;
        String supervisor = "axe-sup-" + suffix;
        TestDesk desk = TestDesk.create("Accessibility desk " + suffix, Map.of(reviewer, Set.of(Role.REVIEWER),
                colleague, Set.of(Role.REVIEWER), supervisor, Set.of(Role.SUPERVISOR)),
                accounts, projects, sources, actor);
        String text = FrameBrowserTest.TEXT;
        long source = desk.source("Tide gauge, checked", text);
        annotate(reviewer, source, text, "the tide gauge failed in March", "FACT");
        annotate(colleague, source, text, "the tide gauge failed", "FACT");
        annotate(reviewer, source, text, "Residents claimed the council hid the readings", "ALLEGATION");
        annotate(colleague, source, text, "the gauge was replaced in April", "QUOTE");
        // Submitted, so that agreement has figures to draw (its heat map and bars are checked too).
        actor.runAs(reviewer, Role.REVIEWER, () -> reviews.submit(source));
        actor.runAs(colleague, Role.REVIEWER, () -> reviews.submit(source));

        page.setViewportSize(1440, 900);
        page.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(scheme));
        patientSignIn(page, reviewer);
        assertThat(page.locator("#sources")).isVisible();
        check(page, "library", suffix);
        page.navigate(url("/sources/" + source));
        assertThat(page.locator("#source-text .cb-text")).isVisible();
        check(page, "workspace", suffix);

        // The supervisor in a browser of their own, as a second person would be.
        BrowserContext supervisors = newContext();
        try {
            Page on = supervisors.newPage();
            on.setViewportSize(1440, 900);
            on.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(scheme));
            patientSignIn(on, supervisor);
            on.navigate(url("/curate/" + source));
            assertThat(on.locator("#units .cb-unit").first()).isVisible();
            check(on, "curation", suffix);
            on.navigate(url("/agreement"));
            assertThat(on.locator("#agreement-measure")).isVisible();
            check(on, "agreement", suffix);
            on.navigate(url("/audit"));
            assertThat(on.locator("#filter-actor")).isVisible();
            check(on, "audit", suffix);
            on.navigate(url("/exchange"));
            assertThat(on.locator(".cb-exchange-card").first()).isVisible();
            check(on, "exchange", suffix);
        } finally {
            supervisors.close();
        }
    }

    /**
     * Signs in as {@link #signIn} does, waiting longer for the library: this test keeps a second
     * person's browser open beside the first, and on a loaded machine the second sign-in has taken
     * more than the default 15 s.
     */
    private void patientSignIn(Page on, String username) {
        on.navigate(url("/login"));
        on.locator("vaadin-login-form input[name='username']").fill(username);
        on.locator("vaadin-login-form input[name='password']").fill(TestAccounts.passwordOf(username));
        on.locator("vaadin-login-form input[name='password']").press("Enter");
        on.locator("#current-user").waitFor(new Locator.WaitForOptions().setTimeout(60_000));
    }

    /** axe-core on the screen as it is, then a look at it at 1440 and 390 px wide. */
    private void check(Page on, String screen, String suffix) {
        assertAccessible(on, screen + " (" + suffix + ")");
        screenshot(on, "a11y-" + screen + "-" + suffix + "-1440");
        on.setViewportSize(390, 844);
        screenshot(on, "a11y-" + screen + "-" + suffix + "-390");
        on.setViewportSize(1440, 900);
    }

    private void annotate(String who, long source, String text, String phrase, String label) {
        int start = text.codePointCount(0, text.indexOf(phrase));
        int end = start + phrase.codePointCount(0, phrase.length());
        actor.runAs(who, Role.REVIEWER, () -> annotations.create(source,
                AnnotationRequest.create(start, end, label, Map.of(), null)));
    }
}
