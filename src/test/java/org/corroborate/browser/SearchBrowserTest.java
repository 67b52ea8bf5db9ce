package org.corroborate.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.corroborate.annotation.AnnotationRequest;
import org.corroborate.annotation.AnnotationService;
import org.corroborate.base.CurrentActor;
import org.corroborate.base.Role;
import org.corroborate.project.ProjectService;
import org.corroborate.security.AccountService;
import org.corroborate.source.SourceService;
import org.corroborate.testing.TestDesk;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The search page and the quick search: a reviewer searches a desk of three sources, narrows by a facet,
 * opens an annotation hit and a text hit at their places (the annotation selected, the words selected),
 * saves nothing but a link; a refused query says why; Ctrl+K finds from any page; a colleague's
 * annotation on a blind, unsubmitted source is never a hit. Screenshots at 1440 and 390 px; axe.
 */
class SearchBrowserTest extends BrowserTest {

    private static final String HARBOUR = "Mayor Quarrington said the desalination plant would reopen in May. "
            + "Residents doubted the desalination promise. 🌊 Fishermen said the harbour stayed closed.";
    private static final String VALLEY = "Quarrington denied the leak. The council blamed Quarrington for the delay.";
    private static final String COAST = "Engineers said Quarrington ignored the warnings about the plant.";

    @Autowired AccountService accounts;
    @Autowired ProjectService projects;
    @Autowired SourceService sources;
    @Autowired AnnotationService annotations;
    @Autowired CurrentActor actor;

    private record Desk(long harbour, long valley, long coast, long quote, long allegation, long colleagueFact,
                        long blindFact) {}

    private Desk desk(String tag) {
        Map<String, Set<Role>> people = new LinkedHashMap<>();
        people.put(tag + "-rev", Set.of(Role.REVIEWER));
        people.put(tag + "-col", Set.of(Role.REVIEWER));
        people.put(tag + "-sup", Set.of(Role.SUPERVISOR));
        TestDesk desk = TestDesk.create("Search desk " + tag, people, accounts, projects, sources, actor);
        long harbour = source(desk.project, "Harbour Gazette", HARBOUR, "2026-05-02");
        long valley = source(desk.project, "Valley Ledger", VALLEY, "2026-05-03");
        long coast = source(desk.project, "Coast Courier", COAST, "2026-05-04");
        actor.runAs(tag + "-sup", Role.SUPERVISOR, () -> sources.setBlind(List.of(coast), true));
        long quote = annotate(tag + "-rev", harbour, HARBOUR, "the desalination plant would reopen", "QUOTE",
                Map.of("speaker", "Mayor Quarrington"), null);
        long allegation = annotate(tag + "-rev", valley, VALLEY, "The council blamed Quarrington for the delay",
                "ALLEGATION", Map.of(), null);
        long colleagueFact = annotate(tag + "-col", valley, VALLEY, "Quarrington denied the leak", "FACT", Map.of(),
                null);
        long blindFact = annotate(tag + "-col", coast, COAST, "Engineers said Quarrington ignored the warnings",
                "FACT", Map.of(), "zebracheck before publishing");
        return new Desk(harbour, valley, coast, quote, allegation, colleagueFact, blindFact);
    }

    private long source(long project, String title, String text, String published) {
        return actor.runAs("admin", Role.ADMIN, () -> sources.importText(project, title, text, "The " + title, null,
                published, null)).source().id();
    }

    private long annotate(String who, long source, String text, String quote, String label, Map<String, String> attributes,
                          String note) {
        int start = text.codePointCount(0, text.indexOf(quote));
        int end = start + quote.codePointCount(0, quote.length());
        return actor.runAs(who, Role.REVIEWER, () -> annotations.create(source,
                AnnotationRequest.create(start, end, label, attributes, note)).id());
    }

    private Locator hits() {
        page.locator("#search-outcome[data-state]").waitFor();
        return page.locator("#search-hits .cb-search-hit");
    }

