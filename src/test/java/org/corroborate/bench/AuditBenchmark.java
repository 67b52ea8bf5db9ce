package org.corroborate.bench;

import org.corroborate.testing.TestProjects;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.corroborate.SeparateWorkbenchTest;
import org.corroborate.annotation.AnnotationRequest;
import org.corroborate.annotation.AnnotationService;
import org.corroborate.audit.AuditChain;
import org.corroborate.audit.AuditFilter;
import org.corroborate.audit.AuditService;
import org.corroborate.audit.AuditVerification;
import org.corroborate.base.CurrentActor;
import org.corroborate.base.Role;
import org.corroborate.browser.BrowserTest;
import org.corroborate.source.SourceService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ApplicationEventMulticaster;
import org.springframework.context.event.ApplicationListenerMethodAdapter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The audit trail's costs: how much slower annotation writes are with the audit event than
 * without (same run), how long verifying 1,000,000 chained events takes, and how fast the audit
 * view opens on a log that long. H2 in a file, as the workbench runs by default.
 * Run with {@code ./workbench bench -Dtest=AuditBenchmark}; figures are in docs/benchmarks.md.
 */
@Tag("bench")
@SeparateWorkbenchTest // the production settings, on the file database below
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:file:./target/bench/audit-${random.uuid}/workbench")
class AuditBenchmark extends BrowserTest {

    private static final int EVENTS = 1_000_000;
    private static final int WRITES = 6_000;

    @Autowired SourceService sources;
    @Autowired AnnotationService annotations;
    @Autowired AuditService audit;
    @Autowired CurrentActor actor;
    @Autowired JdbcTemplate jdbc;
    @Autowired ApplicationEventMulticaster multicaster;

    private final BenchReport report = new BenchReport();

    @Test
    void auditCosts() throws Exception {
        measureWriteOverhead();
        measureDurableCommitCost();
        fillTo(EVENTS);
        List<Long> verify = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            AuditVerification result = actor.runAs("sam", Role.SUPERVISOR, audit::verify);
            assertThat(result.valid()).as(result.problem()).isTrue();
            verify.add(result.millis());
        }
        report.add(String.format("verify: re-walk %,d events", EVENTS), verify);

