package org.corroborate.bench;

import org.corroborate.testing.TestProjects;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.corroborate.SeparateWorkbenchTest;
import org.corroborate.annotation.AnnotationRequest;
import org.corroborate.annotation.AnnotationService;
import org.corroborate.base.CurrentActor;
import org.corroborate.base.Role;
import org.corroborate.browser.BrowserTest;
import org.corroborate.review.adjudication.AdjudicationService;
import org.corroborate.source.SourceService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The curation page of a source with 1,000 disputed units (two reviewers, each unit a QUOTE whose end
 * they placed differently):
 * server time to build the units, the page until the first cards are painted and until every unit is in
 * the page, and the same page for a source with one unit (what the frame costs on its own).
 * Run with {@code ./workbench bench -Dtest=CurationBenchmark}; figures are in docs/benchmarks.md.
 */
@Tag("bench")
@SeparateWorkbenchTest // the production limits: its sources are larger than the shared workbench takes
class CurationBenchmark extends BrowserTest {

    @Autowired SourceService sources;
    @Autowired AnnotationService annotations;
    @Autowired AdjudicationService adjudication;
    @Autowired CurrentActor actor;

    @Test
    void curationOfAThousandDisputedUnits() {
        String sentence = "The council said the results were late. ";
        long source = actor.runAs("admin", Role.ADMIN, () -> sources.importText(TestProjects.MAIN, "Curation bench",
                sentence.repeat(1000) + System.nanoTime(), null, null, null, null)).source().id();
        for (int i = 0; i < 1000; i++) {
            int start = i * sentence.length() + 4;
            int end = start + 30;
            actor.runAs("alice", Role.REVIEWER, () -> annotations.create(source,
                    AnnotationRequest.create(start, end, "QUOTE", Map.of(), null)));
            actor.runAs("bob", Role.REVIEWER, () -> annotations.create(source,
                    AnnotationRequest.create(start, end - 5, "QUOTE", Map.of(), null)));
        }
        BenchReport report = new BenchReport();
        List<Long> server = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            long t0 = System.nanoTime();
            int units = actor.runAs("sam", Role.SUPERVISOR, () -> adjudication.units(source)).size();
            server.add((System.nanoTime() - t0) / 1_000_000);
            assertThat(units).isEqualTo(1000);
        }
        report.add("server: 1,000 units built from 2,000 annotations", server);
        signIn(page, "sam");
        List<Long> open = new ArrayList<>();
        List<Long> complete = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            long t0 = System.nanoTime();
            page.navigate(url("/curate/" + source));
            page.locator("#units .cb-accept").first().waitFor();
            page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");
            long painted = System.nanoTime();
            // Every unit has arrived in the page (the first screen's come first, the rest in one more round trip;
            // the grid of before issue 12 had no such property and counts as complete when painted).
            page.waitForFunction("() => { const units = document.querySelector('#units');"
                    + " return !('units' in units) || units.units.length === 1000; }");
            if (i > 0) {
                open.add((painted - t0) / 1_000_000);
                complete.add((System.nanoTime() - t0) / 1_000_000);
            }
        }
        report.add("browser: curation page with 1,000 disputed units, full page load until painted", open);
        report.add("browser: the same, until all 1,000 units are in the page", complete);
        // The frame alone: the same page for a source with one unit, so the difference is the units' cost.
        long small = actor.runAs("admin", Role.ADMIN, () -> sources.importText(TestProjects.MAIN, "Curation bench, one unit",
                sentence + System.nanoTime(), null, null, null, null)).source().id();
        actor.runAs("alice", Role.REVIEWER, () -> annotations.create(small,
                AnnotationRequest.create(4, 34, "QUOTE", Map.of(), null)));
        List<Long> frame = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            long t0 = System.nanoTime();
            page.navigate(url("/curate/" + small));
            page.locator("#units .cb-accept").first().waitFor();
            page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");
            if (i > 0) {
                frame.add((System.nanoTime() - t0) / 1_000_000);
            }
        }
        report.add("browser: the same page for a source with 1 unit (the frame's own cost)", frame);
        report.publish("curation", "Curation benchmark");
    }
}
