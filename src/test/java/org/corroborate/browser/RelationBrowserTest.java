package org.corroborate.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Locator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.corroborate.annotation.AnnotationRequest;
import org.corroborate.annotation.AnnotationService;
import org.corroborate.base.CurrentActor;
import org.corroborate.base.Role;
import org.corroborate.project.ProjectService;
import org.corroborate.security.AccountService;
import org.corroborate.source.SourceService;
import org.corroborate.testing.HttpApi;
import org.corroborate.testing.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Relations in the workspace: made by keyboard alone (select with ], L, ] to the other end, Enter,
 * Enter on the type) and by mouse (Link…, a click on the other end, the type), drawn as labelled
 * arcs, listed in the annotation panel, deleted with an undo. Each scenario in a project of its own.
 */
class RelationBrowserTest extends BrowserTest {

    private static final String TEXT = "“The pipes are new,” said Mayor Ines Calder on Monday. The council hid the leak "
            + "for a year, said the union of water workers, and the mayor denied it.";
    private static final AtomicInteger RUN = new AtomicInteger();

    @Autowired SourceService sources;
    @Autowired AnnotationService annotations;
    @Autowired AccountService accounts;
    @Autowired ProjectService projects;
    @Autowired CurrentActor actor;

    private String reviewer;
    private long sourceId;
    private long quote;
    private long mayor;
    private long claim;
    private long union;

    @BeforeEach
    void scenario() {
        reviewer = "links" + System.nanoTime() % 1_000_000 + RUN.incrementAndGet();
        long project = actor.runAs("admin", Role.ADMIN, () -> projects.create("Relations " + reviewer,
                "Quotes said by, allegations made by")).id();
        new TestAccounts(accounts, projects, actor).createIn(project, reviewer, Role.REVIEWER);
        sourceId = actor.runAs("admin", Role.ADMIN, () -> sources.importText(project, "Pipes " + reviewer, TEXT,
                "The Ledger", null, null, null)).source().id();
        idsBeyondTheBoxCache(project);
        quote = annotate("The pipes are new,", "QUOTE");
        mayor = annotate("Mayor Ines Calder", "FACT");
        claim = annotate("The council hid the leak for a year", "ALLEGATION");
        union = annotate("the union of water workers", "FACT");
    }

    /**
     * Makes the scenario's annotation ids larger than 127, as in any real database: Java caches boxed
     * longs only up to 127, so a {@code Long == Long} slip (the bug this once hid, in the workspace's
     * lookup of a link's ends) passes with small ids and fails with real ones.
     */
    private void idsBeyondTheBoxCache(long project) {
        long filler = actor.runAs("admin", Role.ADMIN, () -> sources.importText(project, "Filler " + reviewer, "Filler for " + reviewer,
                null, null, null, null)).source().id();
        long last = 0;
        while (last <= 130) {
            last = actor.runAs(reviewer, Role.REVIEWER, () -> annotations.create(filler,
                    AnnotationRequest.create(0, 3, "FACT", Map.of(), null))).id();
        }
    }

    private long annotate(String words, String label) {
        int start = TEXT.codePointCount(0, TEXT.indexOf(words));
        int end = start + words.codePointCount(0, words.length());
        return actor.runAs(reviewer, Role.REVIEWER, () -> annotations.create(sourceId,
                AnnotationRequest.create(start, end, label, Map.of(), null))).id();
    }

    /** The relations of the source as the API gives them to the reviewer: [from, to, type]. */
    private List<List<Object>> apiRelations() throws Exception {
        JsonNode answer = new HttpApi(port).send(reviewer, "GET", "/api/sources/" + sourceId + "/relations", null)
                .expectOk("relations of source " + sourceId).json();
        List<List<Object>> found = new ArrayList<>();
        answer.forEach(r -> found.add(List.of(r.get("from").asLong(), r.get("to").asLong(), r.get("type").asString())));
        return found;
    }

    private void open() {
        signIn(page, reviewer);
        page.navigate(url("/sources/" + sourceId));
        page.waitForFunction("() => document.querySelector('#source-text')?.runs && !document.querySelector('#source-text').runs.isEmpty");
    }

    private Locator run(long annotation) {
        return page.locator("#source-text span[data-ids^='" + annotation + "']").first();
    }

