package org.corroborate.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.corroborate.annotation.AnnotationRequest;
import org.corroborate.annotation.AnnotationService;
import org.corroborate.base.CurrentActor;
import org.corroborate.base.Role;
import org.corroborate.base.Sha256;
import org.corroborate.claim.suggestion.Suggestion;
import org.corroborate.claim.suggestion.SuggestionService;
import org.corroborate.claim.suggestion.SuggestionSet;
import org.corroborate.project.ProjectService;
import org.corroborate.security.AccountService;
import org.corroborate.source.SourceService;
import org.corroborate.testing.TestAccounts;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Suggestions for one annotation in a project of 10,000 sources of about 3,000 characters
 * ({@link NewsText}: generated news-like text, Zipf-distributed words whose frequent part is the
 * labelled set's vocabulary), with
 * the labelled set (src/test/resources/claims/suggestion-set.json) among them: the cold index build
 * (the first question, which indexes every source), then each question's time (p50, p95; target
 * p95 under 300 ms), and recall@5 on the labelled set, in the haystack and on its own.
 * Run with {@code ./workbench bench -Dtest=SuggestionBenchmark}; figures are in docs/benchmarks.md.
 */
@Tag("bench")
@SpringBootTest(properties = {"workbench.demo=true",
        "spring.datasource.url=jdbc:h2:mem:workbench-suggestion-bench;DB_CLOSE_DELAY=-1",
        "workbench.suggestions.index-dir=./target/bench/suggestion-index"})
class SuggestionBenchmark {

    private static final int SOURCES = 10_000;
    private static final int ROUNDS = 6;
    private static final String READER = "bench-suggest";

    @Autowired SuggestionService suggestions;
    @Autowired SourceService sources;
    @Autowired AnnotationService annotations;
    @Autowired ProjectService projects;
    @Autowired AccountService accounts;
    @Autowired CurrentActor actor;
    @Autowired JdbcTemplate jdbc;
    /** The index folder, emptied before the application starts so that the first question builds it cold. */
    private static final java.nio.file.Path INDEX = java.nio.file.Path.of("target", "bench", "suggestion-index");

