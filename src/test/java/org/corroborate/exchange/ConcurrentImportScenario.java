package org.corroborate.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.corroborate.annotation.AnnotationRequest;
import org.corroborate.annotation.AnnotationService;
import org.corroborate.audit.AuditService;
import org.corroborate.base.CurrentActor;
import org.corroborate.base.Role;
import org.corroborate.project.ProjectService;
import org.corroborate.security.AccountService;
import org.corroborate.source.SourceService;
import org.corroborate.testing.TestAccounts;
import org.springframework.context.ApplicationContext;

/**
 * Three people create annotations, one after another as fast as they can, while a supervisor
 * imports 20,000 spans into their project: every create succeeds, the import is complete, and the
 * audit chain holds. Run on H2 ({@link ConcurrentImportTest}) and on PostgreSQL
 * ({@link ConcurrentImportPostgresTest}).
 */
final class ConcurrentImportScenario {

    static final int SPANS = 20_000;
    static final int PER_SOURCE = 100;

    private final CurrentActor actor;
    private final ImportService imports;
    private final AnnotationService annotations;
    private final SourceService sources;
    private final ProjectService projects;
    private final AuditService audit;
    private final TestAccounts accounts;

    ConcurrentImportScenario(ApplicationContext context) {
        actor = context.getBean(CurrentActor.class);
        imports = context.getBean(ImportService.class);
        annotations = context.getBean(AnnotationService.class);
        sources = context.getBean(SourceService.class);
        projects = context.getBean(ProjectService.class);
        audit = context.getBean(AuditService.class);
        accounts = new TestAccounts(context.getBean(AccountService.class), projects, actor);
    }

    /** What happened: creates during the import, and the failures among them. */
    record Outcome(ImportReport report, int createsDuring, List<String> failures, long slowestCreateMillis) {}

    Outcome run(String prefix) throws Exception {
        long project = actor.runAs("admin", Role.ADMIN,
                () -> projects.create(prefix + " import under load", "Writes during a long import")).id();
        String importer = prefix + "-importer";
        accounts.createIn(project, importer, Role.SUPERVISOR);
        List<String> writers = List.of(prefix + "-writer-a", prefix + "-writer-b", prefix + "-writer-c");
        for (String writer : writers) {
            accounts.createIn(project, writer, Role.REVIEWER);
        }
        String text = "A source the reviewers annotate while a corpus is imported beside it.";
        long source = actor.runAs(importer, Role.SUPERVISOR, () -> sources.importText(project, "Under load",
                text, null, null, null, null)).source().id();
        List<Integer> letters = new ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            if (Character.isLetter(text.charAt(i))) {
                letters.add(i);
            }
        }
        byte[] corpus = corpus(prefix);

        AtomicBoolean importing = new AtomicBoolean(true);
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        List<Integer> during = Collections.synchronizedList(new ArrayList<>());
        List<CompletableFuture<Void>> writing = new ArrayList<>();
        for (String writer : writers) {
            writing.add(CompletableFuture.runAsync(() -> {
                for (int i = 0; importing.get(); i++) {
                    int start = letters.get(i % letters.size());
                    long t0 = System.nanoTime();
                    try {
                        actor.runAs(writer, Role.REVIEWER, () -> annotations.create(source,
                                AnnotationRequest.create(start, start + 1, "FACT", Map.of(), null)));
                        latencies.add((System.nanoTime() - t0) / 1_000_000);
                        if (importing.get()) {
                            during.add(i);
                        }
                    } catch (RuntimeException e) {
                        failures.add(writer + ": " + e);
                    }
                    pause(20);
                }
            }));
        }
        ImportReport report;
        try {
            report = actor.runAs(importer, Role.SUPERVISOR,
                    () -> imports.importCorpus(project, "jsonl", prefix + ".jsonl", corpus, false));
        } finally {
            importing.set(false);
            CompletableFuture.allOf(writing.toArray(CompletableFuture[]::new)).get();
        }
        assertThat(actor.runAs("admin", Role.ADMIN, audit::verify).valid()).as("the audit chain verifies").isTrue();
        long slowest = latencies.stream().mapToLong(Long::longValue).max().orElse(0);
        return new Outcome(report, during.size(), List.copyOf(failures), slowest);
    }

    /** Plain doccano lines: {@value #SPANS} spans, {@value #PER_SOURCE} a source, every text new. */
    static byte[] corpus(String prefix) {
        StringBuilder out = new StringBuilder();
        for (int s = 0; s < SPANS / PER_SOURCE; s++) {
            StringBuilder text = new StringBuilder(prefix + " report " + s + ".");
            while (text.length() < 2_100) {
                text.append(" the council said the water was safe");
            }
            out.append("{\"text\":\"").append(text).append("\",\"label\":[");
            for (int k = 0; k < PER_SOURCE; k++) {
                int start = k * 20;
                out.append(k == 0 ? "" : ",").append('[').append(start).append(',').append(start + 4 + k % 9)
                        .append(",\"").append(k % 2 == 0 ? "FACT" : "ALLEGATION").append("\"]");
            }
            out.append("]}\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
