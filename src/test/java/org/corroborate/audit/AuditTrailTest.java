package org.corroborate.audit;

import org.corroborate.testing.TestProjects;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.corroborate.WorkbenchTest;
import org.corroborate.annotation.AnnotationDetails;
import org.corroborate.annotation.AnnotationRequest;
import org.corroborate.annotation.AnnotationRevision;
import org.corroborate.annotation.AnnotationService;
import org.corroborate.base.CurrentActor;
import org.corroborate.review.ReviewStatusService;
import org.corroborate.security.AccountDetails;
import org.corroborate.security.AccountService;
import org.corroborate.security.NewAccount;
import org.corroborate.base.Role;
import org.corroborate.source.SourceService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Every write through a service leaves exactly one chained event, in its own transaction. */
@WorkbenchTest
class AuditTrailTest {

    @Autowired AuditService audit;
    @Autowired SourceService sources;
    @Autowired AnnotationService annotations;
    @Autowired ReviewStatusService reviews;
    @Autowired AccountService accounts;
    @Autowired CurrentActor actor;
    @Autowired TransactionTemplate transaction;
    @Autowired JdbcTemplate jdbc;

    private <T> T as(String who, String role, java.util.function.Supplier<T> work) {
        return actor.runAs(who, Role.valueOf(role), work);
    }

    /** The newest events, as the administrator reads them: all of them, workbench-wide ones (accounts) too. */
    private List<AuditEventView> newest(int n) {
        return as("admin", "ADMIN", () -> audit.search(AuditFilter.NONE, 0, n));
    }

    private long count() {
        return jdbc.queryForObject("select count(*) from audit_event", Long.class);
    }

    /** Runs a write and returns the events it added, oldest first. */
    private List<AuditEventView> eventsOf(Runnable write) {
        long before = count();
        write.run();
        int added = (int) (count() - before);
        List<AuditEventView> events = new ArrayList<>(newest(added));
        java.util.Collections.reverse(events);
        return events;
    }

