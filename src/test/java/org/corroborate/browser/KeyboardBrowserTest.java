package org.corroborate.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.corroborate.annotation.AnnotationDetails;
import org.corroborate.annotation.AnnotationRequest;
import org.corroborate.annotation.AnnotationService;
import org.corroborate.base.CurrentActor;
import org.corroborate.base.Role;
import org.corroborate.project.ProjectService;
import org.corroborate.security.AccountService;
import org.corroborate.source.SourceService;
import org.corroborate.testing.HttpApi;
import org.corroborate.testing.TestAccounts;
import org.corroborate.testing.TestProjects;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The workspace by keyboard alone, as a reviewer who never touches the mouse works: reach the text,
 * move the caret mid-text, select by word, tag; walk and open annotations; the keymap overlay; find
 * in the text and tag a hit. Offsets are checked through the REST API.
 */
class KeyboardBrowserTest extends BrowserTest {

    private static final String TEXT = "The council said water results were delayed by months. "
            + "Residents of Ellsworth Vale 👩‍👩‍👧 asked again about the water, and the water board said nothing.";
    private static final AtomicInteger RUN = new AtomicInteger();

    @Autowired
    SourceService sources;

    @Autowired
    AnnotationService annotations;

    @Autowired
    AccountService accounts;

    @Autowired
    ProjectService projects;

    @Autowired
    CurrentActor actor;

    private String reviewer;

    @BeforeEach
    void reviewer() {
        reviewer = "keys" + System.nanoTime() % 1_000_000 + RUN.incrementAndGet();
        new TestAccounts(accounts, projects, actor).create(reviewer, Role.REVIEWER);
    }

    private long source(String text) {
        String unique = text + "\n\n(keyboard test " + reviewer + ")";
        return actor.runAs("admin", Role.ADMIN, () -> sources.importText(TestProjects.MAIN, "Keys " + reviewer,
                unique, null, null, null, null)).source().id();
    }

    /** The annotations of a source as the REST API gives them to the administrator: start, end, label. */
    private List<List<Object>> apiAnnotations(long sourceId) throws Exception {
        JsonNode answer = new HttpApi(port).send("admin", "GET", "/api/sources/" + sourceId + "/annotations", null)
                .expectOk("annotations of source " + sourceId).json();
        JsonNode items = answer.isArray() ? answer : answer.get("annotations");
        List<List<Object>> found = new ArrayList<>();
        for (JsonNode a : items) {
            found.add(List.of(a.get("start").asInt(), a.get("end").asInt(), a.get("label").asText()));
        }
        return found;
    }

    private void open(long sourceId) {
        signIn(page, reviewer);
        page.navigate(url("/sources/" + sourceId));
        page.locator("#source-text .cb-text span, #source-text .cb-text div").first().waitFor();
        page.waitForFunction("() => document.querySelector('#source-text').runs && !document.querySelector('#source-text').runs.isEmpty");
    }

    private Object active(String expression) {
        return page.evaluate("() => { const a = document.activeElement; return " + expression + "; }");
    }

