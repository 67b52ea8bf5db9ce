package org.corroborate.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import org.corroborate.project.ProjectService;
import org.corroborate.security.AccountService;
import org.corroborate.source.SourceService;
import org.corroborate.testing.HttpApi;
import org.corroborate.testing.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Nothing typed is lost, and one's own steps can be taken back: undo and redo from the keyboard,
 * the delete toast, an undo refused because a supervisor changed the annotation since, the guard
 * before leaving unsaved edits, the conflict view, and Save with a suggestion list open. A project
 * of its own: one reviewer in the browser, a supervisor through the REST API.
 */
class UndoBrowserTest extends BrowserTest {

    private static final String REVIEWER = "undo-uma";
    private static final String SUPERVISOR = "undo-sid";
    private static final String TEXT = "The council said the boats leak. Harbour master Ines Duarte said: "
            + "\u201cWe have pumped the hulls every night since March.\u201d The mayor denied any fault.";
    private static Long project;

    @Autowired SourceService sources;
    @Autowired AnnotationService annotations;
    @Autowired AccountService accounts;
    @Autowired ProjectService projects;
    @Autowired CurrentActor actor;
    HttpApi api;
    long source;

    @BeforeEach
    void fixture() {
        api = new HttpApi(port);
        if (project == null) {
            project = actor.runAs("admin", Role.ADMIN, () -> projects.create("Undo desk", "Undo browser test")).id();
            TestAccounts people = new TestAccounts(accounts, projects, actor);
            people.createIn(project, REVIEWER, Role.REVIEWER);
            people.createIn(project, SUPERVISOR, Role.SUPERVISOR);
        }
        // A text of its own per test (the same text again would be the same source).
        String text = TEXT + " Test run " + System.nanoTime() + ".";
        source = actor.runAs(SUPERVISOR, Role.SUPERVISOR, () -> sources.importText(project, "Boats",
                text, null, null, null, null)).source().id();
    }

    private int at(String phrase) {
        return TEXT.codePointCount(0, TEXT.indexOf(phrase));
    }

    private AnnotationDetails annotate(String phrase, String label, Map<String, String> attributes, String note) {
        int start = at(phrase);
        return actor.runAs(REVIEWER, Role.REVIEWER, () -> annotations.create(source, AnnotationRequest.create(start,
                start + phrase.codePointCount(0, phrase.length()), label, attributes, note)));
    }

    private List<AnnotationDetails> mine() {
        return actor.runAs(REVIEWER, Role.REVIEWER, () -> annotations.visible(source, Set.of(REVIEWER)));
    }

    private AnnotationDetails current(long id) {
        return actor.runAs(REVIEWER, Role.REVIEWER, () -> annotations.get(id));
    }

    private Locator highlight(long id) {
        return page.locator("#source-text [data-ids~='" + id + "']").first();
    }

    private void open() {
        signIn(page, REVIEWER);
        page.navigate(url("/sources/" + source));
        assertThat(page.locator("#source-title")).hasText("Boats");
    }

    /**
     * Presses a key and measures, in the browser, the milliseconds from the keydown to the moment the
     * highlight of {@code id} is gone ({@code present} false) or there ({@code present} true).
     */
    static double timeKeyUntil(Page page, String key, long id, boolean present) {
        page.evaluate("([id, present]) => { window.cbTiming = new Promise(resolve => { let t0;"
                + " document.addEventListener('keydown', () => t0 = performance.now(), {capture: true, once: true});"
                + " const check = () => { const shown = !!document.querySelector(`#source-text [data-ids~=\"${id}\"]`);"
                + " if (t0 !== undefined && shown === present) resolve(performance.now() - t0);"
                + " else requestAnimationFrame(check); }; requestAnimationFrame(check); }); }",
                List.of(String.valueOf(id), present));
        page.keyboard().press(key);
        return ((Number) page.evaluate("() => window.cbTiming")).doubleValue();
    }

    /** Screenshots at 1440 px and at 390 px (a phone), then back to the usual size. */
    private void screenshots(String name) {
        screenshots(name, null);
    }

    /** As {@link #screenshots(String)}, with {@code shown} (if any) scrolled into view at 390 px. */
    private void screenshots(String name, String shown) {
        page.setViewportSize(1440, 900);
        screenshot(page, name + "-1440");
        page.setViewportSize(390, 844);
        if (shown != null) {
            page.locator(shown).scrollIntoViewIfNeeded();
        }
        screenshot(page, name + "-390");
        page.setViewportSize(1280, 800);
    }

