package org.corroborate.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.corroborate.base.CurrentActor;
import org.corroborate.base.Role;
import org.corroborate.project.ProjectDetails;
import org.corroborate.project.ProjectService;
import org.corroborate.scheme.SchemeService;
import org.corroborate.security.AccountService;
import org.corroborate.security.NewAccount;
import org.corroborate.source.SourceService;
import org.corroborate.source.SourceSummary;
import org.corroborate.testing.TestProjects;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Projects as people run them: an administrator creates one and adds a reviewer and a supervisor, the
 * supervisor writes its guidelines, the reviewer works in it and sees nothing of other projects; and
 * someone in no project is told so.
 */
class ProjectsBrowserTest extends BrowserTest {

    private static final String PASSWORD = "quiet harbour lanterns 42";
    private static final String GUIDELINES = """
            # Harbour guidelines

            Mark **every** tonnage figure as a FACT.

            ## Quotes
            - Select the words inside the quotation marks only.
            - Name the speaker as the text names them.

            <img src="x" onerror="window.pwned = 1">
            <script>window.pwned = 2</script>
            <a href="javascript:window.pwned = 3" id="bad-link">a link</a>
            """;

    @Autowired AccountService accounts;
    @Autowired ProjectService projects;
    @Autowired SourceService sources;
    @Autowired SchemeService schemes;
    @Autowired CurrentActor actor;

    @Test
    void anAdministratorSetsUpAProjectItsSupervisorWritesGuidelinesAndItsReviewerWorksOnlyThere() {
        String suffix = Integer.toString(ThreadLocalRandom.current().nextInt(10_000, 99_999));
        String reviewer = "rhea" + suffix;
        String supervisor = "silas" + suffix;
        String projectName = "Harbour dredging inquiry " + suffix;
        actor.runAs("admin", Role.ADMIN, () -> {
            accounts.create(new NewAccount(reviewer, "Rhea Quay", PASSWORD, Set.of()));
            return accounts.create(new NewAccount(supervisor, "Silas Dock", PASSWORD, Set.of()));
        });

        // The administrator creates the project and adds its members.
        signIn(page, "admin", "demo");
        page.locator("vaadin-side-nav-item", new Page.LocatorOptions().setHasText("Projects")).click();
        page.locator("#new-project").click();
        page.locator("#project-name-field input").fill(projectName);
        page.locator("#project-description-field textarea").fill("Who knew about the silt in the harbour.");
        page.locator("#project-save").click();
        assertThat(page.locator("#project-name")).hasText(projectName);
        assertThat(page.locator("#members")).containsText("No members yet");
        addMember(page, reviewer);
        addMember(page, supervisor);
        page.locator("vaadin-checkbox[data-member='" + supervisor + "'][data-role='SUPERVISOR']").click();
        page.locator("vaadin-checkbox[data-member='" + supervisor + "'][data-role='REVIEWER']").click();
        page.locator("#save-members").click();
        assertThat(page.locator("#members-error")).isHidden();
        assertThat(page.locator(".cb-project-card", new Page.LocatorOptions().setHasText(projectName)))
                .containsText("2 members");
        dismissNotifications(page);
        page.setViewportSize(1440, 900);
        screenshot(page, "projects-admin-1440");

        long projectId = actor.runAs("admin", Role.ADMIN, () -> projects.list()).stream()
                .filter(p -> p.name().equals(projectName)).findFirst().map(ProjectDetails::id).orElseThrow();
        assertThat(actor.runAs("admin", Role.ADMIN, () -> projects.members(projectId)).toString())
                .contains(reviewer + ", roles=[REVIEWER]").contains(supervisor + ", roles=[SUPERVISOR]");
        long sourceId = actor.runAs("admin", Role.ADMIN, () -> sources.importText(projectId, "Dredging log " + suffix,
                "The dredger moved 40,000 tonnes of silt in March " + suffix + ".", "Harbour Gazette", null, null,
                null)).source().id();

        // The supervisor writes the guidelines; the preview renders them and runs none of their code.
        BrowserContext supervisorContext = newContext();
        Page supervisorPage = supervisorContext.newPage();
        signIn(supervisorPage, supervisor, PASSWORD);
        assertThat(supervisorPage.locator("#project-switcher")).containsText(projectName);
        supervisorPage.navigate(url("/projects/" + projectId));
        supervisorPage.locator("vaadin-tab", new Page.LocatorOptions().setHasText("Guidelines")).click();
        supervisorPage.locator("#guidelines-text textarea").fill(GUIDELINES);
        assertThat(supervisorPage.locator("#guidelines-preview h1")).hasText("Harbour guidelines");
        supervisorPage.locator("#save-guidelines").click();
        assertThat(supervisorPage.locator("#guidelines-error")).isHidden();
        assertThat(supervisorPage.locator("#guidelines-preview")).containsText("every tonnage figure");
        assertNothingRan(supervisorPage, "#guidelines-preview");
        dismissNotifications(supervisorPage);
        supervisorPage.setViewportSize(1440, 900);
        screenshot(supervisorPage, "projects-guidelines-1440");
        supervisorPage.setViewportSize(390, 844);
        screenshot(supervisorPage, "projects-guidelines-390");
        supervisorContext.close();

        // The reviewer sees this project only, reads its guidelines beside the text and each label's description.
        signIn(page, reviewer, PASSWORD);
        assertThat(page.locator("#library-project")).hasText(projectName);
        assertThat(page.locator("#sources")).containsText("Dredging log " + suffix);
        page.locator("#project-switcher").click();
        assertThat(page.locator("vaadin-select-list-box .cb-project-item")).hasCount(1);
        assertThat(page.locator("vaadin-select-list-box .cb-project-item")).containsText("reviewer");
        page.keyboard().press("Escape");
        page.navigate(url("/sources/" + sourceId));
        assertThat(page.locator("#workspace-guidelines")).isHidden();
        page.locator("#toggle-guidelines").click();
        assertThat(page.locator("#workspace-guidelines")).containsText("every tonnage figure");
        assertNothingRan(page, "#workspace-guidelines");
        String factDescription = schemes.current(projectId).labels().stream()
                .filter(l -> l.name().equals("FACT")).findFirst().orElseThrow().description();
        page.setViewportSize(1440, 900);
        page.locator("#tag-FACT").hover();
        assertThat(page.locator("vaadin-tooltip-overlay, vaadin-tooltip [slot='overlay'], [role='tooltip']")
                .filter(new Locator.FilterOptions().setHasText(factDescription.substring(0, 40))).first())
                .isVisible();
        screenshot(page, "workspace-guidelines-1440");
        page.reload();
        assertThat(page.locator("#workspace-guidelines")).isVisible(); // remembered in this browser
        page.setViewportSize(390, 844);
        screenshot(page, "workspace-guidelines-390");

        // A source of another project does not exist for this reviewer.
        long elsewhere = actor.runAs("admin", Role.ADMIN, () -> sources.list(TestProjects.MAIN)).stream()
                .map(SourceSummary::id).findFirst().orElseThrow();
        page.navigate(url("/sources/" + elsewhere));
        assertThat(page.locator("h2")).hasText("No such source");
        page.navigate(url("/projects/" + TestProjects.MAIN));
        assertThat(page.locator("#project-missing")).isVisible();
        assertThat(page.locator("#projects")).not().containsText(TestProjects.MAIN_NAME);
        page.setViewportSize(1440, 900);
        page.navigate(url("/projects"));
        assertThat(page.locator("#project-name")).hasText(projectName);
        assertThat(page.locator(".cb-project-card")).containsText("reviewer · 2 members · 1 source");
        page.locator("#project-switcher").click();
        page.locator("vaadin-select-list-box .cb-project-item").first().waitFor();
        screenshot(page, "projects-reviewer-1440");
    }

