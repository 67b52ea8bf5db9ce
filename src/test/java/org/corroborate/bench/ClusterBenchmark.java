package org.corroborate.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.corroborate.annotation.AnnotationBroadcaster;
import org.corroborate.base.CurrentActor;
import org.corroborate.base.Role;
import org.corroborate.project.ProjectService;
import org.corroborate.security.AccountService;
import org.corroborate.source.SourceService;
import org.corroborate.testing.HttpApi;
import org.corroborate.testing.TestAccounts;
import org.corroborate.testing.TestProjects;
import org.corroborate.testing.TwoNodes;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Two nodes on one PostgreSQL, 20 editors creating annotations through the API at once (half on each
 * node, HTTP Basic), and a supervisor with every source open on both nodes: creates per second, the
 * create latency each editor sees (p50/p95), and how soon a create reaches the view on the OTHER node:
 * the push latency metric (commit on the writing node to delivery there, {@code workbench.push.latency},
 * origin=remote) and, seen from outside, the time from the writer's answer to the delivery on the other
 * node. Target: cross-node push p95 under 250 ms.
 * Run with {@code ./workbench bench -Dtest=ClusterBenchmark} (needs the test PostgreSQL, as the
 * postgres tests); figures are in docs/benchmarks.md.
 */
@Tag("bench")
class ClusterBenchmark {

    private static final int EDITORS = 20;
    private static final int SOURCES = 10;
    private static final int WARM_UP = 5;
    private static final int CREATES = 60;

    private final BenchReport report = new BenchReport();

    @Test
    void twentyEditorsOnTwoNodes() throws Exception {
        try (TwoNodes nodes = new TwoNodes()) {
            CurrentActor actor = nodes.bean(0, CurrentActor.class);
            var accounts = new TestAccounts(nodes.bean(0, AccountService.class), nodes.bean(0, ProjectService.class), actor);
            List<String> editors = new ArrayList<>();
            for (int i = 0; i < EDITORS; i++) {
                editors.add("editor" + i);
                accounts.create("editor" + i, Role.REVIEWER);
            }
            String text = "Water. ".repeat(2_000);
            List<Long> sources = new ArrayList<>();
            for (int i = 0; i < SOURCES; i++) {
                int n = i;
                sources.add(actor.runAs("alice", Role.REVIEWER, () -> nodes.bean(0, SourceService.class)
                        .importText(TestProjects.MAIN, "Bench " + n, "Source " + n + ". " + text, null, null, null, null))
                        .source().id());
            }
            // The supervisor has every source open on both nodes; deliveries are timed as they arrive.
            List<Map<Long, Long>> deliveredAt = List.of(new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
            List<AutoCloseable> views = new ArrayList<>();
            for (int node = 0; node < 2; node++) {
                int at = node;
                var broadcaster = nodes.bean(node, AnnotationBroadcaster.class);
                for (long source : sources) {
                    views.add(nodes.bean(node, CurrentActor.class).runAs("sam", Role.SUPERVISOR, () ->
                            broadcaster.subscribe(source, "sam", change -> {
                                if (change.annotation() != null) {
                                    deliveredAt.get(at).putIfAbsent(change.annotation().id(), System.nanoTime());
                                }
                            }, names -> { }, visible -> { })));
                }
            }
            List<HttpApi> apis = List.of(new HttpApi(nodes.port(0)), new HttpApi(nodes.port(1)));
            run(editors, sources, apis, WARM_UP, null);

            List<long[]> creates = Collections.synchronizedList(new ArrayList<>());
            long started = System.nanoTime();
            run(editors, sources, apis, CREATES, creates);
            double seconds = (System.nanoTime() - started) / 1e9;
            Thread.sleep(2_000); // the last pushes arrive

            List<Long> latencies = new ArrayList<>();
            List<Long> crossNode = new ArrayList<>();
            int missing = 0;
            for (long[] c : creates) { // {node, id, sent, answered}
                latencies.add((c[3] - c[2]) / 1_000_000);
                Long other = deliveredAt.get(1 - (int) c[0]).get(c[1]);
                if (other == null) {
                    missing++;
                } else {
                    crossNode.add(Math.max(0, other - c[3]) / 1_000_000);
                }
            }
            report.append(String.format("%d editors (10 per node), %d creates each through the API: %.1f creates/s"
                    + " (%d in %.1f s)%n", EDITORS, CREATES, creates.size() / seconds, creates.size(), seconds));
            report.append("create latency (client): " + percentiles(latencies) + "\n");
            report.append("cross-node, writer's answer to delivery on the other node: " + percentiles(crossNode)
                    + ", not delivered: " + missing + "\n");
            for (int node = 0; node < 2; node++) {
                var timer = nodes.bean(node, AnnotationBroadcaster.class).pushLatency(true);
                StringBuilder line = new StringBuilder("workbench.push.latency origin=remote on node-" + (char) ('a' + node)
                        + " (commit there to delivery here, warm-up included):");
                for (ValueAtPercentile p : timer.takeSnapshot().percentileValues()) {
                    line.append(String.format(" p%.0f %.1f ms", p.percentile() * 100, p.value(TimeUnit.MILLISECONDS)));
                }
                report.append(line.append(String.format(", max %.1f ms, n=%d%n", timer.max(TimeUnit.MILLISECONDS),
                        timer.count())).toString());
            }
            report.publish("cluster", "Two nodes, one PostgreSQL, 20 editors");
            for (AutoCloseable view : views) {
                view.close();
            }
            assertThat(missing).isZero();
        }
    }

    /** Every editor creates {@code count} annotations on its node (even editors on node a), all at once. */
    private static void run(List<String> editors, List<Long> sources, List<HttpApi> apis, int count,
                            List<long[]> record) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(editors.size());
        List<Future<?>> done = new ArrayList<>();
        for (int e = 0; e < editors.size(); e++) {
            int editor = e;
            done.add(pool.submit(() -> {
                int node = editor % 2;
                long source = sources.get(editor % sources.size());
                for (int i = 0; i < count; i++) {
                    int start = (record == null ? 0 : WARM_UP + i) * 7 + (editor / sources.size()) * 3;
                    long sent = System.nanoTime();
                    var answer = apis.get(node).send(editors.get(editor), "POST", "/api/sources/" + source + "/annotations",
                            Map.of("start", start, "end", start + 5, "label", "FACT"));
                    long answered = System.nanoTime();
                    answer.expectOk("create");
                    if (record != null) {
                        record.add(new long[] {node, answer.id("id"), sent, answered});
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
    }

    private static String percentiles(List<Long> millis) {
        if (millis.isEmpty()) {
            return "none";
        }
        long[] sorted = millis.stream().mapToLong(Long::longValue).sorted().toArray();
        return String.format("p50 %d ms, p95 %d ms, max %d ms (n=%d)", sorted[sorted.length / 2],
                sorted[(int) Math.ceil(sorted.length * 0.95) - 1], sorted[sorted.length - 1], sorted.length);
    }
}