        List<Long> first = new ArrayList<>();
        List<Long> deep = new ArrayList<>();
        List<Long> filtered = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            // A different actor each time, so no database result cache answers for us.
            AuditFilter byActor = AuditFilter.NONE.withActor(List.of("alice", "bob", "carol", "sam", "dana").get(i % 5));
            first.add(timed(() -> audit.search(AuditFilter.NONE, 0, 50)));
            deep.add(timed(() -> audit.search(AuditFilter.NONE, 900_000, 50)));
            filtered.add(timed(() -> audit.search(byActor, 0, 50)));
        }
        report.add("server: first page of 50, no filter", first);
        report.add("server: page of 50 at offset 900,000, no filter", deep);
        report.add("server: first page of 50, filtered by actor", filtered);

        signIn(page, "sam");
        List<Long> baseline = new ArrayList<>();
        List<Long> inApp = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            long t0 = System.nanoTime();
            page.navigate(url("/scheme"));
            page.locator("#scheme-labels").waitFor();
            page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");
            long loaded = (System.nanoTime() - t0) / 1_000_000;
            t0 = System.nanoTime();
            page.locator("vaadin-side-nav-item", new Page.LocatorOptions().setHasText("Audit trail")).click();
            page.locator("#audit-events vaadin-grid-cell-content").filter(new com.microsoft.playwright.Locator
                    .FilterOptions().setHasText("annotation.created")).first().waitFor();
            page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");
            if (i > 0) {
                baseline.add(loaded);
                inApp.add((System.nanoTime() - t0) / 1_000_000);
            }
        }
        report.add("browser: full page load of the static label scheme view (baseline)", baseline);
        report.add(String.format("browser: from the menu to the audit view with %,d events painted", EVENTS), inApp);
        List<Long> view = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            long t0 = System.nanoTime();
            page.navigate(url("/audit"));
            page.locator("#audit-events vaadin-grid-cell-content").filter(new com.microsoft.playwright.Locator
                    .FilterOptions().setHasText("annotation.created")).first().waitFor();
            page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");
            if (i > 0) {
                view.add((System.nanoTime() - t0) / 1_000_000);
            }
        }
        report.add(String.format("browser: full page load of the audit view with %,d events, until painted", EVENTS), view);

        report.publish("audit", "Audit benchmark");
    }

    /**
     * The same annotation writes in alternating rounds with and without the audit event recorder
     * (removed from the event multicaster for the "without" rounds). On two shared cores single
     * rounds are noisy, so it reports the pooled ratio and the median of the per-round ratios.
     */
    private void measureWriteOverhead() {
        long sourceId = actor.runAs("alice", Role.REVIEWER, () -> sources.importText(TestProjects.MAIN, "Overhead",
                "Words to annotate again and again. ".repeat(200) + UUID.randomUUID(), null, null, null, null))
                .source().id();
        List<ApplicationListener<?>> recorder = new ArrayList<>();
        Random random = new Random(3);
        long with = 0;
        long without = 0;
        List<Double> ratios = new ArrayList<>();
        writes(sourceId, random, 500); // warm-up
        int rounds = 12;
        for (int round = 0; round < rounds; round++) {
            long on = writes(sourceId, random, WRITES / rounds);
            multicaster.removeApplicationListeners(listener -> {
                boolean audits = listener instanceof ApplicationListenerMethodAdapter adapter
                        && adapter.getListenerId().contains("AuditRecorder");
                if (audits) {
                    recorder.add(listener);
                }
                return audits;
            });
            long off = writes(sourceId, random, WRITES / rounds);
            recorder.forEach(multicaster::addApplicationListener);
            recorder.clear();
            with += on;
            without += off;
            ratios.add((double) on / off);
        }
        ratios.sort(Double::compare);
        report.append(String.format("writes: %,d annotation creates with the audit event %,d ms, without %,d ms: "
                        + "ratio %.2fx pooled, %.2fx median of %d rounds (entity history on in both)%n",
                WRITES / rounds * rounds, with / 1_000_000, without / 1_000_000, (double) with / without,
                ratios.get(rounds / 2), rounds));
    }

    /**
     * What durable commits cost: the same annotation creates (audit event included) with H2 writing
     * each commit before it returns ({@code WRITE_DELAY 0}, what the workbench sets) and with H2's
     * default of writing commits in the background up to 500 ms later, in alternating rounds, from
     * one thread and from four at once.
     */
    private void measureDurableCommitCost() throws Exception {
        long sourceId = actor.runAs("alice", Role.REVIEWER, () -> sources.importText(TestProjects.MAIN, "Durable",
                "Words to annotate again and again. ".repeat(200) + UUID.randomUUID(), null, null, null, null))
                .source().id();
        Random random = new Random(7);
        int rounds = 8;
        int perRound = 250;
        for (int threads : new int[] {1, 4}) {
            long durable = 0;
            long delayed = 0;
            List<Double> ratios = new ArrayList<>();
            concurrentWrites(sourceId, random, threads, perRound); // warm-up
            for (int round = 0; round < rounds; round++) {
                jdbc.execute("SET WRITE_DELAY 0");
                long on = concurrentWrites(sourceId, random, threads, perRound);
                jdbc.execute("SET WRITE_DELAY 500");
                long off = concurrentWrites(sourceId, random, threads, perRound);
                durable += on;
                delayed += off;
                ratios.add((double) on / off);
            }
            jdbc.execute("SET WRITE_DELAY 0");
            ratios.sort(Double::compare);
            int total = rounds * perRound;
            report.append(String.format("durable commits, %d thread%s: %,d annotation creates with each commit written "
                            + "before it returns %,d ms (%.2f ms each, %.0f/s), written up to 500 ms later %,d ms "
                            + "(%.2f ms each, %.0f/s): ratio %.2fx pooled, %.2fx median of %d rounds%n",
                    threads, threads == 1 ? "" : "s", total, durable / 1_000_000, durable / 1e6 / total * threads,
                    total / (durable / 1e9), delayed / 1_000_000, delayed / 1e6 / total * threads,
                    total / (delayed / 1e9), (double) durable / delayed, ratios.get(rounds / 2), rounds));
        }
    }

    /** {@code count} creates shared among {@code threads} threads; the wall time in nanoseconds. */
    private long concurrentWrites(long sourceId, Random random, int threads, int count) throws Exception {
        if (threads == 1) {
            return writes(sourceId, random, count);
        }
        long seed = random.nextLong();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(threads)) {
            long t0 = System.nanoTime();
            List<java.util.concurrent.Future<Long>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Random own = new Random(seed + t);
                done.add(pool.submit(() -> writes(sourceId, own, count / threads)));
            }
            for (var future : done) {
                future.get();
            }
            return System.nanoTime() - t0;
        }
    }

    private long writes(long sourceId, Random random, int count) {
        long t0 = System.nanoTime();
        for (int i = 0; i < count; i++) {
            int start = random.nextInt(6000);
            actor.runAs("alice", Role.REVIEWER, () -> annotations.create(sourceId,
                    AnnotationRequest.create(start, start + 5, "FACT", Map.of(), null)));
        }
        return System.nanoTime() - t0;
    }

    /** Appends chained events straight into the log until it holds {@code total}, as years of work would. */
    private void fillTo(int total) {
        long seq = jdbc.queryForObject("select seq from audit_chain_head where id = 1", Long.class);
        String previous = jdbc.queryForObject("select hash from audit_event where seq = ?", String.class, seq);
        String[] actors = {"alice", "bob", "carol", "sam", "dana"};
        long t0 = System.nanoTime();
        Instant time = Instant.parse("2026-01-01T00:00:00Z");
        List<Object[]> batch = new ArrayList<>();
        while (seq < total) {
            seq++;
            time = time.plusMillis(137);
            String after = "{\"id\":" + seq + ",\"label\":\"FACT\",\"start\":" + (seq % 5000) + ",\"end\":"
                    + (seq % 5000 + 9) + ",\"text\":\"regulator\"}";
            AuditChain.Fields fields = new AuditChain.Fields(seq, time, actors[(int) (seq % 5)], "annotation.created",
                    "Annotation", String.valueOf(seq), 1L, null, after, null, "bench");
            String hash = AuditChain.hash(previous, fields);
            batch.add(new Object[] {seq, previous, hash, Timestamp.from(time), fields.actor(), fields.action(),
                    fields.entityType(), fields.entityId(), fields.sourceId(), fields.after(), fields.origin()});
            previous = hash;
            if (batch.size() == 5000 || seq == total) {
                jdbc.batchUpdate("insert into audit_event (seq, prev_hash, hash, occurred_at, actor, action, entity_type,"
                        + " entity_id, source_id, after_state, origin) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", batch);
                batch.clear();
            }
        }
        jdbc.update("update audit_chain_head set seq = ? where id = 1", seq);
        report.append(String.format("setup: log filled to %,d events in %,d ms%n", total,
                (System.nanoTime() - t0) / 1_000_000));
    }

    private long timed(Runnable work) {
        long t0 = System.nanoTime();
        actor.runAs("sam", Role.SUPERVISOR, () -> {
            work.run();
            return null;
        });
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
