package org.corroborate.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.corroborate.base.CurrentActor;
import org.corroborate.base.Role;
import org.corroborate.project.ProjectMembership;
import org.corroborate.project.ProjectService;
import org.corroborate.review.assignment.AssignmentService;
import org.corroborate.security.AccountService;
import org.corroborate.security.NewAccount;
import org.corroborate.source.SourceService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Assignments as people meet them: a supervisor makes the project require assignments on the
 * projects page; the reviewer finds the source assigned to them with "Assigned to me" and their
 * status in the library, and opens a source not assigned to them read-only, told why and by whom
 * it can be assigned. Screenshots at 1440 and 390 px.
 */
class AssignmentsBrowserTest extends BrowserTest {

    private static final String PASSWORD = "quiet harbour lanterns 42";

    @Autowired AccountService accounts;
    @Autowired ProjectService projects;
    @Autowired SourceService sources;
    @Autowired AssignmentService assignments;
    @Autowired CurrentActor actor;

    @Test
    void aReviewerFiltersTheSourcesAssignedToThemAndReadsTheOthersReadOnly() {
        String suffix = Integer.toString(ThreadLocalRandom.current().nextInt(10_000, 99_999));
        String reviewer = "rina" + suffix;
        String supervisor = "stan" + suffix;
        long project = actor.runAs("admin", Role.ADMIN, () -> {
            accounts.create(new NewAccount(reviewer, "Rina Lock", PASSWORD, Set.of()));
            accounts.create(new NewAccount(supervisor, "Stan Weir", PASSWORD, Set.of()));
            long id = projects.create("Canal lock inquiry " + suffix, "Who knew the gates were failing.").id();
            projects.setMembers(id, List.of(new ProjectMembership(reviewer, Set.of(Role.REVIEWER)),
                    new ProjectMembership(supervisor, Set.of(Role.SUPERVISOR))));
            return id;
        });
        long assigned = actor.runAs("admin", Role.ADMIN, () -> sources.importText(project, "Lock keeper's log "
                + suffix, "The lock keeper wrote that gate 3 leaked in May " + suffix + ".", "Canal Post", null, null,
                null)).source().id();
        actor.runAs("admin", Role.ADMIN, () -> sources.importText(project, "Council minutes " + suffix,
                "The council heard that the gates were sound in June " + suffix + ".", "Canal Post", null, null,
                null));
        actor.runAs(supervisor, Role.SUPERVISOR, () -> assignments.assign(assigned, Set.of(reviewer)));

        // The supervisor makes the project require assignments.
        signIn(page, supervisor);
        page.setViewportSize(1440, 900);
        page.navigate(url("/projects/" + project));
        assertThat(page.locator("#assignment-rule")).containsText("Any reviewer of the project may annotate");
        page.locator("#assignments-required").click();
        assertThat(page.locator("#assignment-rule")).containsText("only the sources assigned to them");
        assertThat(page.locator("vaadin-notification-card")).containsText("Reviewers now work only");
        page.locator("vaadin-notification").evaluateAll("all => all.forEach(n => n.opened = false)");
        screenshot(page, "project-assignments-1440");
        page.setViewportSize(390, 844);
        screenshot(page, "project-assignments-390");

        // The reviewer's library: their status per source, and the sources assigned to them.
        BrowserContext reviewerContext = newContext();
        Page library = reviewerContext.newPage();
        signIn(library, reviewer);
        library.setViewportSize(1440, 900);
        assertThat(library.locator("#source-count")).hasText("2 sources");
        assertThat(library.locator("#sources")).containsText("My review");
        assertThat(library.locator("#sources")).containsText("Not assigned");
        library.locator("#filter-assigned-to-me").click();
        assertThat(library.locator("#source-count")).hasText("1 of 2 sources");
        assertThat(library.locator("#sources")).containsText("Lock keeper's log " + suffix);
        assertThat(library.locator("#sources")).not().containsText("Council minutes " + suffix);
        assertThat(library.locator("#sources")).containsText("Not started");
        screenshot(library, "library-assigned-1440");
        library.setViewportSize(390, 844);
        screenshot(library, "library-assigned-390");
        library.setViewportSize(1440, 900);
        library.locator("#filter-assigned-to-me").click();
        assertThat(library.locator("#source-count")).hasText("2 sources");

        // A source not assigned to them opens read-only, saying why and who can assign it.
        library.locator("vaadin-grid-cell-content", new Page.LocatorOptions().setHasText("Council minutes " + suffix))
                .first().click();
        assertThat(library.locator("#source-title")).hasText("Council minutes " + suffix);
        assertThat(library.locator("#read-only-notice")).containsText("is not assigned to you");
        assertThat(library.locator("#read-only-notice")).containsText(supervisor);
        assertThat(library.locator("#tag-FACT")).isDisabled();
        assertThat(library.locator("#submit-review")).isDisabled();
        screenshot(library, "workspace-read-only-1440");
        library.setViewportSize(390, 844);
        screenshot(library, "workspace-read-only-390");
        reviewerContext.close();
    }

    @Override
    protected void signIn(Page on, String username) {
        on.navigate(url("/login"));
        on.locator("vaadin-login-form input[name='username']").fill(username);
        on.locator("vaadin-login-form input[name='password']").fill(PASSWORD);
        on.locator("vaadin-login-form input[name='password']").press("Enter");
        on.locator("#current-user").waitFor();
    }
}
