package org.corroborate.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.corroborate.annotation.AnnotationDetails;
import org.corroborate.annotation.AnnotationRequest;
import org.corroborate.annotation.AnnotationService;
import org.corroborate.base.CurrentActor;
import org.corroborate.base.Role;
import org.corroborate.claim.ClaimDetails;
import org.corroborate.claim.ClaimService;
import org.corroborate.claim.ClaimSummary;
import org.corroborate.claim.Stance;
import org.corroborate.project.ProjectService;
import org.corroborate.security.AccountService;
import org.corroborate.source.SourceService;
import org.corroborate.testing.TestDesk;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The workspace's Claims panel (issue 15): a reviewer adds the annotation on show to a colleague's
 * claim with the keyboard alone (pick by typing, stance, Add), starts a new claim from it with Enter,
 * changes its stance and takes it out; each claim links to its page. Looked at 1440 and 390 px wide,
 * and the agreement page's Claim membership section too.
 */
class ClaimsPanelBrowserTest extends BrowserTest {

    private static final String TEXT = "The reservoir at Ellsworth Vale leaked for ten years before anyone "
            + "checked, the engineer said. The mayor said she learnt of it in 2020.";

    @Autowired AccountService accounts;
    @Autowired ProjectService projects;
    @Autowired SourceService sources;
    @Autowired AnnotationService annotations;
    @Autowired ClaimService claims;
    @Autowired CurrentActor actor;

    private AnnotationDetails annotate(String who, long source, String phrase) {
        int start = TEXT.codePointCount(0, TEXT.indexOf(phrase));
        int end = start + phrase.codePointCount(0, phrase.length());
        return actor.runAs(who, Role.REVIEWER, () -> annotations.create(source,
                AnnotationRequest.create(start, end, "FACT", Map.of(), null)));
    }

    private List<ClaimSummary> claimsOf(String who, long annotation) {
        return actor.runAs(who, Role.REVIEWER, () -> claims.claimsOf(annotation));
    }

    /** Retries an assertion for up to 15 s: the page's change reaches the server a moment after the click. */
    private static void eventually(Runnable check) {
        long until = System.nanoTime() + 15_000_000_000L;
        while (true) {
            try {
                check.run();
                return;
            } catch (AssertionError notYet) {
                if (System.nanoTime() > until) {
                    throw notYet;
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw notYet;
                }
            }
        }
    }

    /** Presses Tab (at most four times) until the focus is inside the element: as a keyboard user gets there. */
    private static void tabTo(Page on, String selector) {
        tabTo(on, selector, "Tab");
    }

    /** As {@link #tabTo(Page, String)}, with the given key (Shift+Tab goes back). */
    private static void tabTo(Page on, String selector, String key) {
        String inside = "s => { const e = document.querySelector(s); const a = document.activeElement;"
                + " return !!e && !!a && (e === a || e.contains(a)); }";
        for (int i = 0; i < 4 && !(Boolean) on.evaluate(inside, selector); i++) {
            on.keyboard().press(key);
        }
        assertThat((Boolean) on.evaluate(inside, selector)).as("focus reached " + selector + " with Tab").isTrue();
    }

    @Test
    void aReviewerLinksTheAnnotationOnShowToClaimsFromTheWorkspace() {
        Map<String, Set<Role>> people = new LinkedHashMap<>();
        people.put("clpanel-ann", Set.of(Role.REVIEWER));
        people.put("clpanel-sup", Set.of(Role.SUPERVISOR));
        TestDesk desk = TestDesk.create("Claims panel desk", people, accounts, projects, sources, actor);
        long source = desk.source("Reservoir report", TEXT);
        AnnotationDetails leak = annotate("clpanel-ann", source, "leaked for ten years");
        AnnotationDetails supervisors = annotate("clpanel-sup", source, "The reservoir at Ellsworth Vale");
        ClaimDetails decade = actor.runAs("clpanel-sup", Role.SUPERVISOR, () -> claims.create(desk.project,
                "The reservoir leaked for a decade.", supervisors.id(), Stance.SUPPORTS));
        actor.runAs("clpanel-sup", Role.SUPERVISOR, () -> claims.create(desk.project, "The mayor knew early."));

        page.setViewportSize(1440, 900);
        signIn(page, "clpanel-ann");
        page.navigate(url("/sources/" + source));
        page.locator("#source-text [data-ids~='" + leak.id() + "']").first().click();
        assertThat(page.locator("#claims")).containsText("Not in any claim yet.");
        assertAccessible(page, "claims panel");

        // Keyboard only: type part of the statement and pick it, Shift+Tab back to the stance and choose it,
        // then Tab on to Add.
        page.locator("#claim-pick input").focus();
        page.keyboard().type("decade");
        page.locator("vaadin-combo-box-item").filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText("The reservoir leaked for a decade.")).waitFor();
        page.keyboard().press("ArrowDown");
        page.keyboard().press("Enter");
        assertThat(page.locator("#claim-pick input")).hasValue("The reservoir leaked for a decade.");
        tabTo(page, "#claim-stance", "Shift+Tab");
        page.keyboard().press("ArrowDown"); // opens the list on Supports
        page.locator("#claim-stance[opened]").waitFor();
        page.keyboard().press("ArrowDown");
        page.keyboard().press("Enter");
        assertThat(page.locator("#claim-stance vaadin-select-value-button")).hasText("Contradicts");
        tabTo(page, "#claim-add");
        page.keyboard().press("Enter");
        var line = page.locator("#claims .cb-claim-line[data-claim='" + decade.id() + "']");
        assertThat(line.locator("a")).hasAttribute("href", "claims/" + decade.id());
        assertThat(line.locator(".cb-claim-stance vaadin-select-value-button")).hasText("Contradicts");
        assertThat(claimsOf("clpanel-ann", leak.id())).extracting(ClaimSummary::id).containsExactly(decade.id());

