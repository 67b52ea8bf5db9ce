package org.corroborate.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.corroborate.SeparateWorkbenchTest;
import org.corroborate.annotation.AnnotationDetails;
import org.corroborate.annotation.AnnotationRequest;
import org.corroborate.annotation.AnnotationService;
import org.corroborate.base.CurrentActor;
import org.corroborate.base.Role;
import org.corroborate.browser.BrowserTest;
import org.corroborate.source.SourceService;
import org.corroborate.testing.TestProjects;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Undo and redo as a reviewer sees them on a big source (200,000 characters, 5,000 of her own
 * annotations shown): the milliseconds, measured in the browser, from the keydown of Ctrl+Z (or
 * Ctrl+Shift+Z) until the highlight is gone (or back). The issue asks for under 100 ms. Run with
 * {@code ./workbench bench -Dtest=UndoBenchmark}; figures are recorded in docs/benchmarks.md.
 */
@Tag("bench")
@SeparateWorkbenchTest // the production limits: its source is larger than the shared workbench takes
class UndoBenchmark extends BrowserTest {

    private static final int LENGTH = 200_000;
    private static final int ANNOTATIONS = 5_000;
    private static final String MARK = "Undo benchmark sentence here.";
    private static final int ROUNDS = 15;

    @Autowired SourceService sources;
    @Autowired AnnotationService annotations;
    @Autowired CurrentActor actor;

    private final BenchReport report = new BenchReport();

    @Test
    void undoAndRedoOfACreateOnABigSource() {
        long sourceId = prepare();
        signIn(page, "alice");
        page.navigate(url("/sources/" + sourceId));
        page.waitForFunction("() => document.querySelectorAll('#source-text [data-ids]').length > 1000");

        page.evaluate("() => document.querySelector('#source-text').revealRange(5, 23)"); // "benchmark sentence"
        page.locator("#source-text").press("1");
        page.locator("#editor-quote").waitFor();
        page.keyboard().press("Escape");
        long id = actor.runAs("alice", Role.REVIEWER, () -> annotations.visible(sourceId, java.util.Set.of("alice")))
                .stream().filter(a -> a.text().equals("benchmark sentence")).map(AnnotationDetails::id)
                .findFirst().orElseThrow();

        List<Long> undo = new ArrayList<>();
        List<Long> undoConfirmed = new ArrayList<>();
        List<Long> redo = new ArrayList<>();
        List<Long> redoConfirmed = new ArrayList<>();
        for (int i = 0; i < ROUNDS; i++) {
            double[] undone = timeKeyUntil("Control+z", id, false, "undo", "Undo");
            double[] redone = timeKeyUntil("Control+Shift+z", id, true, "redo", "Redo");
            undo.add(Math.round(undone[0]));
            undoConfirmed.add(Math.round(undone[1]));
            redo.add(Math.round(redone[0]));
            redoConfirmed.add(Math.round(redone[1]));
        }
        report.add("browser: Ctrl+Z until the highlight is gone (200k chars, 5,000 shown)", undo.subList(1, ROUNDS));
        report.add("browser: Ctrl+Z until the server has done it (buttons updated)", undoConfirmed.subList(1, ROUNDS));
        report.add("browser: Ctrl+Shift+Z until the highlight is back", redo.subList(1, ROUNDS));
        report.add("browser: Ctrl+Shift+Z until the server has done it", redoConfirmed.subList(1, ROUNDS));
        report.publish("undo", "Undo benchmark");
        assertThat(undo).isNotEmpty();
    }

    /**
     * Presses a key; the milliseconds from its keydown until the highlight of {@code id} is gone or
     * there, and until the server's answer has arrived (the {@code button}'s label back to {@code idle}:
     * the step has moved to the other stack).
     */
    private double[] timeKeyUntil(String key, long id, boolean present, String button, String idle) {
        page.evaluate("([id, present, button, idle]) => { window.cbTiming = new Promise(resolve => { let t0, seen;"
                + " document.addEventListener('keydown', () => t0 = performance.now(), {capture: true, once: true});"
                + " const check = () => { if (t0 !== undefined) {"
                + " const shown = !!document.querySelector(`#source-text [data-ids~=\"${id}\"]`);"
                + " if (seen === undefined && shown === present) seen = performance.now() - t0;"
                + " if (seen !== undefined && document.getElementById(button).getAttribute('aria-label') === idle)"
                + " { resolve([seen, performance.now() - t0]); return; } }"
                + " requestAnimationFrame(check); }; requestAnimationFrame(check); }); }",
                List.of(String.valueOf(id), present, button, idle));
        page.keyboard().press(key);
        @SuppressWarnings("unchecked")
        List<Number> times = (List<Number>) page.evaluate("() => window.cbTiming");
        return new double[] {times.get(0).doubleValue(), times.get(1).doubleValue()};
    }

    private long prepare() {
        String text = MARK + " " + BenchTexts.sentences(LENGTH);
        long sourceId = actor.runAs("admin", Role.ADMIN, () -> sources.importText(TestProjects.MAIN,
                "Undo benchmark source", text, null, null, null, null)).source().id();
        Random random = new Random(42);
        for (int i = 0; i < ANNOTATIONS; i++) {
            int start = 40 + random.nextInt(LENGTH - 500);
            int end = start + 5 + random.nextInt(300);
            actor.runAs("alice", Role.REVIEWER, () -> annotations.create(sourceId,
                    AnnotationRequest.create(start, end, "FACT", Map.of(), null)));
        }
        return sourceId;
    }
}
