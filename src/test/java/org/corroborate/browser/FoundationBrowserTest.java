package org.corroborate.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.FileChooser;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.corroborate.base.Role;
import org.corroborate.source.SourceText;
import org.junit.jupiter.api.Test;

/** The foundation as a person uses it: sign in, the library, import, the reader, and account administration. */
class FoundationBrowserTest extends BrowserTest {

    @org.springframework.beans.factory.annotation.Autowired
    org.corroborate.source.SourceService sourceService;

    @org.springframework.beans.factory.annotation.Autowired
    org.corroborate.base.CurrentActor actor;

    private static final String UPLOADED = """
            ---
            title: Night shift at the pumping station
            publisher: Browser Test Gazette
            published: 2025-05-01
            ---
            The engineer wrote: <script>window.hacked = true; alert('x')</script> was in the log 💧.
            Zoë Ødegård said the water “tasted of metal”.
            قال يوسف حداد إن الماء ليس آمناً.
            """;

    @Test
    void aReviewerImportsAFileAndReadsItWithItsHash() {
        AtomicBoolean dialogOpened = new AtomicBoolean();
        page.onDialog(dialog -> {
            dialogOpened.set(true);
            dialog.dismiss();
        });

        page.navigate(url("/"));
        page.locator("vaadin-login-form").waitFor();
        assertThat(page.locator("#demo-hint")).containsText("alice");
        screenshot(page, "login");

        signIn(page, "alice");
        assertThat(page.locator("#demo-marker")).isVisible();
        int before = actor.runAs("alice", Role.REVIEWER, () -> sourceService.list()).size();
        assertThat(page.locator("#source-count")).hasText(before + " sources");
        // The shared workbench holds every test's sources: find the demo's among them, as a person would.
        page.locator("#source-filter input").fill("Ellsworth Vale");
        assertThat(page.locator("#sources")).containsText("Ellsworth Vale");
        screenshot(page, "library");

        page.locator("#import-sources").click();
        FileChooser chooser = page.waitForFileChooser(() -> page.locator("#source-upload vaadin-button").first().click());
        chooser.setFiles(new FilePayload("night-shift.md", "text/markdown",
                UPLOADED.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)));
        assertThat(page.locator("#import-results")).containsText("Imported night-shift.md as");

        screenshot(page, "import");
        page.locator("#import-results a").click();
        assertThat(page.locator("vaadin-dialog-overlay")).hasCount(0);
        assertThat(page.locator("#source-title")).hasText("Night shift at the pumping station");
        String body = UPLOADED.substring(UPLOADED.indexOf("---\n", 4) + 4);
        assertThat((String) page.locator("#source-text").evaluate("e => e.text")).isEqualTo(body);
        assertThat(page.locator("#source-text")).containsText("<script>window.hacked = true;");
        page.locator("vaadin-tab", new com.microsoft.playwright.Page.LocatorOptions().setHasText("Provenance")).click();
        assertThat(page.locator("#source-sha256")).hasText(SourceText.sha256(body));
        assertThat(page.locator("#source-metadata")).containsText("Browser Test Gazette");
        assertThat(page.locator("#source-metadata")).containsText(
                String.format("%,d characters", SourceText.codePointLength(body)));
        assertThat(page.locator("#source-text script")).hasCount(0);
        assertThat(page.evaluate("() => window.hacked === true")).isEqualTo(false);
        assertThat(dialogOpened).isFalse();
        screenshot(page, "reader");

        page.navigate(url("/"));
        assertThat(page.locator("#source-count")).hasText((before + 1) + " sources");
    }

    @Test
    void everyoneCanReadTheLabelSchemeAndGuidelines() {
        signIn(page, "carol");
        page.locator("vaadin-side-nav-item", new com.microsoft.playwright.Page.LocatorOptions()
                .setHasText("Label scheme")).click();
        assertThat(page.locator("#scheme-labels .cb-label-card")).hasCount(3);
        assertThat(page.locator("#scheme-labels")).containsText("Alleged against");
        assertThat(page.locator("vaadin-markdown")).containsText("QUOTE");
        screenshot(page, "scheme");
    }

    @Test
    void aReviewerDoesNotSeeOrReachAccountAdministration() {
        signIn(page, "bob");
        assertThat(page.locator("vaadin-side-nav-item", new com.microsoft.playwright.Page.LocatorOptions()
                .setHasText("Accounts"))).hasCount(0);
        page.navigate(url("/admin/accounts"));
        assertThat(page.locator("#accounts")).hasCount(0);
        assertThat(page.locator("#new-account")).hasCount(0);
    }

    @Test
    void anAdministratorCreatesAnAccount() {
        signIn(page, "admin");
        page.locator("vaadin-side-nav-item", new com.microsoft.playwright.Page.LocatorOptions().setHasText("Accounts"))
                .click();
        assertThat(page.locator("#accounts")).containsText("alice");
        page.locator("#new-account").click();
        page.locator("#account-username input").fill("dana");
        page.locator("#account-display-name input").fill("Dana Fieldwork");
        page.locator("#account-password input").fill("short");
        page.locator("#account-save").click();
        assertThat(page.locator("#form-error")).hasText("A password needs at least 8 characters.");
        page.locator("#account-password input").fill("12345678");
        page.locator("#account-save").click();
        assertThat(page.locator("#form-error")).containsText("too easy to guess");
        page.locator("#account-password input").fill("long enough secret");
        page.locator("#account-save").click();
        assertThat(page.locator("#accounts")).containsText("Dana Fieldwork");
        assertThat(page.locator("vaadin-dialog-overlay")).hasCount(0);
        page.locator("vaadin-notification-card").last().waitFor(new com.microsoft.playwright.Locator.WaitForOptions()
                .setState(com.microsoft.playwright.options.WaitForSelectorState.DETACHED).setTimeout(10_000));
        screenshot(page, "accounts");
    }
}