    @Test
    void createARelationByKeyboard() throws Exception {
        page.setViewportSize(1440, 900);
        open();
        page.keyboard().press("Alt+T");
        page.keyboard().press("]"); // the quote, the first annotation
        assertThat(page.locator("#editor-quote")).containsText("The pipes are new,");
        page.keyboard().press("l");
        assertThat(page.locator("#source-text")).hasClass(java.util.regex.Pattern.compile("cb-linking"));
        page.keyboard().press("]"); // the mayor
        assertThat(page.locator("#source-text svg.cb-arcs g.cb-arc-link")).hasCount(1);
        screenshot(page, "relations-keyboard-link-mode-1440");
        page.keyboard().press("Enter");
        assertThat(page.locator("#relation-type-0")).containsText("said by");
        assertThat(page.locator("#relation-type-1")).hasCount(0); // only said_by goes from a quote to a fact
        assertThat(page.locator("#relation-type-0")).isFocused();
        screenshot(page, "relations-type-dialog-1440");
        assertAccessible(page, "the relation type dialog");
        page.keyboard().press("Enter"); // the first type is focused
        assertThat(page.locator("#relation-type-0")).hasCount(0);

        await().atMost(Duration.ofSeconds(10)).until(() -> !apiRelations().isEmpty());
        assertThat(apiRelations()).containsExactly(List.of(quote, mayor, "said_by"));
        Locator arc = page.locator("#source-text svg.cb-arcs g.cb-arc:not(.cb-arc-link)");
        assertThat(arc).hasCount(1);
        assertThat(arc.locator("text")).hasText("said by");
        assertThat(page.locator("#relation-list li")).hasCount(1);
        assertThat(page.locator("#relation-list li")).containsText("Fact “Mayor Ines Calder”");
        screenshot(page, "relations-keyboard-1440");
        assertAccessible(page, "the workspace with relations");

        // Escape in link mode cancels, linking nothing
        page.locator("#source-text").focus();
        page.keyboard().press("l");
        page.keyboard().press("]");
        page.keyboard().press("Escape");
        assertThat(page.locator("#source-text")).not().hasClass(java.util.regex.Pattern.compile("cb-linking"));
        assertThat(page.locator("#relation-type-dialog")).hasCount(0);
        assertThat(apiRelations()).hasSize(1);

        page.setViewportSize(390, 844);
        page.waitForTimeout(300);
        screenshot(page, "relations-keyboard-390");
    }

    @Test
    void createARelationByMouseAndDeleteItWithUndo() throws Exception {
        page.setViewportSize(1440, 900);
        open();
        run(claim).click();
        assertThat(page.locator("#editor-quote")).containsText("The council hid the leak");
        page.locator("#relation-link").click();
        assertThat(page.locator("#source-text")).hasClass(java.util.regex.Pattern.compile("cb-linking"));
        run(union).click();
        assertThat(page.locator("#relation-type-0")).containsText("made by");
        assertThat(page.locator("#relation-type-1")).containsText("against");
        page.locator("#relation-type-0").click();
        await().atMost(Duration.ofSeconds(10)).until(() -> apiRelations().size() == 1);
        assertThat(apiRelations()).containsExactly(List.of(claim, union, "made_by"));

        // a second relation from the allegation (still on show), crossing the first: both arcs and labels readable
        assertThat(page.locator("#relation-list li")).hasCount(1);
        assertThat(page.locator("#editor-quote")).containsText("The council hid the leak");
        page.locator("#relation-link").click();
        assertThat(page.locator("#source-text")).hasClass(java.util.regex.Pattern.compile("cb-linking"));
        run(mayor).click();
        page.locator("#relation-type-1").click(); // against
        await().atMost(Duration.ofSeconds(10)).until(() -> apiRelations().size() == 2);
        assertThat(page.locator("#source-text svg.cb-arcs g.cb-arc")).hasCount(2);
        assertThat(page.locator("#relation-list li")).hasCount(2);
        screenshot(page, "relations-mouse-1440");

        long made = new HttpApi(port).send(reviewer, "GET", "/api/sources/" + sourceId + "/relations", null)
                .expectOk("relations").json().get(0).get("id").asLong();
        page.locator("#relation-" + made + "-delete").click();
        await().atMost(Duration.ofSeconds(10)).until(() -> apiRelations().size() == 1);
        assertThat(page.locator("#relation-list li")).hasCount(1);
        page.locator("#undo-toast-button").last().click();
        await().atMost(Duration.ofSeconds(10)).until(() -> apiRelations().size() == 2);
        assertThat(apiRelations()).contains(List.of(claim, union, "made_by"));
        assertThat(page.locator("#relation-list li")).hasCount(2);

        page.setViewportSize(390, 844);
        page.waitForTimeout(300);
        screenshot(page, "relations-mouse-390");
    }
}
