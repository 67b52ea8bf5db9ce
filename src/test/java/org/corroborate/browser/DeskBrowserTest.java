package org.corroborate.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.corroborate.annotation.AnnotationRequest;
import org.corroborate.annotation.AnnotationService;
import org.corroborate.base.CurrentActor;
import org.corroborate.base.Role;
import org.corroborate.project.ProjectMembership;
import org.corroborate.project.ProjectService;
import org.corroborate.review.assignment.AssignmentService;
import org.corroborate.security.AccountService;
import org.corroborate.security.NewAccount;
import org.corroborate.source.SourceService;
import org.corroborate.testing.TestAccounts;
import org.corroborate.testing.TestProjects;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The annotator's desk as reviewers use it: the layer they chose comes back after signing in again;
 * the annotation list filters by attribute and text, sorts and jumps; the library's "Assigned to me"
 * and status, previous/next and "Submit and next"; colleagues told apart by initials and colour in
 * the text, the avatars and the legend; a crashed browser's avatar leaving after the heartbeat
 * timeout; the library at 390 and 1440 px. Each scenario has a project and accounts of its own.
 */
class DeskBrowserTest extends BrowserTest {

    @Autowired AccountService accounts;
    @Autowired ProjectService projects;
    @Autowired SourceService sources;
    @Autowired AnnotationService annotations;
    @Autowired AssignmentService assignments;
    @Autowired CurrentActor actor;

    private final String suffix = Integer.toString(ThreadLocalRandom.current().nextInt(10_000, 99_999));

    /** A project with these reviewers (names get the suffix) and a supervisor; its id. */
    private long project(String name, String supervisor, String... reviewers) {
        return actor.runAs("admin", Role.ADMIN, () -> {
            List<ProjectMembership> members = new java.util.ArrayList<>();
            for (String reviewer : reviewers) {
                accounts.create(new NewAccount(reviewer, "Test " + reviewer, TestAccounts.PASSWORD, Set.of()));
                members.add(new ProjectMembership(reviewer, Set.of(Role.REVIEWER)));
            }
            accounts.create(new NewAccount(supervisor, "Test " + supervisor, TestAccounts.PASSWORD, Set.of()));
            members.add(new ProjectMembership(supervisor, Set.of(Role.SUPERVISOR)));
            long id = projects.create(name + " " + suffix, "Desk test").id();
            projects.setMembers(id, members);
            return id;
        });
    }

    private long source(long project, String title, String text) {
        return actor.runAs("admin", Role.ADMIN, () -> sources.importText(project, title, text, "Desk Post", null,
                null, null)).source().id();
    }

    private long annotate(String who, long source, int start, int end, String label, Map<String, String> values) {
        return actor.runAs(who, Role.REVIEWER, () -> annotations.create(source,
                AnnotationRequest.create(start, end, label, values, null))).id();
    }

    /** An open select's option by its exact text. */
    private static Locator option(Page on, String text) {
        return on.getByRole(com.microsoft.playwright.options.AriaRole.OPTION,
                new Page.GetByRoleOptions().setName(text).setExact(true));
    }

    @Test
    void theLayerAReviewerChoseComesBackAfterSigningOutAndIn() {
        String reviewer = "lena" + suffix;
        long project = project("Layer inquiry", "lars" + suffix, reviewer, "lotte" + suffix);
        long source = source(project, "Layer memo " + suffix, "The harbour master said the crane was safe " + suffix);
        annotate("lotte" + suffix, source, 4, 18, "FACT", Map.of());
        signIn(page, reviewer);
        page.navigate(url("/sources/" + source));
        Locator layer = page.locator("#layer");
        assertThat(layer.locator("vaadin-radio-button[checked]")).hasText("Mine");
        layer.getByText("Everyone's", new Locator.GetByTextOptions().setExact(true)).click();
        assertThat(page.locator("#colleague-legend")).containsText("lotte" + suffix);
        page.locator("#sign-out").click();
        page.waitForURL(Pattern.compile(".*/login.*"));
        signIn(page, reviewer);
        page.navigate(url("/sources/" + source));
        assertThat(page.locator("#layer vaadin-radio-button[checked]")).hasText("Everyone's");
        assertThat(page.locator("#colleague-legend")).containsText("lotte" + suffix);
    }

