package org.corroborate.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.corroborate.annotation.AnnotationDetails;
import org.corroborate.annotation.AnnotationRequest;
import org.corroborate.annotation.AnnotationService;
import org.corroborate.base.CurrentActor;
import org.corroborate.base.Role;
import org.corroborate.project.ProjectDetails;
import org.corroborate.project.ProjectMembership;
import org.corroborate.project.ProjectService;
import org.corroborate.security.AccountService;
import org.corroborate.security.NewAccount;
import org.corroborate.source.SourceService;
import org.corroborate.testing.TestAccounts;
import org.corroborate.source.SourceSummary;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A supervisor edits a project's scheme in the browser (ALLEGATION renamed to CLAIM, an attribute in
 * use archived), a reviewer annotates under the new version and opens an annotation made under the
 * old one, which shows the migrated label and keeps its archived value. Writes {@code scheme-editor.png},
 * {@code scheme-confirm.png}, {@code scheme-versions.png}, {@code scheme-390.png} and
 * {@code scheme-old-annotation.png}.
 */
class SchemeBrowserTest extends BrowserTest {

    private static final String ACCUSATION = "the utility hid the lead results";

    @Autowired ProjectService projects;
    @Autowired SourceService sources;
    @Autowired AnnotationService annotations;
    @Autowired CurrentActor actor;

    @Autowired AccountService accounts;

    /** An account of this test's own (no demo account gains a project), signed in with the test password. */
    private String account(String username) {
        actor.runAs("admin", Role.ADMIN, () -> accounts.create(new NewAccount(username, "Test " + username,
                TestAccounts.PASSWORD, EnumSet.noneOf(Role.class))));
        return username;
    }

    private void signInAs(Page on, String username) {
        on.navigate(url("/login"));
        on.locator("vaadin-login-form input[name='username']").fill(username);
        on.locator("vaadin-login-form input[name='password']").fill(TestAccounts.PASSWORD);
        on.locator("vaadin-login-form input[name='password']").press("Enter");
        on.locator("#current-user").waitFor();
    }

    @Test
    void aSupervisorEditsTheSchemeAndAReviewerWorksUnderTheNewVersion() {
        String sam = account("browserschemesup");
        String alice = account("browserschemerev");
        ProjectDetails project = actor.runAs("admin", Role.ADMIN, () -> {
            ProjectDetails created = projects.create("Scheme editing in the browser", "Browser test of scheme versions");
            projects.setMembers(created.id(), List.of(new ProjectMembership(sam, Set.of(Role.SUPERVISOR)),
                    new ProjectMembership(alice, Set.of(Role.REVIEWER))));
            return created;
        });
        String text = "Residents said " + ACCUSATION + " for months, and the mayor promised new pipes by May.";
        SourceSummary source = actor.runAs("admin", Role.ADMIN, () -> sources.importText(project.id(),
                "Scheme browser story", text, null, null, null, null)).source();
        int start = text.indexOf(ACCUSATION);
        AnnotationDetails old = actor.runAs(alice, Role.REVIEWER, () -> annotations.create(source.id(),
                AnnotationRequest.create(start, start + ACCUSATION.length(), "ALLEGATION",
                        Map.of("allegedBy", "Residents", "allegedAgainst", "the utility"), null)));

        page.setViewportSize(1440, 900);
        signInAs(page, sam);
        page.navigate(url("/scheme?project=" + project.id()));
        assertThat(page.locator("#scheme-about")).containsText("version 1 of this project's scheme");
        assertThat(page.locator("#label-2-name input")).hasValue("ALLEGATION");
        screenshot(page, "scheme-editor");

        page.locator("#label-2-name input").fill("CLAIM");
        page.locator("#label-2-title input").fill("Claim");
        page.locator("#label-2-attribute-1-remove").click();
        page.locator("#scheme-release input").fill("1.1.0");
        page.locator("#scheme-save").click();
        assertThat(page.locator("#scheme-diff")).containsText("label ALLEGATION renamed to CLAIM");
        assertThat(page.locator("#scheme-diff")).containsText("attribute CLAIM.allegedAgainst removed");
        assertThat(page.locator("#resolve-0")).containsText("Archive it");
        screenshot(page, "scheme-confirm");
        page.locator("#reason-text textarea").fill("Not every claim accuses someone.");
        page.locator("#reason-confirm").click();
        assertThat(page.locator("#scheme-about")).containsText("version 2 of this project's scheme");
        assertThat(page.locator("#label-2-name input")).hasValue("CLAIM");
        page.locator("#scheme-version-2").click();
        assertThat(page.locator("#scheme-version-2")).containsText("label ALLEGATION renamed to CLAIM");
        assertThat(page.locator("#scheme-version-2")).containsText("attribute CLAIM.allegedAgainst archived");
        page.locator("#scheme-versions").scrollIntoViewIfNeeded();
        screenshot(page, "scheme-versions");
        page.setViewportSize(390, 844);
        page.navigate(url("/scheme?project=" + project.id()));
        assertThat(page.locator("#label-0-name input")).hasValue("FACT");
        screenshot(page, "scheme-390");

        AnnotationDetails migrated = actor.runAs(alice, Role.REVIEWER, () -> annotations.get(old.id()));
        assertThat(migrated.label()).isEqualTo("CLAIM");
        assertThat(migrated.attributes()).containsEntry("allegedAgainst", "the utility");

        BrowserContext aliceContext = newContext();
        Page alicePage = aliceContext.newPage();
        signInAs(alicePage, alice);
        alicePage.navigate(url("/sources/" + source.id()));
        assertThat(alicePage.locator("#tag-CLAIM")).isVisible();
        assertThat(alicePage.locator("#tag-ALLEGATION")).hasCount(0);
        AnnotationBrowserTest.dragSelect(alicePage, "new pipes");
        alicePage.locator("#tag-CLAIM").click();
        assertThat(alicePage.locator("#editor-quote")).hasText("“new pipes”");
        assertThat(alicePage.locator("#attribute-allegedAgainst")).hasCount(0);
        List<AnnotationDetails> mine = actor.runAs(alice, Role.REVIEWER,
                () -> annotations.visible(source.id(), Set.of(alice)));
        assertThat(mine).filteredOn(a -> a.text().equals("new pipes")).singleElement()
                .satisfies(a -> {
                    assertThat(a.label()).isEqualTo("CLAIM");
                    assertThat(a.schemeVersion()).isEqualTo(2);
                });

        alicePage.locator("#source-text [data-ids='" + old.id() + "']").first().click();
        assertThat(alicePage.locator("#editor-quote")).hasText("“" + ACCUSATION + "”");
        assertThat(alicePage.locator("#editor-label")).containsText("Claim");
        assertThat(alicePage.locator("#attribute-allegedAgainst input")).hasValue("the utility");
        assertThat(alicePage.locator("#attribute-allegedAgainst")).hasAttribute("readonly", "");
        alicePage.locator("#editor-note textarea").fill("Old claim, kept as it was.");
        alicePage.locator("#editor-save").click();
        assertThat(alicePage.locator("#editor-problem")).isHidden();
        screenshot(alicePage, "scheme-old-annotation");
        AnnotationDetails saved = actor.runAs(alice, Role.REVIEWER, () -> annotations.get(old.id()));
        assertThat(saved.attributes()).containsEntry("allegedAgainst", "the utility");
        assertThat(saved.schemeVersion()).isEqualTo(2);
        aliceContext.close();
    }
}