    @Test
    void aSpanIsStartedMidTextAndTaggedWithTheKeyboardAlone() throws Exception {
        long sourceId = source(TEXT);
        open(sourceId);
        page.locator("#source-title").click(); // the focus anywhere but the text
        page.keyboard().press("Alt+T");
        assertThat(active("a && a.id")).isEqualTo("source-text");
        Locator caret = page.locator("#source-text > .cb-caret");
        assertThat(caret).isVisible();

        page.keyboard().press("Control+ArrowRight"); // The|
        page.keyboard().press("Control+ArrowRight"); // council|
        page.keyboard().press("Control+ArrowRight"); // said|
        page.keyboard().press("ArrowRight");         // |water
        assertThat(page.evaluate("() => document.querySelector('#source-text').caretOffset")).isEqualTo(17);
        page.keyboard().press("Shift+Control+ArrowRight");
        page.keyboard().press("Shift+Control+ArrowRight");
        assertThat(page.evaluate("() => window.getSelection().toString()")).isEqualTo("water results");
        screenshot(page, "workspace-keyboard-selection");
        page.keyboard().press("1");

        assertThat(page.locator("#editor-quote")).hasText("“water results”");
        await().atMost(Duration.ofSeconds(10)).until(() -> !apiAnnotations(sourceId).isEmpty());
        assertThat(apiAnnotations(sourceId)).containsExactly(List.of(17, 30, "FACT"));

        // Back to the text in one key; the caret steps over a ZWJ family (one grapheme, 5 code points) at once
        int family = TEXT.codePointCount(0, TEXT.indexOf("👩"));
        page.keyboard().press("Alt+T");
        assertThat(active("a && a.id")).isEqualTo("source-text");
        page.keyboard().press("Control+f");
        page.keyboard().type("asked");
        page.keyboard().press("Escape"); // "asked" selected, the caret after it
        page.keyboard().press("ArrowLeft"); // collapses to its start
        page.keyboard().press("ArrowLeft");
        page.keyboard().press("ArrowLeft");
        assertThat(page.evaluate("() => document.querySelector('#source-text').caretOffset")).isEqualTo(family);
        page.keyboard().press("Shift+ArrowRight");
        assertThat(page.evaluate("() => window.getSelection().toString()")).isEqualTo("👩‍👩‍👧");
        page.keyboard().press("Control+End");
        page.keyboard().press("Home");
        assertThat(page.evaluate("() => document.querySelector('#source-text').caretOffset")).isEqualTo(
                TEXT.codePointCount(0, TEXT.length()) + 2); // the last line, "(keyboard test …)"
    }

    @Test
    void theFirstTabStopSkipsToTheTextAndBracketsWalkAnnotationsThatEnterOpens() {
        long sourceId = source(TEXT);
        int residents = TEXT.codePointCount(0, TEXT.indexOf("Residents"));
        AnnotationDetails council = actor.runAs(reviewer, Role.REVIEWER, () -> annotations.create(sourceId,
                AnnotationRequest.create(4, 11, "FACT", Map.of(), null)));
        AnnotationDetails people = actor.runAs(reviewer, Role.REVIEWER, () -> annotations.create(sourceId,
                AnnotationRequest.create(residents, residents + 9, "FACT", Map.of(), null)));
        open(sourceId);

        page.keyboard().press("Tab");
        assertThat(active("a && a.id")).isEqualTo("skip-to-text");
        assertThat(page.locator("#skip-to-text")).isVisible();
        page.keyboard().press("Enter");
        assertThat(active("a && a.id")).isEqualTo("source-text");

        page.keyboard().press("]");
        assertThat(page.locator("#editor-quote")).hasText("“council”");
        page.keyboard().press("]");
        assertThat(page.locator("#editor-quote")).hasText("“Residents”");
        assertThat(page.locator("#source-text > .cb-layer > div").first()).isVisible();
        page.keyboard().press("[");
        assertThat(page.locator("#editor-quote")).hasText("“council”");
        page.keyboard().press("Enter");
        page.waitForFunction("() => document.activeElement && document.activeElement.closest('.cb-editor') != null");
        page.keyboard().type("seen by keyboard");
        assertThat(page.locator("#source-text").getAttribute("id")).isEqualTo("source-text");
        assertThat(council.id()).isNotEqualTo(people.id());

        // ? lists every key; Esc closes it and the focus is back in the text
        page.keyboard().press("Alt+T");
        page.keyboard().press("?");
        Locator overlay = page.locator("#source-text .cb-keys [role=dialog]");
        assertThat(overlay).isVisible();
        assertThat(overlay).containsText("Keyboard shortcuts");
        assertThat(overlay).containsText("Ctrl+Z / Ctrl+Shift+Z (also Ctrl+Y)");
        assertThat(overlay).containsText("turn the current hit into a span with that label");
        page.setViewportSize(1440, 900);
        screenshot(page, "workspace-keys-1440");
        page.setViewportSize(390, 844);
        screenshot(page, "workspace-keys-390");
        page.keyboard().press("Escape");
        assertThat(overlay).isHidden();
        assertThat(active("a && a.id")).isEqualTo("source-text");
    }

