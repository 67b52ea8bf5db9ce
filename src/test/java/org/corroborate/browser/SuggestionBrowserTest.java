package org.corroborate.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Locator;
import java.time.Duration;
import java.util.Map;
import org.corroborate.annotation.AnnotationDetails;
import org.corroborate.annotation.AnnotationRequest;
import org.corroborate.annotation.AnnotationService;
import org.corroborate.base.CurrentActor;
import org.corroborate.base.Role;
import org.corroborate.claim.ClaimDetails;
import org.corroborate.claim.ClaimService;
import org.corroborate.claim.MemberDetails;
import org.corroborate.claim.Stance;
import org.corroborate.project.ProjectService;
import org.corroborate.security.AccountService;
import org.corroborate.source.SourceService;
import org.corroborate.testing.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Linking a suggestion: the reviewer selects an annotation that is in a claim, opens Suggestions,
 * asks for Suggestions, moves with the arrow keys to the passage of another source that says otherwise, presses C, and
 * the claim has that passage (a new annotation on it, the origin's label, by the reviewer) as
 * CONTRADICTS; Ctrl+Z takes the link back. A project of its own.
 */
class SuggestionBrowserTest extends BrowserTest {

    private static final String REVIEWER = "suggest-sol";
    private static final String ORIGIN = "Water warning\nTwelve residents were taken to hospital after drinking "
            + "tap water on Monday, the health board said. The mayor called for calm.";
    private static final String OTHER = "Board disputes figures\nThe hospital said no residents were admitted "
            + "after drinking tap water on Monday, contrary to earlier reports. Schools stayed open.";
    private static final String THIRD = "Shops\nResidents queued for bottled water as shops ran out of water on Monday.";

    @Autowired SourceService sources;
    @Autowired AnnotationService annotations;
    @Autowired ClaimService claims;
    @Autowired AccountService accounts;
    @Autowired ProjectService projects;
    @Autowired CurrentActor actor;

    @Test
    void linkASuggestion() {
        String run = Long.toString(System.nanoTime(), 36);
        long project = actor.runAs("admin", Role.ADMIN, () -> projects.create("Suggestion desk " + run,
                "Suggestion browser test")).id();
        new TestAccounts(accounts, projects, actor).createIn(project, REVIEWER + "-" + run, Role.REVIEWER);
        String reviewer = REVIEWER + "-" + run;
        long origin = importText(project, "Harrowby water alert", ORIGIN + " " + run);
        long other = importText(project, "Hospital disputes admissions", OTHER + " " + run);
        importText(project, "Shops run dry", THIRD + " " + run);
        String quote = "Twelve residents were taken to hospital after drinking tap water";
        int start = ORIGIN.codePointCount(0, ORIGIN.indexOf(quote));
        AnnotationDetails annotation = actor.runAs(reviewer, Role.REVIEWER, () -> annotations.create(origin,
                AnnotationRequest.create(start, start + quote.length(), "FACT", Map.of(), null)));
        long claim = actor.runAs(reviewer, Role.REVIEWER, () -> {
            ClaimDetails made = claims.create(project, "Twelve residents were taken to hospital");
            return claims.addMember(made.id(), annotation.id(), Stance.SUPPORTS).id();
        });

        signIn(page, reviewer);
        page.navigate(url("/sources/" + origin));
        page.locator("#source-text [data-ids~='" + annotation.id() + "']").first().click();
        assertThat(page.locator("#editor-quote")).containsText("Twelve residents");
        page.locator("#suggestions-open").click();
        Locator items = page.locator("#suggestion-list .cb-suggestion");
        try {
            // The first question of a new project indexes its sources (and may load the sentence model).
            assertThat(items.first()).isVisible(new com.microsoft.playwright.assertions.LocatorAssertions
                    .IsVisibleOptions().setTimeout(60_000));
        } catch (AssertionError e) {
            screenshot(page, "suggestions-failed");
            throw e;
        }
        assertThat(items.first().locator(".cb-suggestion-text mark").first()).isVisible();
        screenshots("suggestions-panel");

        // Keyboard: focus the first passage, move down and back up, to the one from the other source.
        Locator target = page.locator("#suggestion-list .cb-suggestion[data-source='" + other + "']");
        assertThat(target).containsText("no residents were admitted");
        items.first().focus();
        if (items.count() > 1) {
            page.keyboard().press("ArrowDown");
            assertThat(items.nth(1)).isFocused();
            page.keyboard().press("ArrowUp");
            assertThat(items.first()).isFocused();
        }
        target.focus();
        page.keyboard().press("c");
        assertThat(page.locator("vaadin-notification-card").filter(new Locator.FilterOptions()
                .setHasText("as contradicts"))).isVisible();
        screenshots("suggestions-linked");

        ClaimDetails linked = await().atMost(Duration.ofSeconds(10)).until(
                () -> actor.runAs(reviewer, Role.REVIEWER, () -> claims.get(claim)), c -> c.members().size() == 2);
        MemberDetails member = linked.members().stream().filter(m -> m.source() == other).findFirst().orElseThrow();
        assertThat(member.stance()).isEqualTo(Stance.CONTRADICTS);
        assertThat(member.label()).isEqualTo("FACT");
        assertThat(member.author()).isEqualTo(reviewer);
        assertThat(member.text()).startsWith("The hospital said no residents were admitted");

        // The link is on the workspace's undo: Ctrl+Z takes the member and its new annotation away.
        page.locator("#source-text").focus();
        page.keyboard().press("Control+z");
        await().atMost(Duration.ofSeconds(10)).until(
                () -> actor.runAs(reviewer, Role.REVIEWER, () -> claims.get(claim)).members().size() == 1);
        assertThat(actor.runAs(reviewer, Role.REVIEWER, () -> annotations.visible(other, java.util.Set.of())))
                .isEmpty();
    }

    private long importText(long project, String title, String text) {
        return actor.runAs("admin", Role.ADMIN, () -> sources.importText(project, title, text, null, null, null,
                null)).source().id();
    }

    private void screenshots(String name) {
        page.setViewportSize(1440, 900);
        page.locator("#suggestions").scrollIntoViewIfNeeded();
        screenshot(page, name + "-1440");
        page.setViewportSize(390, 844);
        page.locator("#suggestions").scrollIntoViewIfNeeded();
        screenshot(page, name + "-390");
        page.setViewportSize(1280, 800);
    }
}
