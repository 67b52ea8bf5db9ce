package org.corroborate.browser;

import org.corroborate.testing.TestProjects;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.corroborate.annotation.AnnotationDetails;
import org.corroborate.annotation.AnnotationRequest;
import org.corroborate.annotation.AnnotationService;
import org.corroborate.base.CurrentActor;
import org.corroborate.base.Role;
import org.corroborate.source.SourceService;
import org.corroborate.source.SourceSummary;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Annotating as reviewers do: select with the mouse, tag with a hotkey, fill in the speaker, work side by side. */
class AnnotationBrowserTest extends BrowserTest {

    private static final String PHRASE = "You start to measure your life in bottles";

    @Autowired
    SourceService sources;

    @Autowired
    AnnotationService annotations;

    @Autowired
    CurrentActor actor;

    private SourceSummary residents() {
        return actor.runAs("alice", Role.REVIEWER, () -> sources.list()).stream()
                .filter(s -> "03-ellsworth-residents.md".equals(s.originFileName())).findFirst().orElseThrow();
    }

    private List<AnnotationDetails> annotationsBy(String reviewer, long sourceId) {
        return actor.runAs(reviewer, Role.REVIEWER, () -> annotations.visible(sourceId, Set.of(reviewer)));
    }

    /** Drags the mouse over a phrase of the text, as a person selecting it would. */
    static void dragSelect(Page page, String phrase) {
        dragSelect(page, "#source-text", phrase);
    }

    /** Drags the mouse over a phrase of the {@code <cb-source-text>} that {@code selector} finds. */
    static void dragSelect(Page page, String selector, String phrase) {
        String find = """
                phrase => {
                  // Only the text itself: not the tooltip, the live region or the styles beside it.
                  const root = document.querySelector('SELECTOR > .cb-text');
                  if (!root) throw new Error('no .cb-text in SELECTOR: the component changed its structure');
                  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
                  const nodes = []; let all = '';
                  while (walker.nextNode()) {
                    const n = walker.currentNode;
                    nodes.push([n, all.length]); all += n.data;
                  }
                  const at = all.indexOf(phrase);
                  if (at < 0) throw new Error('phrase not in the text: ' + phrase);
                  const locate = i => { for (let k = nodes.length - 1; k >= 0; k--) if (nodes[k][1] <= i) return [nodes[k][0], i - nodes[k][1]]; };
                  const [sn, so] = locate(at); const [en, eo] = locate(at + phrase.length - 1);
                  const first = document.createRange(); first.setStart(sn, so); first.setEnd(sn, so + 1);
                  const last = document.createRange(); last.setStart(en, eo); last.setEnd(en, eo + 1);
                  return [first, last];
                }""".replace("SELECTOR", selector);
        // Scroll the phrase to the middle until it stays there: the text is laid out lazily
        // (content-visibility), so each scroll may move it again until its chunks are rendered.
        String centred = "phrase => { const root = document.querySelector('" + selector + "'); const [first] = ("
                + find + ")(phrase); const r = first.getBoundingClientRect(), box = root.getBoundingClientRect();"
                + " const before = root.scrollTop; root.scrollTop += r.top - box.top - root.clientHeight / 2;"
                + " window.cbStill = Math.abs(root.scrollTop - before) < 1 ? (window.cbStill || 0) + 1 : 0;"
                + " return window.cbStill >= 5; }";
        page.evaluate("() => window.cbStill = 0");
        page.waitForFunction(centred, phrase);
        @SuppressWarnings("unchecked")
        Map<String, Object> box = (Map<String, Object>) page.evaluate("phrase => { const [first, last] = ("
                + find + ")(phrase); const a = first.getBoundingClientRect(), b = last.getBoundingClientRect();"
                + " return {x1: Math.round(a.left + 1), y1: Math.round(a.top + a.height / 2),"
                + " x2: Math.round(b.right - 1), y2: Math.round(b.top + b.height / 2)}; }", phrase);
        page.mouse().move(((Number) box.get("x1")).doubleValue(), ((Number) box.get("y1")).doubleValue());
        page.mouse().down();
        page.mouse().move(((Number) box.get("x2")).doubleValue(), ((Number) box.get("y2")).doubleValue(),
                new com.microsoft.playwright.Mouse.MoveOptions().setSteps(8));
        page.mouse().up();
    }