    static {
        try (var paths = java.nio.file.Files.exists(INDEX) ? java.nio.file.Files.walk(INDEX)
                : java.util.stream.Stream.<java.nio.file.Path>empty()) {
            for (java.nio.file.Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                java.nio.file.Files.delete(path);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private final BenchReport report = new BenchReport();

    @Test
    void oneAnnotationsSuggestionsAmongTenThousandSources() {
        SuggestionSet set = SuggestionSet.load();
        long haystack = actor.runAs("admin", Role.ADMIN, () -> projects.create("Suggestion haystack", null)).id();
        long alone = actor.runAs("admin", Role.ADMIN, () -> projects.create("Suggestion set alone", null)).id();
        TestAccounts people = new TestAccounts(accounts, projects, actor);
        people.createIn(haystack, READER, Role.REVIEWER);
        people.join(alone, READER, java.util.Set.of(Role.REVIEWER));
        generate(haystack, SOURCES);

        Map<String, Long> inHaystack = importSet(haystack, set);
        Map<String, Long> onItsOwn = importSet(alone, set);
        Map<SuggestionSet.Query, Long> haystackQueries = annotate(set, inHaystack);
        Map<SuggestionSet.Query, Long> aloneQueries = annotate(set, onItsOwn);

        long first = haystackQueries.values().iterator().next();
        long t0 = System.nanoTime();
        ask(first, 10);
        long cold = (System.nanoTime() - t0) / 1_000_000;
        long indexFiles = folderSize(INDEX);
        report.append(String.format("Cold index build (first question, %,d sources + %d of the set): %,d ms%n",
                SOURCES, set.sources().size(), cold));
        report.append(String.format("Index on disk (" + INDEX + "): %,d MB%n",
                indexFiles / (1024 * 1024)));

        List<Long> times = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            for (long annotation : haystackQueries.values()) {
                long start = System.nanoTime();
                ask(annotation, 10);
                times.add((System.nanoTime() - start) / 1_000_000);
            }
        }
        report.add("One annotation's suggestions (size 10) among " + SOURCES + " sources", times);
        long[] sorted = times.stream().mapToLong(Long::longValue).sorted().toArray();
        long p50 = sorted[sorted.length / 2];
        long p95 = sorted[(int) Math.ceil(sorted.length * 0.95) - 1];
        report.append(String.format("  p50 %d ms, p95 %d ms (target p95 < 300 ms)%n", p50, p95));

        double recallHaystack = set.recall(query -> found(ask(haystackQueries.get(query), 5), inHaystack));
        double recallAlone = set.recall(query -> found(ask(aloneQueries.get(query), 5), onItsOwn));
        report.append(String.format("Recall@5 on the labelled set (%s): %.2f among %,d sources, %.2f on its own%n",
                set.size(), recallHaystack, SOURCES, recallAlone));
        report.publish("suggestions", "Suggestions");
        assertThat(p95).as("p95 of one annotation's suggestions, ms").isLessThan(300);
    }

    private List<Suggestion> ask(long annotation, int size) {
        return actor.runAs(READER, Role.REVIEWER, () -> suggestions.suggest(annotation, size)).suggestions();
    }

    private static List<SuggestionSet.Found> found(List<Suggestion> found, Map<String, Long> ids) {
        Map<Long, String> keys = new HashMap<>();
        ids.forEach((key, id) -> keys.put(id, key));
        return found.stream().filter(s -> keys.containsKey(s.source()))
                .map(s -> new SuggestionSet.Found(keys.get(s.source()), s.start(), s.end())).toList();
    }

    private Map<String, Long> importSet(long project, SuggestionSet set) {
        Map<String, Long> ids = new HashMap<>();
        for (SuggestionSet.SetSource source : set.sources()) {
            ids.put(source.id(), actor.runAs("admin", Role.ADMIN, () -> sources.importText(project, source.title(),
                    source.text() + "\n(" + project + ")", null, null, null, null)).source().id());
        }
        return ids;
    }

    private Map<SuggestionSet.Query, Long> annotate(SuggestionSet set, Map<String, Long> ids) {
        Map<SuggestionSet.Query, Long> made = new java.util.LinkedHashMap<>();
        for (SuggestionSet.Query query : set.queries()) {
            String text = set.source(query.source()).text();
            int at = text.indexOf(query.quote());
            int start = text.codePointCount(0, at);
            int end = start + query.quote().codePointCount(0, query.quote().length());
            made.put(query, actor.runAs(READER, Role.REVIEWER, () -> annotations.create(ids.get(query.source()),
                    AnnotationRequest.create(start, end, "FACT", Map.of(), null))).id());
        }
        return made;
    }

    /** Writes {@code count} generated sources straight into the table, 500 to a batch, as years of imports would. */
    private void generate(long project, int count) {
        Random random = new Random(15);
        Timestamp now = Timestamp.from(Instant.now());
        for (int batch = 0; batch < count; batch += 500) {
            List<Object[]> rows = new ArrayList<>();
            for (int i = batch; i < Math.min(count, batch + 500); i++) {
                String text = NewsText.article(random, i);
                rows.add(new Object[] {project, text.substring(0, text.indexOf('\n')), "admin",
                        now, Sha256.hex(text.getBytes(StandardCharsets.UTF_8)), text.codePointCount(0, text.length()),
                        text});
            }
            jdbc.batchUpdate("insert into source (project_id, title, imported_by, imported_at, sha256, "
                    + "length_code_points, text_content, version) values (?, ?, ?, ?, ?, ?, ?, 0)", rows);
        }
    }

    private static long folderSize(java.nio.file.Path folder) {
        try (var files = java.nio.file.Files.walk(folder)) {
            return files.filter(java.nio.file.Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        } catch (java.io.IOException e) {
            return -1;
        }
    }
}
