package org.corroborate.bench;

import org.corroborate.testing.TestProjects;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.corroborate.SeparateWorkbenchTest;
import org.corroborate.annotation.AnnotationRequest;
import org.corroborate.annotation.AnnotationService;
import org.corroborate.base.CurrentActor;
import org.corroborate.browser.BrowserTest;
import org.corroborate.security.AccountService;
import org.corroborate.project.ProjectService;
import org.corroborate.security.NewAccount;
import org.corroborate.testing.TestAccounts;
import org.corroborate.base.Role;
import org.corroborate.source.SourceService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The annotation workspace on a big source: 200,000 characters, 5,000 annotations by 5 reviewers.
 * Prints the time to open the view (server, and until the browser has painted), the time for a
 * change to show in a second open browser, and the heap each open view holds.
 * Run with {@code ./workbench bench}; figures are recorded in docs/benchmarks.md.
 */
@Tag("bench")
@SeparateWorkbenchTest // the production limits: its sources are larger than the shared workbench takes
class WorkspaceBenchmark extends BrowserTest {

    private static final int LENGTH = 200_000;
    private static final int ANNOTATIONS = 5_000;
    private static final List<String> REVIEWERS = List.of("alice", "bob", "carol", "sam", "dana");
    private static final String[] LABELS = {"FACT", "QUOTE", "ALLEGATION"};

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

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    private final BenchReport report = new BenchReport();

    @Test
    void openAndLiveUpdateOnABigSource() throws Exception {
        long sourceId = prepare();

        // Server: loading what the view needs (the text and the visible annotations).
        List<Long> server = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            long t0 = System.nanoTime();
            actor.runAs("alice", Role.REVIEWER, () -> {
                sources.get(sourceId);
                return annotations.visible(sourceId, null);
            });
            server.add((System.nanoTime() - t0) / 1_000_000);
        }
        report.add("server: source text + 5,000 annotations loaded", server);

        signIn(page, "alice");
        List<Long> open = new ArrayList<>();
        List<Long> render = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            long t0 = System.nanoTime();
            page.navigate(url("/sources/" + sourceId));
            page.locator("#layer vaadin-radio-button:has-text(\"Everyone's\") input").check();
            page.waitForFunction("() => document.querySelectorAll('#source-text [data-ids]').length > 1000");
            page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");
            long elapsed = (System.nanoTime() - t0) / 1_000_000;
            if (i > 0) {
                open.add(elapsed);
                render.add(((Number) page.evaluate("() => document.querySelector('#source-text').lastRenderMs"))
                        .longValue());
            }
        }
        report.add("browser: navigate, show everyone's, until painted", open);
        report.add("browser: component's full render of all highlights", render);

        BrowserContext bobContext = newContext();
        Page bob = bobContext.newPage();
        signIn(bob, "bob");
        bob.navigate(url("/sources/" + sourceId));
        bob.locator("#layer vaadin-radio-button:has-text(\"Everyone's\") input").check();
        bob.waitForFunction("() => document.querySelectorAll('#source-text [data-ids]').length > 1000");
        List<Long> live = new ArrayList<>();
        Random random = new Random(7);
        for (int i = 0; i < 20; i++) {
            int start = random.nextInt(LENGTH - 100);
            bob.evaluate("() => { window.__seen = null; const root = document.querySelector('#source-text');"
                    + " new MutationObserver((m, o) => { window.__seen = Date.now(); o.disconnect(); })"
                    + ".observe(root, {subtree: true, childList: true, attributes: true}); }");
            long sent = System.currentTimeMillis();
            actor.runAs("alice", Role.REVIEWER, () -> annotations.create(sourceId,
                    AnnotationRequest.create(start, start + 12, "FACT", Map.of(), null)));
            bob.waitForFunction("() => window.__seen !== null");
            live.add(((Number) bob.evaluate("() => window.__seen")).longValue() - sent);
        }
        report.add("live: saved by alice until changed in bob's open view", live);
        bobContext.close();

        measureHeapPerView(sourceId);
        report.publish("workspace", "Workspace benchmark");
        assertThat(open).isNotEmpty();
    }

    private void measureHeapPerView(long sourceId) {
        long before = usedHeapAfterGc();
        List<BrowserContext> viewers = new ArrayList<>();
        int views = 8;
        for (int i = 0; i < views; i++) {
            BrowserContext context = newContext();
            Page viewer = context.newPage();
            signIn(viewer, REVIEWERS.get(i % 3));
            viewer.navigate(url("/sources/" + sourceId));
            viewer.locator("#layer vaadin-radio-button:has-text(\"Everyone's\") input").check();
            viewer.waitForFunction("() => document.querySelectorAll('#source-text [data-ids]').length > 1000");
            viewers.add(context);
        }
        long after = usedHeapAfterGc();
        report.append(String.format("heap: %d open views hold %.1f MB more, %.2f MB per view%n", views,
                (after - before) / 1e6, (after - before) / 1e6 / views));
        viewers.forEach(BrowserContext::close);
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 4; i++) {
            System.gc();
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private long prepare() {
        // The source's project is one among several.
        BenchProjects.addNeighbours(jdbc, 3, 200, 100);
        actor.runAs("admin", Role.ADMIN, () -> {
            if (accounts.list().stream().noneMatch(a -> a.username().equals("dana"))) {
                accounts.create(new NewAccount("dana", "Dana Bench", "bench-password", Set.of()));
                new TestAccounts(accounts, projects, actor).join(TestProjects.MAIN, "dana", Set.of(Role.REVIEWER));
            }
            return null;
        });
        String text = BenchTexts.sentences(LENGTH);
        long sourceId = actor.runAs("admin", Role.ADMIN,
                () -> sources.importText(TestProjects.MAIN, "Benchmark source", text, null, null, null, null)).source().id();
        Random random = new Random(42);
        long t0 = System.nanoTime();
        for (int i = 0; i < ANNOTATIONS; i++) {
            String reviewer = REVIEWERS.get(i % REVIEWERS.size());
            int start = random.nextInt(LENGTH - 400);
            int end = start + 5 + random.nextInt(300);
            String label = LABELS[random.nextInt(LABELS.length)];
            Map<String, String> attributes = label.equals("QUOTE") ? Map.of("speaker", "Speaker " + (i % 40)) : Map.of();
            actor.runAs(reviewer, reviewer.equals("sam") ? Role.SUPERVISOR : Role.REVIEWER, () -> annotations.create(
                    sourceId, AnnotationRequest.create(start, end, label, attributes, null)));
        }
        report.append(String.format("setup: %,d annotations created through the service in %,d ms%n", ANNOTATIONS,
                (System.nanoTime() - t0) / 1_000_000));
        return sourceId;
    }
}