        // A new claim from the annotation: its words are the statement already; Enter makes it.
        assertThat(page.locator("#claim-statement textarea")).hasValue("leaked for ten years");
        page.locator("#claim-statement textarea").fill("It leaked for ten years.");
        page.locator("#claim-statement textarea").press("Enter");
        assertThat(page.locator("#claims .cb-claim-line")).hasCount(2);
        assertThat(page.locator("#claims")).containsText("It leaked for ten years.");
        eventually(() -> assertThat(claimsOf("clpanel-ann", leak.id())).hasSize(2));
        screenshot(page, "claims-panel");

        // Change the stance in the colleague's claim, then take it out.
        line.locator(".cb-claim-stance").click();
        line.locator("vaadin-select-item").filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText("Qualifies")).click();
        eventually(() -> assertThat(actor.runAs("clpanel-ann", Role.REVIEWER, () -> claims.get(decade.id())).members())
                .filteredOn(m -> m.annotation() == leak.id()).extracting(m -> m.stance())
                .containsExactly(Stance.QUALIFIES));
        settle(page);
        line.locator(".cb-claim-remove").click();
        try {
            assertThat(line).hasCount(0);
        } catch (AssertionError e) {
            screenshot(page, "claims-remove-failed");
            throw e;
        }
        eventually(() -> assertThat(claimsOf("clpanel-ann", leak.id())).hasSize(1));
        // The colleague's member is theirs: a reviewer sees it in the colleague's annotation's panel, unchangeable.
        page.locator("#layer").getByText("Everyone's", new com.microsoft.playwright.Locator.GetByTextOptions().setExact(true)).click();
        page.locator("#source-text [data-ids~='" + supervisors.id() + "']").first().click();
        var theirs = page.locator("#claims .cb-claim-line[data-claim='" + decade.id() + "']");
        assertThat(theirs.locator(".cb-claim-remove")).hasCount(0);
        assertThat(theirs.locator(".cb-claim-stance")).hasAttribute("readonly", "");

        page.setViewportSize(390, 844);
        page.locator("#source-text [data-ids~='" + leak.id() + "']").first().click();
        assertThat(page.locator("#claims .cb-claim-line")).not().hasCount(0);
        // The annotation panel (and the claims panel in it) is built anew for the annotation on show;
        // other panels finishing their reads may rebuild it once more, so scroll to the one that stays.
        for (int attempt = 1; ; attempt++) {
            try {
                page.locator("#claims").scrollIntoViewIfNeeded();
                break;
            } catch (com.microsoft.playwright.PlaywrightException detached) {
                if (attempt == 5) {
                    throw detached;
                }
                settle(page);
            }
        }
        screenshot(page, "claims-panel-390");
        Object overflow = page.evaluate("() => { const p = document.getElementById('claims');"
                + " return p.scrollWidth - p.clientWidth; }");
        assertThat(((Number) overflow).intValue()).as("the panel fits 390 px").isLessThanOrEqualTo(0);

        // The supervisor's agreement page has the Claim membership section.
        var sups = newContext();
        Page sup = sups.newPage();
        sup.setViewportSize(1440, 900);
        signIn(sup, "clpanel-sup");
        sup.navigate(url("/agreement"));
        assertThat(sup.locator("#claim-agreement")).containsText("Claim membership");
        sup.locator("#claim-agreement").scrollIntoViewIfNeeded();
        screenshot(sup, "claims-agreement");
        sup.setViewportSize(390, 844);
        sup.locator("#claim-agreement").scrollIntoViewIfNeeded();
        screenshot(sup, "claims-agreement-390");
        sups.close();
    }
}
