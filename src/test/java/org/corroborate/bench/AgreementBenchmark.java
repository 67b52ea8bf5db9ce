package org.corroborate.bench;

import org.corroborate.testing.TestProjects;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.corroborate.base.Role;
import org.corroborate.review.agreement.AgreementMeasure;
import org.corroborate.review.agreement.AgreementStudy;
import org.corroborate.review.agreement.MeasureResult;
import org.corroborate.review.agreement.ReviewerSpan;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Agreement over a corpus the size of a real study: 100,000 annotations by 5 reviewers on 500
 * sources of 5,000 code points, every measure, in memory and through the service from H2. Prints the times.
 * Run with {@code ./workbench bench -Dtest=AgreementBenchmark}; figures are in docs/benchmarks.md.
 */
@Tag("bench")
@SpringBootTest(properties = {"workbench.demo=true",
        "spring.datasource.url=jdbc:h2:mem:workbench-agreement-bench;DB_CLOSE_DELAY=-1"})
class AgreementBenchmark {

    @Autowired
    List<AgreementMeasure> measures;

    @Autowired
    org.corroborate.review.agreement.AgreementService agreement;

    @Autowired
    org.corroborate.source.SourceService sources;

    @Autowired
    org.corroborate.base.CurrentActor actor;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void everyMeasureOverAHundredThousandAnnotations() {
        List<String> reviewers = List.of("alice", "bob", "carol", "dana", "erin");
        List<String> labels = List.of("FACT", "QUOTE", "ALLEGATION");
        Map<Long, Integer> lengths = new LinkedHashMap<>();
        List<ReviewerSpan> spans = new ArrayList<>();
        Random random = new Random(11);
        for (long source = 1; source <= 500; source++) {
            lengths.put(source, 5000);
            // 40 "true" spans per source; each reviewer finds most of them, with jittered boundaries.
            for (int k = 0; k < 45; k++) {
                int start = random.nextInt(4800);
                int end = start + 10 + random.nextInt(150);
                String label = labels.get(random.nextInt(3));
                for (String reviewer : reviewers) {
                    if (random.nextInt(10) < 9) {
                        int jitter = random.nextInt(3) == 0 ? random.nextInt(5) : 0;
                        String chosen = random.nextInt(8) == 0 ? labels.get(random.nextInt(3)) : label;
                        spans.add(new ReviewerSpan(source, reviewer, chosen, start + jitter, Math.min(5000, end + jitter)));
                    }
                }
            }
        }
        while (spans.size() > 100_000) {
            spans.removeLast();
        }
        AgreementStudy study = new AgreementStudy(lengths, reviewers, labels, spans);
        BenchReport report = new BenchReport();
        report.append(String.format("study: %,d annotations, %d reviewers, %d sources of 5,000 code points%n",
                spans.size(), reviewers.size(), lengths.size()));
        List<Long> all = new ArrayList<>();
        for (int run = 0; run < 4; run++) {
            long t0 = System.nanoTime();
            for (AgreementMeasure measure : measures) {
                long m0 = System.nanoTime();
                MeasureResult result = measure.measure(study);
                if (run == 3) {
                    report.append(String.format("  %s: %.3f overall, %,d ms%n", result.measure(), result.overall(),
                            (System.nanoTime() - m0) / 1_000_000));
                }
            }
            all.add((System.nanoTime() - t0) / 1_000_000);
        }
        report.add("all measures over the study", all.subList(1, all.size()));
        throughTheService(study, report);
        report.publish("agreement", "Agreement benchmark");
        assertThat(all).isNotEmpty();
    }

    /**
     * The same study stored in the database (500 imported sources; the annotations written straight
     * into the table, as years of work would leave them), then GET /api/agreement's service call.
     */
    private void throughTheService(AgreementStudy study, BenchReport report) {
        // The study's project is one among several of like size.
        BenchProjects.addNeighbours(jdbc, 3, 500, 200);
        String text = "x".repeat(5000);
        Map<Long, Long> ids = new LinkedHashMap<>();
        for (long source : study.sourceLengths().keySet()) {
            long id = actor.runAs("admin", Role.ADMIN, () -> sources.importText(TestProjects.MAIN, "Bench " + source,
                    text.substring(0, 4990) + String.format("%010d", source), null, null, null, null)).source().id();
            ids.put(source, id);
        }
        java.sql.Timestamp now = java.sql.Timestamp.from(java.time.Instant.now());
        List<Object[]> rows = new ArrayList<>();
        for (ReviewerSpan s : study.spans()) {
            rows.add(new Object[] {TestProjects.MAIN, ids.get(s.sourceId()), s.start(), s.end(), s.label(), "{}", s.reviewer(), now, now,
                    "x".repeat(s.end() - s.start()), "", ""});
        }
        jdbc.batchUpdate("insert into annotation (project_id, source_id, start_offset, end_offset, label, attributes, "
                + "author, created_at, modified_at, covered_text, context_before, context_after, version, scheme_version) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 1)", rows);
        List<Long> times = new ArrayList<>();
        List<Long> benchIds = new ArrayList<>(ids.values());
        for (int run = 0; run < 4; run++) {
            long t0 = System.nanoTime();
            var result = actor.runAs("sam", Role.SUPERVISOR, () -> agreement.agreement(TestProjects.MAIN, benchIds));
            times.add((System.nanoTime() - t0) / 1_000_000);
            assertThat(result.annotations()).isEqualTo(study.spans().size());
        }
        report.add("through AgreementService (read from H2 + every measure)", times.subList(1, times.size()));
    }

}