    @Test
    void searchNarrowByAFacetAndOpenHitsAtTheirPlaces() {
        Desk desk = desk("sbt");
        page.setViewportSize(1440, 900);
        signIn(page, "sbt-rev");
        page.navigate(url("/search"));
        assertThat(page.locator("#search-start")).isVisible();
        page.locator("#search-q input").fill("Quarrington");
        page.locator("#search-q input").press("Enter");
        page.waitForURL(Pattern.compile(".*/search\\?q=Quarrington$"));
        Locator hits = hits();
        // Texts: all three sources; annotations: the reviewer's two, the colleague's on the open source.
        assertThat(page.locator("#search-hits [data-kind=text]")).hasCount(3);
        assertThat(page.locator("#search-hits [data-annotation='" + desk.allegation() + "']")).hasCount(1);
        assertThat(page.locator("#search-hits [data-annotation='" + desk.colleagueFact() + "']")).hasCount(1);
        assertThat(page.locator("#search-hits [data-annotation='" + desk.blindFact() + "']")).hasCount(0);
        assertThat(page.locator("#search-hits mark").first()).hasText("Quarrington");
        // The colleague's FACT on the blind source is not counted either: one FACT, not two.
        Locator fact = page.locator("#facet-label .cb-facet-value[data-value=FACT]");
        assertThat(fact).containsText("1");
        assertThat(page.locator("#facet-author .cb-facet-value[data-value='sbt-col']")).containsText("1");
        screenshot(page, "search-1440");
        assertAccessible(page, "search page");

        fact.click();
        page.waitForURL(Pattern.compile(".*label=FACT.*"));
        assertThat(page.locator("#facet-label .cb-facet-value[data-value=FACT]")).hasAttribute("aria-pressed", "true");
        assertThat(page.locator("#search-label input")).hasValue("FACT");
        assertThat(hits).hasCount(1);
        assertThat(hits.first()).hasAttribute("data-annotation", String.valueOf(desk.colleagueFact()));
        assertThat(hits.first().locator(".cb-label-chip")).hasAttribute("data-label", "FACT");
        assertThat(hits.first().locator(".cb-search-author")).containsText("sbt-col");

        // The whole search is the link: reloading it shows the same.
        page.reload();
        assertThat(hits()).hasCount(1);
        assertThat(page.locator("#search-label input")).hasValue("FACT");

        // An annotation hit opens the workspace with that annotation selected (a colleague's: Everyone's is shown).
        hits.first().locator("a.cb-search-open").click();
        page.waitForURL("**/sources/" + desk.valley() + "?at=*&annotation=" + desk.colleagueFact());
        assertThat(page.locator("#source-text")).hasJSProperty("selectedId", String.valueOf(desk.colleagueFact()));
        screenshot(page, "search-opened-annotation-1440");

        // A text hit opens at the matched words, selected in the text (code points: the wave is one).
        page.navigate(url("/search?q=fishermen&kind=text"));
        assertThat(hits()).hasCount(1);
        assertThat(page.locator("#search-kind vaadin-radio-button[checked]")).containsText("Texts");
        int start = HARBOUR.codePointCount(0, HARBOUR.indexOf("Fishermen"));
        assertThat(hits.first().locator("a.cb-search-open")).hasAttribute("href",
                "sources/" + desk.harbour() + "?at=" + start + "-" + (start + "Fishermen".length()));
        hits.first().locator("a.cb-search-open").click();
        page.waitForURL("**/sources/" + desk.harbour() + "?at=*");
        page.waitForFunction("() => window.getSelection().toString() === 'Fishermen'");
        screenshot(page, "search-opened-text-1440");
    }

    @Test
    void aRefusedQuerySaysWhyAndABlindColleaguesNoteIsNeverAHit() {
        desk("sbr");
        page.setViewportSize(1440, 900);
        signIn(page, "sbr-rev");
        page.navigate(url("/search?q=%22desalination"));
        page.locator("#search-outcome[data-state]").waitFor();
        assertThat(page.locator("#search-refused")).isVisible();
        assertThat(page.locator("#search-refused")).hasAttribute("role", "alert");
        assertThat(page.locator("#search-refused-detail")).not().isEmpty();
        assertThat(page.locator("#search-hits .cb-search-hit")).hasCount(0);
        screenshot(page, "search-refused-1440");
        assertAccessible(page, "refused search");

        page.navigate(url("/search?q=zebracheck&kind=annotation"));
        page.locator("#search-outcome[data-state]").waitFor();
        assertThat(page.locator("#search-empty")).isVisible();
        assertThat(page.locator("#search-hits .cb-search-hit")).hasCount(0);
    }

    @Test
    void ctrlKSearchesFromAnyPageAndEnterOpensTheSearchPage() {
        Desk desk = desk("sbk");
        page.setViewportSize(1440, 900);
        signIn(page, "sbk-rev");
        page.navigate(url("/sources/" + desk.harbour()));
        page.locator("#source-text").waitFor();
        page.keyboard().press("Control+k");
        Locator box = page.locator("#quick-search-q input");
        assertThat(box).isFocused();
        box.pressSequentially("desalinat*", new Locator.PressSequentiallyOptions().setDelay(20));
        assertThat(page.locator("#quick-hit-0")).isVisible();
        assertThat(page.locator("#quick-search-hits mark").first()).hasText(Pattern.compile("desalination", Pattern.CASE_INSENSITIVE));
        screenshot(page, "search-quick-1440");
        assertAccessible(page, "quick search");
        box.press("Escape");
        assertThat(page.locator("#quick-search")).hasCount(0);

        page.keyboard().press("Control+k");
        page.locator("#quick-search-q input").fill("harbour");
        page.locator("#quick-search-q input").press("Enter");
        page.waitForURL(Pattern.compile(".*/search\\?q=harbour$"));
        assertThat(page.locator("#search-q input")).hasValue("harbour");
        assertThat(hits().first()).isVisible();

        page.setViewportSize(390, 844);
        page.navigate(url("/search?q=Quarrington"));
        hits().first().waitFor();
        screenshot(page, "search-390");
        double facets = page.locator("#search-facets").boundingBox().y;
        double firstHit = page.locator("#search-hits .cb-search-hit").first().boundingBox().y;
        assertThat(firstHit).as("facets above the hits on a phone").isGreaterThan(facets);
        assertThat(page.locator("#search-hits .cb-search-hit").first().boundingBox().width)
                .as("a hit fits the phone's width").isLessThanOrEqualTo(390);
        page.keyboard().press("Control+k");
        page.locator("#quick-search-q input").fill("Quarrington");
        page.locator("#quick-hit-0").waitFor();
        screenshot(page, "search-quick-390");
    }
}
