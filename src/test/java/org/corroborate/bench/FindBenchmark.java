package org.corroborate.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.corroborate.SeparateWorkbenchTest;
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
 * Find in text (Ctrl+F) on a 1,000,000-character source with 2,000 annotations, in the browser:
 * for each query, the time from the query being typed to the hits counted and highlighted (the
 * search and highlighting run synchronously on input), and until the next two frames are painted.
 * Run with {@code ./workbench bench -Dtest=FindBenchmark}; figures are recorded in docs/benchmarks.md.
 */
@Tag("bench")
@SeparateWorkbenchTest // a source of about 1.3 MB: the production limits, not the shared workbench's
class FindBenchmark extends BrowserTest {

    private static final int LENGTH = 1_000_000;
    private static final int ANNOTATIONS = 2_000;
    private static final List<String> QUERIES = List.of("water", "council said", "ELLSWORTH", "قال السكان",
            "💧 asked", "regulator waited", "the", "e", "no such words here", "Delayed By Months",
            "engineers warned managers", "w");

    @Autowired
    SourceService sources;

    @Autowired
    AnnotationService annotations;

    @Autowired
    CurrentActor actor;

    private final BenchReport report = new BenchReport();

    @Test
    void findOverAMillionCharacters() {
        String text = bigText();
        long sourceId = actor.runAs("admin", Role.ADMIN, () -> sources.importText(TestProjects.MAIN,
                "Find benchmark source", text, null, null, null, null)).source().id();
        Random random = new Random(3);
        for (int i = 0; i < ANNOTATIONS; i++) {
            int start = random.nextInt(LENGTH - 400);
            int end = start + 5 + random.nextInt(200);
            actor.runAs("alice", Role.REVIEWER, () -> annotations.create(sourceId,
                    AnnotationRequest.create(start, end, "FACT", Map.of(), null)));
        }

        signIn(page, "alice");
        page.navigate(url("/sources/" + sourceId));
        page.waitForFunction("() => document.querySelectorAll('#source-text [data-ids]').length > 500");
        int length = ((Number) page.evaluate("() => document.querySelector('#source-text').index.length")).intValue();
        assertThat(length).isGreaterThanOrEqualTo(LENGTH);
        page.locator("#source-title").click();
        page.keyboard().press("Control+f");
        page.locator("#source-text .cb-find input").waitFor();

        List<Long> synchronous = new ArrayList<>();
        List<Long> painted = new ArrayList<>();
        StringBuilder counts = new StringBuilder();
        for (int round = 0; round < 3; round++) {
            for (String query : QUERIES) {
                @SuppressWarnings("unchecked")
                List<Object> result = (List<Object>) page.evaluate("""
                        q => new Promise(resolve => {
                          const text = document.querySelector('#source-text');
                          const input = text.querySelector('.cb-find input');
                          const t0 = performance.now();
                          input.value = q;
                          input.dispatchEvent(new Event('input'));
                          const sync = performance.now() - t0;
                          requestAnimationFrame(() => requestAnimationFrame(() => resolve([sync,
                              performance.now() - t0, text.querySelector('.cb-find-count').textContent])));
                        })""", query);
                synchronous.add(Math.round(((Number) result.get(0)).doubleValue()));
                painted.add(Math.round(((Number) result.get(1)).doubleValue()));
                if (round == 0) {
                    counts.append(String.format("  \"%s\": %s%n", query, result.get(2)));
                }
            }
        }
        report.append(String.format("text: %,d code points, %,d annotations; %d queries x 3 rounds%n", length,
                ANNOTATIONS, QUERIES.size()));
        report.add("find: typed until counted and highlighted (synchronous)", synchronous);
        report.append(percentiles("find, synchronous", synchronous));
        report.add("find: typed until two frames painted", painted);
        report.append(percentiles("find, painted", painted));
        report.append("hits per query (first round):\n").append(counts.toString());

        List<Long> steps = new ArrayList<>();
        page.locator("#source-text .cb-find input").fill("water");
        for (int i = 0; i < 20; i++) {
            steps.add(Math.round(((Number) page.evaluate("""
                    () => new Promise(resolve => {
                      const input = document.querySelector('#source-text .cb-find input');
                      const t0 = performance.now();
                      input.dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter', bubbles: true, cancelable: true}));
                      requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - t0)));
                    })""")).doubleValue()));
        }
        report.add("find: Enter to the next hit, scrolled and painted", steps);
        report.publish("find", "Find-in-text benchmark");
        assertThat(synchronous).isNotEmpty();
    }

    private static String percentiles(String what, List<Long> millis) {
        long[] sorted = millis.stream().mapToLong(Long::longValue).sorted().toArray();
        return String.format("%s: p50 %d ms, p95 %d ms%n", what, sorted[sorted.length / 2],
                sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * 0.95) - 1)]);
    }

    /** 1,000,000 code points of sentences, with emoji and Arabic so offsets are exercised. */
    private static String bigText() {
        String[] words = ("the council said water results were delayed by months and residents 💧 asked why "
                + "engineers warned managers قال السكان in august while the regulator waited in Ellsworth").split(" ");
        Random random = new Random(11);
        StringBuilder text = new StringBuilder();
        int codePoints = 0;
        while (codePoints < LENGTH + 10) {
            int n = 8 + random.nextInt(20);
            for (int i = 0; i < n; i++) {
                String word = words[random.nextInt(words.length)];
                text.append(word).append(i == n - 1 ? ". " : " ");
                codePoints += word.codePointCount(0, word.length()) + (i == n - 1 ? 2 : 1);
            }
            if (random.nextInt(6) == 0) {
                text.append("\n\n");
                codePoints += 2;
            }
        }
        return text.toString();
    }
}