    @Test
    void aNewSpanGoesWithCtrlZAndComesBackWithCtrlShiftZ() {
        open();
        AnnotationBrowserTest.dragSelect(page, "the boats leak");
        page.locator("#source-text").press("1");
        assertThat(page.locator("#editor-quote")).hasText("\u201cthe boats leak\u201d");
        AnnotationDetails created = mine().getFirst();
        assertThat(highlight(created.id())).isVisible();
        assertThat(page.locator("#undo")).isEnabled();
        assertThat(page.locator("#undo")).hasAttribute("aria-label", "Undo create of FACT \u2018the boats leak\u2019");

        // The editor has the focus (its note): Esc gives it back to the text, where Ctrl+Z undoes.
        page.keyboard().press("Escape");
        assertThat(page.locator("#editor-quote")).isHidden();
        double undone = timeKeyUntil(page, "Control+z", created.id(), false);
        assertThat(highlight(created.id())).isHidden();
        // The browser shows the step at once; the server's answer (the buttons) follows.
        assertThat(page.locator("#redo")).hasAttribute("aria-label", "Redo create of FACT \u2018the boats leak\u2019");
        assertThat(mine()).isEmpty();

        double redone = timeKeyUntil(page, "Control+Shift+z", created.id(), true);
        assertThat(highlight(created.id())).isVisible();
        assertThat(page.locator("#redo")).hasAttribute("aria-label", "Redo");
        assertThat(mine()).extracting(AnnotationDetails::id).containsExactly(created.id());
        System.out.printf("UNDO-BROWSER undo visible after %.1f ms, redo after %.1f ms%n", undone, redone);

        // Ctrl+Y redoes too, and Ctrl+Z inside a text field is left to the field.
        page.keyboard().press("Control+z");
        assertThat(highlight(created.id())).isHidden();
        page.keyboard().press("Control+y");
        assertThat(highlight(created.id())).isVisible();
        assertThat(page.locator("#redo")).hasAttribute("aria-label", "Redo");
        highlight(created.id()).click();
        page.locator("#editor-note textarea").click();
        page.keyboard().press("Control+z");
        page.waitForTimeout(300);
        assertThat(highlight(created.id())).isVisible();
        assertThat(page.locator("#undo")).hasAttribute("aria-label", "Undo create of FACT \u2018the boats leak\u2019");
        screenshots("undo-buttons");
    }

    @Test
    void aDeleteHappensAtOnceAndItsToastTakesItBack() {
        AnnotationDetails quote = annotate("We have pumped the hulls", "QUOTE", Map.of("speaker", "Ines Duarte"),
                "checked against the log");
        open();
        highlight(quote.id()).click();
        assertThat(page.locator("#editor-quote")).containsText("We have pumped the hulls");
        page.locator("#source-text").press("Delete");
        assertThat(highlight(quote.id())).isHidden();
        Locator toast = page.locator("vaadin-notification-card").filter(new Locator.FilterOptions()
                .setHasText("Deleted QUOTE"));
        assertThat(toast).isVisible();
        screenshots("undo-toast");

        toast.locator("#undo-toast-button").click();
        assertThat(highlight(quote.id())).isVisible();
        AnnotationDetails back = current(quote.id());
        assertThat(back.attributes()).containsEntry("speaker", "Ines Duarte");
        assertThat(back.note()).isEqualTo("checked against the log");
        assertThat(back.version()).isEqualTo(1);
    }

    @Test
    void anUndoNeverOverwritesASupervisorsLaterChangeAndSaysSo() throws Exception {
        open();
        AnnotationBrowserTest.dragSelect(page, "The mayor denied any fault");
        page.locator("#source-text").press("3");
        assertThat(page.locator("#editor-quote")).hasText("\u201cThe mayor denied any fault\u201d");
        AnnotationDetails created = mine().getFirst();
        page.keyboard().press("Escape");

        api.send(SUPERVISOR, "PUT", "/api/annotations/" + created.id(), Map.of("label", "FACT",
                "version", created.version(), "reason", "A denial is not an allegation")).expectOk("supervisor's change");
        assertThat(page.locator("#undo")).isEnabled();
        page.locator("#undo").click();
        Locator refusal = page.locator("vaadin-notification-card").filter(new Locator.FilterOptions()
                .setHasText("Could not undo"));
        assertThat(refusal).containsText("someone else changed it since");
        assertThat(highlight(created.id())).isVisible();
        assertThat(current(created.id()).label()).isEqualTo("FACT");
        assertThat(page.locator("#undo")).isDisabled();
        screenshots("undo-refused");
    }