    @Test
    void someoneInNoProjectIsToldToAskAnAdministrator() {
        String loner = "lone" + ThreadLocalRandom.current().nextInt(10_000, 99_999);
        actor.runAs("admin", Role.ADMIN, () -> accounts.create(new NewAccount(loner, null, PASSWORD, Set.of())));
        signIn(page, loner, PASSWORD);
        assertThat(page.locator("#no-project")).containsText("You are not in any project yet");
        assertThat(page.locator("#project-switcher")).hasText("No project");
        assertThat(page.locator("#sources")).hasCount(0);
        page.setViewportSize(390, 844);
        screenshot(page, "library-no-project-390");
    }

    @Test
    void theAccountsPageShowsEachAccountsProjectsAndOnlyTheAdministratorRole() {
        signIn(page, "admin", "demo");
        page.navigate(url("/admin/accounts"));
        Locator carol = page.locator(".cb-account-projects[data-account='carol']");
        assertThat(carol).containsText(TestProjects.MAIN_NAME);
        assertThat(carol).containsText(TestProjects.SECOND_NAME + " (supervisor, reviewer)");
        assertThat(page.locator(".cb-account-projects[data-account='admin']")).hasText("oversees every project");
        page.locator("vaadin-button[data-account='bob']", new Page.LocatorOptions().setHasText("Role")).click();
        assertThat(page.locator("#account-admin")).isVisible();
        assertThat(page.locator("vaadin-dialog-overlay")).not().containsText("Reviewer: annotates");
        page.keyboard().press("Escape");
        page.setViewportSize(1440, 900);
        screenshot(page, "accounts-projects-1440");
        page.setViewportSize(390, 844);
        screenshot(page, "accounts-projects-390");
    }

    private void signIn(Page on, String username, String password) {
        on.navigate(url("/login"));
        on.locator("vaadin-login-form input[name='username']").fill(username);
        on.locator("vaadin-login-form input[name='password']").fill(password);
        on.locator("vaadin-login-form input[name='password']").press("Enter");
        on.locator("#current-user").waitFor();
    }

    private static void addMember(Page on, String username) {
        on.locator("#member-username input").fill(username);
        on.locator("vaadin-combo-box-item", new Page.LocatorOptions().setHasText(username)).first().click();
        on.locator("#add-member").click();
        assertThat(on.locator("#members")).containsText(username);
    }

    /** The guidelines' image, script and javascript: link were rendered harmlessly or dropped. */
    private static void assertNothingRan(Page on, String container) {
        on.waitForTimeout(300); // time for a broken image's error handler to have run, had it survived
        assertThat(on.evaluate("() => window.pwned === undefined")).isEqualTo(true);
        assertThat(on.locator(container + " script")).hasCount(0);
        assertThat(on.locator(container + " [onerror]")).hasCount(0);
        assertThat(on.locator(container + " a[href^='javascript']")).hasCount(0);
    }

    private static void dismissNotifications(Page on) {
        on.locator("vaadin-notification").evaluateAll("all => all.forEach(n => n.opened = false)");
        assertThat(on.locator("vaadin-notification-card")).hasCount(0);
    }
}