    @Test
    void theListFiltersByAttributeAndTextSortsAndJumpsToTheSpan() {
        String reviewer = "nora" + suffix;
        long project = project("List inquiry", "nils" + suffix, reviewer);
        StringBuilder text = new StringBuilder("The mayor said the reservoir was full. ");
        for (int i = 0; i < 60; i++) {
            text.append("Paragraph ").append(i).append(" of the long inquiry transcript goes on about pipes.\n");
        }
        text.append("At the very end the clerk told the inquiry that the valve had failed twice in one winter.");
        String full = text.toString();
        long source = source(project, "List memo " + suffix, full);
        int clerkStart = full.indexOf("the clerk told");
        int clerkEnd = full.length();
        annotate(reviewer, source, 0, 9, "QUOTE", Map.of("speaker", "The Mayor"));
        annotate(reviewer, source, 19, 37, "FACT", Map.of());
        long clerk = annotate(reviewer, source, clerkStart, clerkEnd, "QUOTE", Map.of("speaker", "A clerk"));
        signIn(page, reviewer);
        page.setViewportSize(1440, 900);
        page.navigate(url("/sources/" + source));
        page.locator("vaadin-tab").getByText("All annotations").click();
        Locator list = page.locator("#annotation-list");
        assertThat(page.locator("#annotation-counts")).hasText("3 annotations · Fact 1 · Quote 2");
        // The whole covered text, wrapping, with its offsets in code points.
        Locator clerkEntry = list.locator(".cb-entry[data-id='" + clerk + "']");
        assertThat(clerkEntry.locator(".cb-entry-text")).hasText(full.substring(clerkStart));
        assertThat(clerkEntry.locator(".cb-entry-offsets")).hasText(clerkStart + "–" + clerkEnd);
        assertThat(clerkEntry.locator(".cb-entry-values")).hasText("Speaker: A clerk");

        page.locator("#list-attribute").click();
        option(page, "Speaker").click();
        page.locator("#list-value input").fill("clerk");
        assertThat(page.locator("#annotation-counts")).hasText("1 annotation · Quote 1");
        page.locator("#list-value input").fill("");
        assertThat(page.locator("#annotation-counts")).hasText("2 annotations · Quote 2");
        page.locator("#list-attribute").click();
        option(page, "Any attribute").click();
        page.locator("#list-text input").fill("reservoir");
        assertThat(page.locator("#annotation-counts")).hasText("1 annotation · Fact 1");
        page.locator("#list-text input").fill("");
        assertThat(page.locator("#annotation-counts")).hasText("3 annotations · Fact 1 · Quote 2");
        page.locator("#list-order").click();
        option(page, "Label").click();
        assertThat(list.locator(".cb-entry").first()).hasAttribute("data-id", Pattern.compile("\\d+"));
        assertThat(list.locator(".cb-entry .cb-label-chip").first()).hasText("Fact");
        screenshot(page, "workspace-list-1440");

        // A click jumps to the span at the end of the text, selects it and makes it blink.
        assertThat(page.locator("#source-text")).not().hasJSProperty("selectedId", String.valueOf(clerk));
        clerkEntry.click();
        assertThat(page.locator("#source-text")).hasJSProperty("selectedId", String.valueOf(clerk));
        assertThat(page.locator("#source-text .cb-layer")).hasClass(Pattern.compile("cb-flash"));
        Object inView = page.locator("#source-text").evaluate("el => { const r = el.querySelector('.cb-layer > div')"
                + ".getBoundingClientRect(); const box = el.getBoundingClientRect();"
                + " return r.top >= box.top && r.bottom <= box.bottom; }");
        assertThat(inView).isEqualTo(true);
        page.setViewportSize(390, 844);
        page.locator("vaadin-tab").getByText("All annotations").click();
        screenshot(page, "workspace-list-390");
    }

