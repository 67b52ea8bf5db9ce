package org.corroborate;

import org.corroborate.testing.TestProjects;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.corroborate.annotation.AnnotationRequest;
import org.corroborate.annotation.AnnotationService;
import org.corroborate.audit.AuditService;
import org.corroborate.audit.AuditVerification;
import org.corroborate.base.CurrentActor;
import org.corroborate.base.Role;
import org.corroborate.base.WorkbenchException;
import org.corroborate.review.AssessmentService;
import org.corroborate.review.Verdict;
import org.corroborate.review.adjudication.AdjudicationService;
import org.corroborate.review.adjudication.DecisionRequest;
import org.corroborate.review.adjudication.Outcome;
import org.corroborate.source.SourceService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The database guards the invariants on PostgreSQL too: identical decisions and first verdicts at
 * once give one winner and conflicts, a delete racing a verdict leaves no orphan, and the audit
 * chain's tail truncation and breaks are found and never stop writes. Skipped without a server,
 * like {@code PostgresTest}.
 */
@Tag("postgres")
class PostgresIntegrityTest {


    @Test
    void racesAndTamperingOnPostgres(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        TestPostgres.resetSchema();
        java.nio.file.Path witness = dir.resolve("audit-witness.properties");
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(WorkbenchApplication.class).run(
                TestPostgres.withDatabase("--server.port=0", "--workbench.demo=true", "--workbench.audit.witness-file=" + witness))) {
            CurrentActor actor = context.getBean(CurrentActor.class);
            SourceService sources = context.getBean(SourceService.class);
            AnnotationService annotations = context.getBean(AnnotationService.class);
            AssessmentService assessments = context.getBean(AssessmentService.class);
            AdjudicationService adjudication = context.getBean(AdjudicationService.class);
            AuditService audit = context.getBean(AuditService.class);
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);

            long source = actor.runAs("admin", Role.ADMIN, () -> sources.importText(TestProjects.MAIN, "Race", "The plant closed in May. "
                    + UUID.randomUUID(), null, null, null, null)).source().id();
            long annotation = actor.runAs("alice", Role.REVIEWER, () -> annotations.create(source,
                    AnnotationRequest.create(0, 24, "FACT", Map.of(), null))).id();

            Map<String, Integer> decisions = race(10, i -> () -> actor.runAs("sam", Role.SUPERVISOR,
                    () -> adjudication.decide(source, new DecisionRequest(Set.of(annotation), Outcome.ACCEPTED,
                            "A fact.", null, null, null, null, null, null, null))));
            System.out.println("[race figures] PostgreSQL identical decisions: " + decisions);
            assertThat(decisions).isEqualTo(Map.of("ok", 1, "conflict", 9));
            assertThat(jdbc.queryForObject("select count(*) from decision where source_id = ?", Integer.class, source))
                    .isEqualTo(1);

            long other = actor.runAs("alice", Role.REVIEWER, () -> annotations.create(source,
                    AnnotationRequest.create(4, 9, "FACT", Map.of(), null))).id();
            Map<String, Integer> verdicts = race(10, i -> () -> actor.runAs("bob", Role.REVIEWER,
                    () -> assessments.assess(other, Verdict.AGREE, null)));
            System.out.println("[race figures] PostgreSQL first verdicts: " + verdicts);
            assertThat(verdicts).doesNotContainKey("error");
            assertThat(jdbc.queryForObject("select count(*) from assessment where annotation_id = ?", Integer.class,
                    other)).isEqualTo(1);

            for (int round = 0; round < 5; round++) {
                long target = actor.runAs("alice", Role.REVIEWER, () -> annotations.create(source,
                        AnnotationRequest.create(10, 15, "FACT", Map.of(), null))).id();
                Map<String, Integer> raced = race(2, i -> i == 0
                        ? () -> { actor.runAs("alice", Role.REVIEWER, () -> { annotations.delete(target, 0L, null);
                                return null; }); return null; }
                        : () -> actor.runAs("carol", Role.REVIEWER, () -> assessments.assess(target, Verdict.UNSURE, null)));
                System.out.println("[race figures] PostgreSQL delete vs verdict: " + raced);
                assertThat(raced).doesNotContainKey("error");
            }
            assertThat(jdbc.queryForObject("select count(*) from assessment a where not exists "
                    + "(select 1 from annotation n where n.id = a.annotation_id)", Integer.class)).isZero();

            // The owner disables the append-only trigger, cuts the tail and moves the head back.
            long last = jdbc.queryForObject("select max(seq) from audit_event", Long.class);
            // The witness is written just after the commit, off the writer's thread: wait until it has caught up.
            await("the witness catches up").atMost(java.time.Duration.ofSeconds(10))
                    .pollInterval(java.time.Duration.ofMillis(10))
                    .until(() -> java.nio.file.Files.exists(witness)
                            && java.nio.file.Files.readString(witness).contains("seq=" + last + "\n"));
            // The application's own (runtime) role cannot: only the owner can.
            org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                    jdbc.execute("alter table audit_event disable trigger audit_event_no_change"))
                    .rootCause().hasMessageContaining("must be owner");
            JdbcTemplate owner = new JdbcTemplate(new org.springframework.jdbc.datasource.DriverManagerDataSource(
                    TestPostgres.URL, TestPostgres.USER, TestPostgres.PASSWORD));
            owner.execute("alter table audit_event disable trigger audit_event_no_change");
            owner.update("delete from audit_event where seq > ?", last - 5);
            owner.update("update audit_chain_head set seq = ? where id = 1", last - 5);
            owner.execute("alter table audit_event enable trigger audit_event_no_change");
            AuditVerification truncated = actor.runAs("sam", Role.SUPERVISOR, audit::verify);
            assertThat(truncated.valid()).isFalse();
            assertThat(truncated.problem()).contains("truncation");

            // Writes go on after the break.
            actor.runAs("alice", Role.REVIEWER, () -> annotations.create(source,
                    AnnotationRequest.create(0, 3, "FACT", Map.of(), null)));
        }
    }

    private static Map<String, Integer> race(int n, java.util.function.IntFunction<Callable<Object>> call)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> outcomes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Callable<Object> work = call.apply(i);
            outcomes.add(pool.submit(() -> {
                go.await();
                try {
                    work.call();
                    return "ok";
                } catch (WorkbenchException e) {
                    return e.kind() == WorkbenchException.Kind.CONFLICT ? "conflict"
                            : e.kind() == WorkbenchException.Kind.NOT_FOUND ? "gone" : "error";
                } catch (RuntimeException e) {
                    e.printStackTrace();
                    return "error";
                }
            }));
        }
        go.countDown();
        Map<String, Integer> counts = new TreeMap<>();
        for (Future<String> outcome : outcomes) {
            counts.merge(outcome.get(), 1, Integer::sum);
        }
        pool.shutdown();
        return counts;
    }
}