    @Test
    void aReviewerTagsAQuoteWithTheMouseAndHotkeyAndAColleagueSeesItLive() {
        SourceSummary source = residents();
        String text = actor.runAs("alice", Role.REVIEWER, () -> sources.get(source.id())).text();
        int start = text.codePointCount(0, text.indexOf(PHRASE));
        int end = start + PHRASE.codePointCount(0, PHRASE.length());

        BrowserContext bobContext = newContext();
        Page bob = bobContext.newPage();
        signIn(bob, "bob");
        bob.navigate(url("/sources/" + source.id()));
        bob.locator("#layer vaadin-radio-button:has-text(\"Everyone's\") input").check();

        signIn(page, "alice");
        page.navigate(url("/sources/" + source.id()));
        assertThat(page.locator("#source-title")).hasText(source.title());
        assertThat(page.locator("#present")).hasAttribute("data-names", "alice,bob");

        dragSelect(page, PHRASE);
        assertThat(page.evaluate("() => window.getSelection().toString()")).isEqualTo(PHRASE);
        page.locator("#source-text").press("2");

        Locator quote = page.locator("#source-text [data-ids]").first();
        assertThat(quote).isVisible();
        assertThat(page.locator("#editor-quote")).hasText("“" + PHRASE + "”");
        AnnotationDetails created = annotationsBy("alice", source.id()).getFirst();
        assertThat(created.label()).isEqualTo("QUOTE");
        assertThat(created.start()).isEqualTo(start);
        assertThat(created.end()).isEqualTo(end);
        assertThat(created.text()).isEqualTo(PHRASE);
        String highlighted = (String) page.evaluate("id => [...document.querySelectorAll('#source-text [data-ids]')]"
                + ".filter(e => e.dataset.ids.split(' ').includes(id)).map(e => e.textContent).join('')",
                String.valueOf(created.id()));
        assertThat(highlighted).isEqualTo(PHRASE);

        Locator speaker = page.locator("#attribute-speaker input");
        speaker.fill("Zoë Ødegård");
        speaker.press("Enter");
        page.locator("#editor-save").click();
        assertThat(page.locator("#editor-quote")).hasText("“" + PHRASE + "”");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(annotationsBy("alice", source.id()).getFirst().attributes())
                        .containsEntry("speaker", "Zoë Ødegård"));
        screenshot(page, "workspace");

        // Bob's open view shows Alice's quote without a reload, dashed as a colleague's.
        Locator onBobsPage = bob.locator("#source-text [data-ids~='" + created.id() + "']").first();
        assertThat(onBobsPage).isVisible(new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions()
                .setTimeout(5_000));
        bob.locator("vaadin-tab", new Page.LocatorOptions().setHasText("All annotations")).click();
        assertThat(bob.locator("#annotation-counts")).containsText("Quote 1");
        assertThat(bob.locator("#annotation-list")).containsText(PHRASE);
        screenshot(bob, "workspace-colleague");

        page.reload();
        assertThat(page.locator("#source-text [data-ids]").first()).isVisible();
        page.locator("#source-text [data-ids]").first().click();
        assertThat(page.locator("#attribute-speaker input")).hasValue("Zoë Ødegård");
        bobContext.close();
    }

    @Test
    void aNestedSpanInsideAQuoteCanBeSelectedOnItsOwn() {
        SourceSummary source = actor.runAs("carol", Role.REVIEWER, () -> sources.importText(TestProjects.MAIN, "Nested spans",
                "Zoe\u0301 💧👩‍👩‍👧 قال يوسف حداد\r\nA resident told us: “" + PHRASE + ",” and left.", null, null,
                null, null)).source();
        String text = actor.runAs("carol", Role.REVIEWER, () -> sources.get(source.id())).text();
        int start = text.codePointCount(0, text.indexOf(PHRASE));
        int inner = start + "You start to measure ".length();
        AnnotationDetails outer = actor.runAs("carol", Role.REVIEWER, () -> annotations.create(source.id(),
                AnnotationRequest.create(start, start + PHRASE.length(), "QUOTE", Map.of("speaker", "Zoë Ødegård"), null)));
        AnnotationDetails nested = actor.runAs("carol", Role.REVIEWER, () -> annotations.create(source.id(),
                AnnotationRequest.create(inner, inner + "your life".length(), "FACT", Map.of(), "nested")));

        signIn(page, "carol");
        page.navigate(url("/sources/" + source.id()));
        Locator innerRun = page.locator("#source-text [data-ids='" + nested.id() + " " + outer.id() + "']");
        assertThat(innerRun).hasText("your life");
        innerRun.click();
        assertThat(page.locator("#editor-label")).containsText("Fact");
        assertThat(page.locator("#editor-quote")).hasText("“your life”");
        innerRun.click(); // a second, separate click (Playwright sends each with a click count of 1)
        assertThat(page.locator("#editor-quote")).hasText("“" + PHRASE + "”");
        screenshot(page, "workspace-nested");

        // Boundaries: select other words and move the open annotation onto them.
        dragSelect(page, "measure your life");
        page.locator("#editor-move").click();
        assertThat(page.locator("#editor-quote")).hasText("“measure your life”");
        AnnotationDetails moved = actor.runAs("carol", Role.REVIEWER, () -> annotations.get(outer.id()));
        assertThat(moved.text()).isEqualTo("measure your life");
        assertThat(moved.start()).isEqualTo(start + "You start to ".length());

        // A label button tags the current selection, like the hotkey.
        dragSelect(page, "and left");
        page.locator("#tag-ALLEGATION").click();
        assertThat(page.locator("#editor-quote")).hasText("“and left”");
        assertThat(page.locator("#editor-label")).containsText("Allegation");

        page.locator("#source-text").press("Escape");
        assertThat(page.locator("#editor-quote")).isHidden();
    }

    /** The session's error handler answers a refused UI event: the hotkey reaches the service, which says no. */
    @Test
    void anAccountThatMayNotAnnotateIsToldSoAndNothingIsCreated() {
        SourceSummary source = residents();
        signIn(page, "admin");
        page.navigate(url("/sources/" + source.id()));
        assertThat(page.locator("#source-text")).containsText(PHRASE);
        dragSelect(page, "measure your life");
        page.locator("#source-text").press("1");
        assertThat(page.locator("vaadin-notification-card").last()).containsText("You may not do this");
        assertThat(actor.runAs("admin", Role.ADMIN, () -> annotations.visible(source.id(), Set.of("admin"))))
                .isEmpty();
    }
}