    @Test
    void everyServiceWritePathLeavesExactlyOneEventWithBeforeAndAfter() {
        long[] ids = new long[2];
        var imported = eventsOf(() -> ids[0] = as("alice", "REVIEWER", () -> sources.importText(TestProjects.MAIN, "Audited",
                "Text to audit along every write path", null, null, null, null)).source().id());
        assertThat(imported).extracting(AuditEventView::action).containsExactly("source.imported");
        assertThat(imported.getFirst().before()).isNull();
        assertThat(imported.getFirst().after().get("importedBy").asString()).isEqualTo("alice");
        long sourceId = ids[0];

        var blind = eventsOf(() -> as("sam", "SUPERVISOR", () -> sources.setBlind(List.of(sourceId), true)));
        assertThat(blind).extracting(AuditEventView::action).containsExactly("source.blind-on");
        assertThat(blind.getFirst().before().get("blind").asBoolean()).isFalse();
        assertThat(blind.getFirst().after().get("blind").asBoolean()).isTrue();

        var created = eventsOf(() -> ids[1] = as("alice", "REVIEWER", () -> annotations.create(sourceId,
                AnnotationRequest.create(0, 4, "FACT", Map.of(), null))).id());
        assertThat(created).extracting(AuditEventView::action).containsExactly("annotation.created", "review.started");
        long annotationId = ids[1];

        var edited = eventsOf(() -> as("alice", "REVIEWER", () -> annotations.update(annotationId,
                AnnotationRequest.describe("QUOTE", Map.of("speaker", "Ann"), null, 0L, null))));
        assertThat(edited).extracting(AuditEventView::action).containsExactly("annotation.updated");
        assertThat(edited.getFirst().before().get("label").asString()).isEqualTo("FACT");
        assertThat(edited.getFirst().after().get("label").asString()).isEqualTo("QUOTE");

        var overridden = eventsOf(() -> as("sam", "SUPERVISOR", () -> annotations.update(annotationId,
                AnnotationRequest.describe("ALLEGATION", null, null, 1L, "Accuses the utility"))));
        assertThat(overridden).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo("sam");
            assertThat(e.reason()).isEqualTo("Accuses the utility");
        });

        var submitted = eventsOf(() -> as("alice", "REVIEWER", () -> reviews.submit(sourceId)));
        assertThat(submitted).extracting(AuditEventView::action).containsExactly("review.submitted");
        var reopened = eventsOf(() -> as("sam", "SUPERVISOR", () -> reviews.reopen(sourceId, "alice", "Missed quotes")));
        assertThat(reopened).singleElement().satisfies(e -> assertThat(e.reason()).isEqualTo("Missed quotes"));

        var deleted = eventsOf(() -> as("alice", "REVIEWER", () -> {
            annotations.delete(annotationId, 2L, null);
            return null;
        }));
        assertThat(deleted).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("annotation.deleted");
            assertThat(e.after()).isNull();
            assertThat(e.before().get("label").asString()).isEqualTo("ALLEGATION");
        });

        String name = "audited-reviewer";
        AccountDetails[] account = new AccountDetails[1];
        var accountEvents = eventsOf(() -> as("admin", "ADMIN", () -> {
            account[0] = accounts.create(new NewAccount(name, "", "quiet harbour lanterns 42", Set.of()));
            accounts.changeRoles(account[0].id(), Set.of(Role.ADMIN));
            accounts.setEnabled(account[0].id(), false);
            return accounts.resetPassword(account[0].id(), "copper kettle meadow 7");
        }));
        assertThat(accountEvents).extracting(AuditEventView::action).containsExactly("account.created",
                "account.roles-changed", "account.disabled", "account.password-reset");

        // The timeline of the annotation, and its entity history with actor and reason.
        assertThat(as("sam", "SUPERVISOR", () -> audit.timeline("Annotation", String.valueOf(annotationId))))
                .extracting(AuditEventView::action)
                .containsExactly("annotation.created", "annotation.updated", "annotation.updated", "annotation.deleted");
        List<AnnotationRevision> revisions = as("sam", "SUPERVISOR", () -> annotations.revisions(annotationId));
        assertThat(revisions).extracting(AnnotationRevision::change).containsExactly("add", "mod", "mod", "del");
        assertThat(revisions.get(2).actor()).isEqualTo("sam");
        assertThat(revisions.get(2).reason()).isEqualTo("Accuses the utility");
        assertThat(revisions.get(1).state().label()).isEqualTo("QUOTE");
        AnnotationDetails then = as("sam", "SUPERVISOR", () -> annotations.stateAt(annotationId,
                revisions.get(1).at()));
        assertThat(then.attributes()).containsEntry("speaker", "Ann");
    }

    @Test
    void aRolledBackWriteLeavesNoEventAndNoChange() {
        long sourceCount = as("alice", "REVIEWER", () -> sources.list().size());
        long before = count();
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> as("alice", "REVIEWER", () -> {
            sources.importText(TestProjects.MAIN, "Doomed", "Never committed: the transaction rolls back", null, null, null, null);
            throw new IllegalStateException("crash after the write");
        }))).hasMessage("crash after the write");
        assertThat(count()).isEqualTo(before);
        assertThat(as("alice", "REVIEWER", () -> sources.list().size())).isEqualTo((int) sourceCount);
        assertThatThrownBy(() -> as("alice", "REVIEWER", () -> sources.importFile(TestProjects.MAIN, "bad.pdf", new byte[] {1})))
                .isInstanceOf(org.corroborate.base.WorkbenchException.class);
        assertThat(count()).isEqualTo(before);
        assertThat(as("sam", "SUPERVISOR", audit::verify).valid()).isTrue();
    }

    @Test
    void concurrentWritersNeverForkOrBreakTheChain() throws Exception {
        long sourceId = as("alice", "REVIEWER", () -> sources.importText(TestProjects.MAIN, "Busy", "Many hands make a busy chain",
                null, null, null, null)).source().id();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> work = new ArrayList<>();
        List<String> reviewers = List.of("alice", "bob", "carol");
        for (int i = 0; i < 60; i++) {
            String who = reviewers.get(i % 3);
            int start = i % 10;
            work.add(pool.submit(() -> as(who, "REVIEWER", () -> annotations.create(sourceId,
                    AnnotationRequest.create(start, start + 4, "FACT", Map.of(), null)))));
        }
        try {
            for (Future<?> f : work) {
                f.get();
            }
        } finally {
            pool.shutdown();
            pool.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
        }
        AuditVerification verification = as("sam", "SUPERVISOR", audit::verify);
        assertThat(verification.valid()).as(verification.problem()).isTrue();
        assertThat(verification.events()).isEqualTo(count());
        Long maxSeq = jdbc.queryForObject("select max(seq) from audit_event", Long.class);
        assertThat(maxSeq).isEqualTo(count());
    }

    @Test
    void theDatabaseRefusesToChangeOrRemoveEvents() {
        assertThatThrownBy(() -> jdbc.update("update audit_event set actor = 'mallory' where seq = 1"))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("delete from audit_event where seq = 1"))
                .hasMessageContaining("append-only");
    }

    @Test
    void reviewersSeeOnlyTheirOwnHistoryAndCannotVerify() {
        as("bob", "REVIEWER", () -> sources.importText(TestProjects.MAIN, "Bob's", "Bob was here, in his own history", null, null,
                null, null));
        assertThat(as("bob", "REVIEWER", () -> audit.search(AuditFilter.NONE, 0, 100)))
                .isNotEmpty().allSatisfy(e -> assertThat(e.actor()).isEqualTo("bob"));
        assertThatThrownBy(() -> as("bob", "REVIEWER", () -> audit.search(
                AuditFilter.NONE.withActor("alice"), 0, 10)))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        assertThatThrownBy(() -> as("bob", "REVIEWER", audit::verify))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }
}