    @Test
    void aReviewerWorksThroughTheSourcesAssignedToThem() {
        String reviewer = "wren" + suffix;
        String supervisor = "walt" + suffix;
        long project = project("Queue inquiry", supervisor, reviewer);
        long first = source(project, "Queue A " + suffix, "The first memo of the queue " + suffix + ".");
        long unassigned = source(project, "Queue B " + suffix, "A memo nobody gave to wren " + suffix + ".");
        long second = source(project, "Queue C " + suffix, "The second memo of the queue " + suffix + ".");
        long third = source(project, "Queue D " + suffix, "The third memo of the queue " + suffix + ".");
        actor.runAs(supervisor, Role.SUPERVISOR, () -> {
            for (long id : List.of(first, second, third)) {
                assignments.assign(id, Set.of(reviewer));
            }
            return null;
        });
        signIn(page, reviewer);
        page.setViewportSize(1440, 900);
        assertThat(page.locator("#source-count")).hasText("4 sources");
        page.locator("#filter-assigned-to-me").click();
        assertThat(page.locator("#source-count")).hasText("3 of 4 sources");
        assertThat(page.locator("#sources")).not().containsText("Queue B " + suffix);
        // Sorted by title, A C D: the order previous and next follow.
        page.locator("vaadin-grid-sorter").getByText("Title").click();
        assertThat(page.locator("vaadin-grid-sorter[direction='asc']")).hasCount(1);
        page.waitForFunction("() => !document.querySelector('#sources').hasAttribute('loading')");
        settle(page);
        page.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setVisible(true)
                .setHasText("Queue A " + suffix)).click();
        assertThat(page.locator("#source-title")).hasText("Queue A " + suffix);
        assertThat(page.locator("#queue-position")).hasText("1 of 3 · Assigned to me");
        assertThat(page.locator("#previous-source")).isDisabled();
        page.locator("#next-source").click();
        assertThat(page.locator("#source-title")).hasText("Queue C " + suffix);
        assertThat(page.locator("#queue-position")).hasText("2 of 3 · Assigned to me");
        assertThat(page.locator("#review-status")).hasText("Not started");
        screenshot(page, "workspace-queue-1440");
        page.locator("#submit-and-next").click();
        assertThat(page.locator("#source-title")).hasText("Queue D " + suffix);
        assertThat(page.locator("#queue-position")).hasText("3 of 3 · Assigned to me");
        assertThat(page.locator("#next-source")).isDisabled();
        assertThat(page.locator("#submit-and-next")).isHidden();
        page.locator("#previous-source").click();
        assertThat(page.locator("#source-title")).hasText("Queue C " + suffix);
        assertThat(page.locator("#review-status")).hasText("Submitted");
        page.setViewportSize(390, 844);
        screenshot(page, "workspace-queue-390");