    @Test
    void unsavedEditsAreGuardedBeforeLeavingTheEditor() {
        AnnotationDetails first = annotate("the boats leak", "FACT", Map.of(), null);
        AnnotationDetails second = annotate("The mayor denied any fault", "ALLEGATION", Map.of(), null);
        open();
        highlight(first.id()).click();
        page.locator("#editor-note textarea").fill("Needs the council minutes");
        page.waitForTimeout(500); // the note is sent as it is typed
        assertThat(page.locator("#annotation-editor")).hasAttribute("data-unsaved", "true");

        highlight(second.id()).click();
        assertThat(page.locator("#unsaved-save")).isVisible();
        screenshots("unsaved-guard", "#unsaved-save");
        page.locator("#unsaved-keep").click();
        assertThat(page.locator("#editor-quote")).hasText("\u201cthe boats leak\u201d");
        assertThat(page.locator("#editor-note textarea")).hasValue("Needs the council minutes");

        highlight(second.id()).click();
        page.locator("#unsaved-discard").click();
        assertThat(page.locator("#editor-quote")).hasText("\u201cThe mayor denied any fault\u201d");
        assertThat(current(first.id()).note()).isNull();

        // Esc in the editor asks too; Save saves and then closes the editor.
        page.locator("#editor-note textarea").fill("Denial on record");
        page.locator("#editor-note textarea").press("Escape");
        page.locator("#unsaved-save").click();
        assertThat(page.locator("#editor-quote")).isHidden();
        assertThat(current(second.id()).note()).isEqualTo("Denial on record");

        // Ctrl+Enter saves from the note, with what was typed last.
        highlight(first.id()).click();
        page.locator("#editor-note textarea").fill("Minutes of 3 March");
        page.locator("#editor-note textarea").press("Control+Enter");
        await().atMost(Duration.ofSeconds(5)).until(() -> "Minutes of 3 March".equals(current(first.id()).note()));

        // Closing the tab with unsaved edits asks the browser's question (its beforeunload is cancelled).
        page.locator("#editor-note textarea").fill("Not saved yet");
        assertThat(page.locator("#annotation-editor")).hasAttribute("data-unsaved", "true");
        assertThat(page.evaluate("() => { const e = new Event('beforeunload', {cancelable: true});"
                + " window.dispatchEvent(e); return e.defaultPrevented; }")).isEqualTo(true);
    }

    @Test
    void aChangeUnderneathShowsTheirsAndMineAndUseMineSavesOnTopOfTheirs() throws Exception {
        AnnotationDetails quote = annotate("We have pumped the hulls every night since March", "QUOTE",
                Map.of("speaker", "Ines Duarte"), "from the harbour log");
        open();
        highlight(quote.id()).click();
        page.locator("#editor-note textarea").fill("Pumping confirmed by the crew");
        page.waitForTimeout(500);

        api.send(SUPERVISOR, "PUT", "/api/annotations/" + quote.id(), Map.of("note", "Only since April, per log",
                "version", 0, "reason", "Log says April")).expectOk("supervisor's change");
        Locator conflict = page.locator("#edit-conflict");
        assertThat(conflict).isVisible();
        assertThat(conflict).containsText(SUPERVISOR + " changed this annotation while you were editing it");
        assertThat(page.locator("#conflict-theirs-note")).hasText("Only since April, per log");
        assertThat(page.locator("#conflict-mine-note")).hasText("Pumping confirmed by the crew");
        assertThat(current(quote.id()).note()).as("nothing merged by itself").isEqualTo("Only since April, per log");
        screenshots("edit-conflict", "#edit-conflict");

        page.locator("#conflict-use-mine").click();
        assertThat(conflict).isHidden();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            AnnotationDetails saved = current(quote.id());
            assertThat(saved.note()).isEqualTo("Pumping confirmed by the crew");
            assertThat(saved.version()).isEqualTo(2);
        });
    }

    @Test
    void keepTheirsDropsMyEditsAndASaveThatFindsItStaleShowsTheConflictToo() throws Exception {
        AnnotationDetails fact = annotate("the boats leak", "FACT", Map.of(), "first note");
        open();
        highlight(fact.id()).click();
        page.locator("#editor-note textarea").fill("my second note");
        page.waitForTimeout(500);
        api.send(SUPERVISOR, "PUT", "/api/annotations/" + fact.id(), Map.of("note", "their note",
                "version", 0, "reason", "Clearer")).expectOk("supervisor's change");
        assertThat(page.locator("#edit-conflict")).isVisible();
        page.locator("#conflict-keep-theirs").click();
        assertThat(page.locator("#edit-conflict")).isHidden();
        assertThat(page.locator("#editor-note textarea")).hasValue("their note");
        assertThat(page.locator("#annotation-editor")).hasAttribute("data-unsaved", "false");
        assertThat(current(fact.id()).note()).isEqualTo("their note");
    }

    @Test
    void oneClickOnSaveSavesWhileASuggestionListIsOpen() {
        annotate("the boats leak", "QUOTE", Map.of("speaker", "Ines Duarte"), null);
        AnnotationDetails quote = annotate("We have pumped the hulls", "QUOTE", Map.of(), null);
        open();
        highlight(quote.id()).click();
        Locator speaker = page.locator("#attribute-speaker input");
        speaker.click();
        speaker.pressSequentially("Ines");
        assertThat(page.locator("vaadin-combo-box-item").first()).isVisible(); // the list is open, over the form
        System.out.println("UNDO-BROWSER body pointer-events with the list open: '"
                + page.evaluate("() => document.body.style.pointerEvents") + "'");
        screenshots("suggestions-open");
        page.locator("#editor-save").click(new Locator.ClickOptions().setForce(true));
        await().atMost(Duration.ofSeconds(5)).until(() -> "Ines".equals(current(quote.id()).attributes().get("speaker")));
        assertThat(page.locator("vaadin-combo-box-item").first()).isHidden();
        assertThat(page.locator("#editor-problem")).isHidden();
    }
}
