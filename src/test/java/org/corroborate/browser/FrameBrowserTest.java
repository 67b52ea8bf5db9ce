package org.corroborate.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.ColorScheme;
import java.util.Map;
import java.util.Set;
import org.corroborate.annotation.AnnotationRequest;
import org.corroborate.annotation.AnnotationService;
import org.corroborate.base.CurrentActor;
import org.corroborate.base.Role;
import org.corroborate.project.ProjectService;
import org.corroborate.security.AccountService;
import org.corroborate.source.SourceService;
import org.corroborate.testing.HttpApi;
import org.corroborate.testing.TestDesk;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The frame around every page, as a person meets it: error pages inside it (404 on the page for an
 * address that is no route), the workspace on a phone, dark mode (the system's or chosen) and the reading text size
 * kept on the device.
 */
class FrameBrowserTest extends BrowserTest {

    static final String TEXT = "The harbour master said the tide gauge failed in March. Residents claimed the "
            + "council hid the readings for a year.\n\nA spokesperson said the gauge was replaced in April.";

    @Autowired AccountService accounts;
    @Autowired ProjectService projects;
    @Autowired SourceService sources;
    @Autowired AnnotationService annotations;
    @Autowired CurrentActor actor;

    @Test
    void unknownAddressesAndIdsAreAFramed404() {
        page.setViewportSize(1440, 900);
        signIn(page, "alice");
        for (String path : new String[] {"/no-such-page", "/sources/abc", "/curate/abc", "/sources/999999"}) {
            Response response = page.navigate(url(path));
            if (!path.equals("/sources/999999")) { // an address that is no route: 404 on the page itself
                assertThat(response.status()).as(path).isEqualTo(404);
            }
            assertThat(page.locator("#not-found")).isVisible();
            assertThat(page.locator("#current-user")).hasText("alice"); // inside the frame, still signed in
            assertThat(page.locator("vaadin-side-nav")).isVisible();
        }
        assertThat(page.locator("#error-heading")).hasText("No such source");
        assertThat(page.locator("#error-message")).hasText("There is no source with id 999999.");
        assertThat(page).hasTitle("No such source · Corroborate");
        page.navigate(url("/curate/abc"));
        assertThat(page.locator("#error-heading")).hasText("Page not found");
        assertThat(page.locator("#error-message")).hasText("There is no page at /curate/abc.");
        page.navigate(url("/sources/999999"));
        assertThat(page.locator("#error-heading")).hasText("No such source");
        screenshot(page, "error-not-found-1440");
        page.setViewportSize(390, 844);
        screenshot(page, "error-not-found-390");
        page.locator("#error-library").click();
        assertThat(page.locator("#sources")).isVisible();
    }

    @Test
    void signedOutAnUnknownAddressAsksToSignInAndShowsNothing() {
        Response response = page.navigate(url("/no-such-page"));
        assertThat(page.locator("vaadin-login-form")).isVisible();
        assertThat(response.url()).endsWith("/login");
    }

    @Test
    void aReviewerOpeningProgressGetsTheFramedNotAllowedPageAndTheServerStillRefusesTheData() throws Exception {
        page.setViewportSize(1440, 900);
        signIn(page, "alice");
        page.navigate(url("/"));
        page.navigate(url("/progress"));
        assertThat(page.locator("#not-allowed")).isVisible();
        assertThat(page.locator("#error-heading")).hasText("Not allowed");
        assertThat(page.locator("#not-allowed")).not().containsText("Could not navigate");
        assertThat(page.locator("#per-source")).hasCount(0);
        screenshot(page, "error-not-allowed-1440");
        page.setViewportSize(390, 844);
        screenshot(page, "error-not-allowed-390");
        page.locator("#error-back").click(); // the way back: where she was
        assertThat(page.locator("#sources")).isVisible();
        assertThat(new HttpApi(port).send("alice", "GET", "/api/progress", null).status()).isEqualTo(403);
    }

    @Test
    void theWorkspaceStacksTheTextAboveThePanelOnANarrowScreen() {
        TestDesk desk = TestDesk.create("Frame narrow desk", Map.of("frame-narrow", Set.of(Role.REVIEWER)),
                accounts, projects, sources, actor);
        long source = desk.source("Tide gauge", TEXT);
        annotate("frame-narrow", source, "the tide gauge failed in March", "FACT");
        page.setViewportSize(390, 844);
        signIn(page, "frame-narrow");
        page.navigate(url("/sources/" + source));
        BoundingBox text = page.locator("#source-text").boundingBox();
        BoundingBox panel = page.locator(".cb-workspace-side").boundingBox();
        assertThat(text.width).as("text width at 390 px").isGreaterThan(330);
        assertThat(panel.y).as("the panel is under the text").isGreaterThanOrEqualTo(text.y + text.height - 1);
        assertThat(panel.width).isGreaterThan(370);
        screenshot(page, "workspace-390");
        page.setViewportSize(860, 900);
        assertThat(page.locator(".cb-workspace-side").boundingBox().y)
                .as("still stacked under 900 px").isGreaterThan(page.locator("#source-text").boundingBox().y);
        page.setViewportSize(1440, 900);
        assertThat(page.locator(".cb-workspace-side").boundingBox().x)
                .as("side by side at 1440 px").isGreaterThan(page.locator("#source-text").boundingBox().x + 500);
    }

    @Test
    void darkModeFollowsTheSystemAndTheToggleOverridesItOnThisDevice() {
        TestDesk desk = TestDesk.create("Frame dark desk", Map.of("frame-dark", Set.of(Role.REVIEWER)),
                accounts, projects, sources, actor);
        long source = desk.source("Tide gauge at night", TEXT);
        annotate("frame-dark", source, "the tide gauge failed in March", "FACT");
        annotate("frame-dark", source, "Residents claimed the council hid the readings", "ALLEGATION");
        annotate("frame-dark", source, "the council hid the readings for a year", "QUOTE");
        page.setViewportSize(1440, 900);
        page.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(ColorScheme.DARK));
        signIn(page, "frame-dark");
        page.navigate(url("/sources/" + source));
        assertThat(page.locator("html")).hasAttribute("theme", "light-dark");
        assertThat(background(page)).as("the system's dark").isLessThan(0.2);
        assertThat(page.locator("#source-text span[data-ids]").first()).isVisible();
        screenshot(page, "workspace-dark-1440");
        page.setViewportSize(390, 844);
        screenshot(page, "workspace-dark-390");
        page.setViewportSize(1440, 900);

        // The toggle overrides the system on this device, and is still there after a reload.
        page.locator("#display-settings").click();
        assertThat(page.locator("#display-settings-panel")).isVisible();
        screenshot(page, "display-settings");
        page.locator("#display-theme vaadin-radio-button", new Page.LocatorOptions().setHasText("Light")).click();
        assertThat(page.locator("html")).not().hasAttribute("theme", "light-dark");
        assertThat(background(page)).as("light, though the system is dark").isGreaterThan(0.8);
        page.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(ColorScheme.LIGHT));
        page.locator("#display-theme vaadin-radio-button", new Page.LocatorOptions().setHasText("Dark")).click();
        assertThat(page.locator("html")).hasAttribute("theme", "dark");
        page.reload();
        assertThat(page.locator("#source-text")).isVisible();
        assertThat(page.locator("html")).hasAttribute("theme", "dark");
        assertThat(background(page)).as("dark, though the system is light").isLessThan(0.2);
        page.locator("#display-settings").click();
        assertThat(page.locator("#display-theme vaadin-radio-button[checked]")).hasText("Dark");
    }

    @Test
    void theReadingTextSizeIsKeptInThisBrowserAcrossReloads() {
        TestDesk desk = TestDesk.create("Frame size desk", Map.of("frame-size", Set.of(Role.REVIEWER)),
                accounts, projects, sources, actor);
        long source = desk.source("Tide gauge in large print", TEXT);
        signIn(page, "frame-size");
        page.navigate(url("/sources/" + source));
        Locator text = page.locator("#source-text");
        assertThat(text).hasCSS("font-size", "17px");
        page.locator("#display-settings").click();
        page.locator("#display-text vaadin-radio-button", new Page.LocatorOptions().setHasText("Extra large")).click();
        assertThat(text).hasCSS("font-size", "24px");
        page.locator("#display-density vaadin-radio-button", new Page.LocatorOptions().setHasText("Compact")).click();
        assertThat(page.locator("html")).hasAttribute("data-cb-density", "compact");
        page.reload();
        assertThat(page.locator("#source-text")).hasCSS("font-size", "24px");
        assertThat(page.locator("html")).hasAttribute("data-cb-density", "compact");
        Object kept = page.evaluate("() => JSON.parse(localStorage.getItem('cb.display'))");
        assertThat(kept).isEqualTo(Map.of("theme", "system", "text", "xl", "density", "compact"));
        screenshot(page, "workspace-large-text");
    }

    private void annotate(String who, long source, String phrase, String label) {
        int start = TEXT.codePointCount(0, TEXT.indexOf(phrase));
        int end = start + phrase.codePointCount(0, phrase.length());
        actor.runAs(who, Role.REVIEWER, () -> annotations.create(source,
                AnnotationRequest.create(start, end, label, Map.of(), null)));
    }

    /** The relative luminance (0 black, 1 white) of the page's background. */
    private static double background(Page on) {
        return ((Number) on.evaluate("""
                () => {
                  const [r, g, b] = getComputedStyle(document.documentElement).backgroundColor.match(/[\\d.]+/g).map(Number);
                  const lin = c => { c /= 255; return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4); };
                  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
                }""")).doubleValue();
    }
}