        // The library shows the reviewer's status per source.
        page.setViewportSize(1440, 900);
        page.navigate(url("/"));
        Locator row = page.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions()
                .setHasText("Submitted"));
        assertThat(row).hasCount(1);
        assertThat(page.locator("#sources")).containsText("Not started");
        screenshot(page, "library-queue-1440");
    }

    @Test
    void colleaguesHaveInitialsAndColoursOfTheirOwnAndALegend() {
        String reviewer = "cora" + suffix;
        String ada = "ada" + suffix;
        String abe = "abe" + suffix;
        long project = project("Colleagues inquiry", "cyd" + suffix, reviewer, ada, abe);
        String text = "The pump station log says the alarm rang at noon, and the operator says it never rang at all.";
        long source = source(project, "Colleagues memo " + suffix, text);
        annotate(ada, source, 0, 20, "FACT", Map.of());
        annotate(abe, source, 4, 20, "FACT", Map.of());
        annotate(abe, source, text.indexOf("the operator"), text.length() - 1, "QUOTE",
                Map.of("speaker", "The operator"));
        annotate(reviewer, source, text.indexOf("says"), text.indexOf(", and"), "FACT", Map.of());
        signIn(page, reviewer);
        page.setViewportSize(1440, 900);
        page.navigate(url("/sources/" + source));
        page.locator("#layer").getByText("Everyone's", new Locator.GetByTextOptions().setExact(true)).click();
        Locator legend = page.locator("#colleague-legend");
        Locator adaEntry = legend.locator("[data-person='" + ada + "']");
        Locator abeEntry = legend.locator("[data-person='" + abe + "']");
        assertThat(adaEntry).hasAttribute("data-initials", "AD");
        assertThat(abeEntry).hasAttribute("data-initials", "AB");
        assertThat(legend.locator("[data-person='" + reviewer + "']")).containsText("(you)");
        assertThat(adaEntry.getAttribute("data-color")).isNotEqualTo(abeEntry.getAttribute("data-color"));
        // In the text: each colleague's initials before their spans, their colour in the dashes' gaps.
        Object badges = page.locator("#source-text").evaluate("el => [...el.querySelectorAll('.cb-badged')]"
                + ".map(s => getComputedStyle(s, '::before').content)");
        assertThat(badges.toString()).contains("AD").contains("AB");
        screenshot(page, "workspace-colleagues-1440");
        page.setViewportSize(390, 844);
        screenshot(page, "workspace-colleagues-390");
    }

    @Test
    void aliceAndAdminAreToldApartAndACrashedBrowsersAvatarLeaves() {
        long source = source(TestProjects.MAIN, "Presence memo " + suffix,
                "The ward councillor said the standpipe was dry on Tuesday " + suffix + ".");
        Page alice = page;
        signIn(alice, "alice");
        alice.setViewportSize(1440, 900);
        alice.navigate(url("/sources/" + source));
        BrowserContext adminContext = newContext();
        Page admin = adminContext.newPage();
        signIn(admin, "admin");
        admin.navigate(url("/sources/" + source));
        assertThat(alice.locator("#present")).hasAttribute("data-names", "admin,alice");
        Locator adminAvatar = alice.locator("#present vaadin-avatar").first();
        assertThat(adminAvatar).hasAttribute("abbr", "AD");
        assertThat(admin.locator("#present vaadin-avatar").first()).hasAttribute("abbr", "AL");
        String adminColor = (String) alice.locator("#present vaadin-avatar").first()
                .evaluate("a => getComputedStyle(a).backgroundColor");
        String aliceColor = (String) admin.locator("#present vaadin-avatar").first()
                .evaluate("a => getComputedStyle(a).backgroundColor");
        assertThat(adminColor).isNotEqualTo(aliceColor);
        assertThat(alice.locator("#current-user-avatar")).hasAttribute("abbr", "AL");
        assertThat(admin.locator("#current-user-avatar")).hasAttribute("abbr", "AD");
        screenshot(alice, "workspace-presence-1440");

        // Admin's browser "crashes": nothing it sends reaches the server any more, no goodbye either.
        adminContext.route("**/*", route -> route.abort());
        assertThat(alice.locator("#present")).hasAttribute("data-names", "alice",
                new LocatorAssertions.HasAttributeOptions().setTimeout(30_000));
        assertThat(alice.locator("#present vaadin-avatar[abbr='AD']")).hasCount(0);
        try {
            adminContext.close();
        } catch (com.microsoft.playwright.PlaywrightException e) {
            // Closing a context whose every request is being aborted may report it closed already: it is.
        }
    }

    @Test
    void theLibraryWorksAt390AndSizesItsColumnsToTheirContentAt1440() {
        String reviewer = "lisa" + suffix;
        String supervisor = "leo" + suffix;
        long project = project("Library inquiry", supervisor, reviewer);
        long blind = source(project, "Blind memo " + suffix, "A memo kept blind " + suffix + ".");
        source(project, "Open memo " + suffix, "A memo anyone may read " + suffix + ".");
        actor.runAs(supervisor, Role.SUPERVISOR, () -> sources.setBlind(List.of(blind), true));
        signIn(page, supervisor);
        page.setViewportSize(1440, 900);
        page.navigate(url("/"));
        assertThat(page.locator("#source-count")).hasText("2 sources");
        settle(page);
        Object truncated = page.locator("#sources").evaluate("grid => [...grid.querySelectorAll("
                + "'vaadin-grid-cell-content')].filter(c => c.offsetParent !== null && c.textContent.trim()"
                + " && c.scrollWidth > c.clientWidth + 1).map(c => c.textContent.trim())");
        assertThat((List<?>) truncated).as("cells cut short at 1440 px").isEmpty();
        assertThat(page.locator("#sources")).containsText("Blind");
        screenshot(page, "library-1440");

        page.setViewportSize(390, 844);
        Locator importButton = page.locator("#import-sources");
        assertThat(importButton).isVisible();
        assertThat(page.locator("#source-filter")).isVisible();
        for (Locator onScreen : List.of(importButton, page.locator("#source-filter"))) {
            var box = onScreen.boundingBox();
            assertThat(box.x).isGreaterThanOrEqualTo(0);
            assertThat(box.x + box.width).as("inside the 390 px screen").isLessThanOrEqualTo(390);
        }
        screenshot(page, "library-390");
        importButton.click();
        assertThat(page.locator("vaadin-dialog[opened]")).hasCount(1);
    }
}