    @Test
    void ctrlFFindsEveryHitStepsThroughThemAndTurnsTheCurrentOneIntoASpan() throws Exception {
        long sourceId = source(TEXT);
        int firstWater = TEXT.codePointCount(0, TEXT.indexOf("water"));
        int thirdWater = TEXT.codePointCount(0, TEXT.indexOf("water board"));
        open(sourceId);
        page.setViewportSize(1440, 900);
        page.locator("#source-title").click();
        page.keyboard().press("Control+f");
        Locator input = page.locator("#source-text .cb-find input");
        assertThat(input).isFocused();
        page.keyboard().type("WATER");
        Locator count = page.locator("#source-text .cb-find-count");
        assertThat(count).hasText("1 of 3");
        assertThat(page.evaluate("() => CSS.highlights.get('cb-find-hit').size + CSS.highlights.get('cb-find-current').size"))
                .isEqualTo(3);
        page.keyboard().press("Enter");
        assertThat(count).hasText("2 of 3");
        screenshot(page, "workspace-find-1440");
        page.keyboard().press("Enter");
        page.keyboard().press("Shift+Enter");
        page.keyboard().press("Enter");
        assertThat(count).hasText("3 of 3");
        page.keyboard().press("Alt+1");
        await().atMost(Duration.ofSeconds(10)).until(() -> !apiAnnotations(sourceId).isEmpty());
        assertThat(apiAnnotations(sourceId)).containsExactly(List.of(thirdWater, thirdWater + 5, "FACT"));

        // Esc leaves the current hit selected, so the label's key alone tags it
        page.locator("#source-title").click();
        page.keyboard().press("Control+f");
        assertThat(count).hasText("1 of 3"); // from the caret at the hit just tagged: wraps to the first
        page.keyboard().press("Escape");
        assertThat(page.locator("#source-text .cb-find")).isHidden();
        assertThat(page.evaluate("() => window.getSelection().toString()")).isEqualTo("water");
        page.keyboard().press("2");
        await().atMost(Duration.ofSeconds(10)).until(() -> apiAnnotations(sourceId).size() == 2);
        assertThat(apiAnnotations(sourceId)).contains(List.of(firstWater, firstWater + 5, "QUOTE"));

        page.setViewportSize(390, 844);
        page.keyboard().press("Alt+T");
        page.keyboard().press("Control+f");
        page.keyboard().type("the");
        screenshot(page, "workspace-find-390");
    }

    @Test
    void afterMoveToSelectionTheNextClickSelectsTheAnnotationClicked() {
        long sourceId = source(TEXT);
        int residents = TEXT.codePointCount(0, TEXT.indexOf("Residents"));
        AnnotationDetails council = actor.runAs(reviewer, Role.REVIEWER, () -> annotations.create(sourceId,
                AnnotationRequest.create(4, 11, "FACT", Map.of(), null)));
        AnnotationDetails people = actor.runAs(reviewer, Role.REVIEWER, () -> annotations.create(sourceId,
                AnnotationRequest.create(residents, residents + 9, "QUOTE", Map.of(), null)));
        open(sourceId);
        page.locator("#source-text span[data-ids~='" + council.id() + "']").click();
        assertThat(page.locator("#editor-quote")).hasText("“council”");
        AnnotationBrowserTest.dragSelect(page, "water results");
        page.locator("#editor-move").click();
        assertThat(page.locator("#editor-quote")).hasText("“water results”");

        // the next click, on the moved span itself (where the used selection was), selects it
        page.locator("#source-text span[data-ids~='" + council.id() + "']").click();
        assertThat(page.evaluate("() => window.getSelection().toString()")).isEqualTo("");
        assertThat(page.evaluate("() => document.querySelector('#source-text').selectedId"))
                .isEqualTo(String.valueOf(council.id()));
        assertThat(page.locator("#source-text > .cb-layer > div").first()).isVisible();
        assertThat(page.locator("#editor-quote")).hasText("“water results”");
        page.locator("#source-text span[data-ids~='" + people.id() + "']").click();
        assertThat(page.locator("#editor-quote")).hasText("“Residents”");
    }
}
