package org.corroborate.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.corroborate.annotation.AnnotationRequest;
import org.corroborate.annotation.AnnotationService;
import org.corroborate.base.CurrentActor;
import org.corroborate.base.Role;
import org.corroborate.exchange.ImportReport;
import org.corroborate.exchange.ImportService;
import org.corroborate.source.SourceService;
import org.corroborate.testing.TestProjects;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Import of JSON Lines corpora of 1,000, 5,000, 20,000 and 100,000 spans (100 spans a source of
 * about 2,000 code points) into a fresh H2 file database: time and spans/s per size, to show that
 * the time grows linearly. Then the latency of annotation creates by another person (alice, one
 * every 200 ms) during a 20,000-span import, next to the same creates with nothing else running.
 * Run with {@code ./workbench bench -Dtest=ImportBenchmark}; {@code -Dimport.sizes=1000,5000}
 * chooses the sizes. Figures are in docs/benchmarks.md.
 */
@Tag("bench")
@SpringBootTest(properties = "workbench.demo=true")
class ImportBenchmark {

    static final int PER_SOURCE = 100;
    static final String[] WORDS = ("the council said water supply was safe residents allege utility knew lead pipes "
            + "report in 2019").split(" ");

    @DynamicPropertySource
    static void freshDatabase(DynamicPropertyRegistry registry) {
        registry.add("workbench.data-dir", () -> "./target/bench-data/import-" + System.currentTimeMillis());
    }

    @Autowired ImportService imports;
    @Autowired AnnotationService annotations;
    @Autowired SourceService sources;
    @Autowired CurrentActor actor;

    private int corpora;
    /** Code point offsets of letters in alice's source: where her one-character spans go. */
    private final List<Integer> letters = new ArrayList<>();

    @Test
    void importTimeGrowsLinearlyAndWritesGoOnDuringAnImport() throws Exception {
        BenchReport report = new BenchReport();
        report.append(String.format("H2 file database, fresh; JVM max heap %,d MB; %d spans a source%n",
                Runtime.getRuntime().maxMemory() / (1024 * 1024), PER_SOURCE));
        importOf(1_000); // warms the JIT and the caches; not reported
        for (String size : System.getProperty("import.sizes", "1000,5000,20000,100000").split(",")) {
            int spans = Integer.parseInt(size.strip());
            long t0 = System.nanoTime();
            ImportReport imported = importOf(spans);
            long millis = (System.nanoTime() - t0) / 1_000_000;
            assertThat(imported.spansImported()).isEqualTo(spans);
            report.append(String.format("import %,7d spans: %,7d ms = %,6.0f spans/s%n", spans, millis,
                    spans * 1000.0 / millis));
        }
        concurrentCreates(report);
        report.publish("import", "Import benchmark");
    }

    /** alice's creates alone, then during a 20,000-span import: latency and errors. */
    private void concurrentCreates(BenchReport report) throws Exception {
        long sourceId = actor.runAs("alice", Role.REVIEWER, () -> sources.list(TestProjects.MAIN)).getFirst().id();
        String text = actor.runAs("alice", Role.REVIEWER, () -> sources.get(sourceId)).text();
        int[] codePoints = text.codePoints().toArray();
        for (int i = 0; i < codePoints.length; i++) {
            if (Character.isLetter(codePoints[i])) {
                letters.add(i);
            }
        }
        List<Long> alone = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            alone.add(create(sourceId, i).millis());
            Thread.sleep(200);
        }
        report.add("create by alice, nothing else running", alone);
        byte[] corpus = corpus(20_000);
        AtomicBoolean running = new AtomicBoolean(true);
        List<Long> during = Collections.synchronizedList(new ArrayList<>());
        List<String> errors = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            int i = 100;
            while (running.get()) {
                Timed timed = create(sourceId, i++);
                if (timed.error() == null) {
                    during.add(timed.millis());
                } else {
                    errors.add(timed.error());
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        long t0 = System.nanoTime();
        ImportReport imported = actor.runAs("sam", Role.SUPERVISOR,
                () -> imports.importCorpus(TestProjects.MAIN, "jsonl", "during.jsonl", corpus, false));
        long millis = (System.nanoTime() - t0) / 1_000_000;
        running.set(false);
        writer.get();
        report.append(String.format("import of %,d spans with alice creating: %,d ms%n", imported.spansImported(),
                millis));
        if (!during.isEmpty()) {
            report.add("create by alice during the import", during);
        }
        report.append(String.format("create by alice: p95 %d ms alone, %d ms during the import; median %d ms more "
                + "during it%n", percentile(alone, 95), percentile(during, 95),
                percentile(during, 50) - percentile(alone, 50)));
        report.append(String.format("creates during the import: %d succeeded, %d failed%s%n", during.size(),
                errors.size(), errors.isEmpty() ? "" : " (first: " + errors.getFirst() + ")"));
    }

    private record Timed(long millis, String error) {}

    private static long percentile(List<Long> millis, int p) {
        if (millis.isEmpty()) {
            return -1;
        }
        long[] sorted = millis.stream().mapToLong(Long::longValue).sorted().toArray();
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private Timed create(long sourceId, int i) {
        long t0 = System.nanoTime();
        try {
            int start = letters.get(i % letters.size());
            actor.runAs("alice", Role.REVIEWER, () -> annotations.create(sourceId,
                    AnnotationRequest.create(start, start + 1, "FACT", Map.of(), null)));
            return new Timed((System.nanoTime() - t0) / 1_000_000, null);
        } catch (RuntimeException e) {
            return new Timed((System.nanoTime() - t0) / 1_000_000, e.getClass().getSimpleName() + ": "
                    + e.getMessage());
        }
    }

    private ImportReport importOf(int spans) {
        byte[] corpus = corpus(spans);
        return actor.runAs("sam", Role.SUPERVISOR,
                () -> imports.importCorpus(TestProjects.MAIN, "jsonl", "corpus-" + spans + ".jsonl", corpus, false));
    }

    /** Plain doccano lines, new texts each time: {@code spans} spans, 100 a source, distinct in each. */
    private byte[] corpus(int spans) {
        int corpus = ++corpora;
        Random random = new Random(corpus);
        StringBuilder out = new StringBuilder();
        for (int s = 0; s < spans / PER_SOURCE; s++) {
            StringBuilder text = new StringBuilder("Corpus " + corpus + ", report " + s + ".");
            while (text.length() < 2000) {
                text.append(' ').append(WORDS[random.nextInt(WORDS.length)]);
            }
            out.append("{\"text\":\"").append(text).append("\",\"label\":[");
            for (int k = 0; k < PER_SOURCE; k++) {
                int start = k * 19;
                out.append(k == 0 ? "" : ",").append('[').append(start).append(',').append(start + 5 + k % 11)
                        .append(",\"").append(k % 2 == 0 ? "FACT" : "ALLEGATION").append("\"]");
            }
            out.append("]}\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
